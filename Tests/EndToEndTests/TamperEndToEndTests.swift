import LedgerTestSupport
import Foundation
import LedgerStore
import Testing

/// `cledger verify` on a ledger whose data.mdb was changed behind its back, and `--expect`.
@Suite("cledger verify catches tampering and checks a head written down earlier")
struct TamperEndToEndTests {
    /// ledger-writer: 3 commands of 3 events, streams s-0 and s-1, 64-byte payloads. Command c
    /// appends events 3c+1...3c+3 to s-(c mod 2): s-0 holds 1, 2, 3, 7, 8, 9; s-1 holds 4, 5, 6.
    static let commands = 3
    static let eventsPerCommand = 3
    static let payloadBytes = 64

    static func nineEventLedger(_ dir: TemporaryDirectory) throws -> String {
        let store = dir.sub("ledger")
        try EndToEndLedger.fill(store, commands: commands, eventsPerCommand: eventsPerCommand, streams: 2, payloadBytes: payloadBytes)
        let verify = try cledger("--store", store, "verify")
        try #require(verify.status == 0, "the new ledger does not verify: \(verify.stderr)")
        return store
    }

    static func payload(of sequence: UInt64) -> [UInt8] {
        let n = Int(sequence) - 1
        return EndToEndLedger.payload(
            command: n / eventsPerCommand, index: n % eventsPerCommand, eventsPerCommand: eventsPerCommand, payloadBytes: payloadBytes)
    }

    static let cases = TamperedEventCase.all

    @Test("one changed byte of a stored event: verify exits 2 and names that event", arguments: cases)
    func changedEventByte(_ c: TamperedEventCase) throws {
        let dir = TemporaryDirectory()
        let store = try Self.nineEventLedger(dir)
        let valueStart = try EndToEndLedger.valueOffset(store, .events, key: LedgerStore.eventKey(c.sequence))
        let dataFile = EndToEndLedger.dataFile(store)
        let payload = Self.payload(of: c.sequence)
        let payloadStart = try #require(try EndToEndLedger.offset(of: payload, in: dataFile, from: valueStart))
        let target = c.part == .payload ? payloadStart + payload.count / 2 : payloadStart + payload.count + 20
        try EndToEndLedger.flipByte(of: dataFile, at: target)

        let verify = try cledger("--store", store, "verify")
        #expect(verify.status == 2)
        #expect(!verify.exitedBySignal)
        #expect(verify.stdout == "")
        #expect(
            verify.stderr == """
                cledger: error: event \(c.sequence): its stored bytes do not hash to its stored hash: the event was altered
                cledger: error: the indexes were not compared, because the log itself is damaged
                cledger: error: first bad sequence: \(c.sequence)

                """)
    }

    @Test("a stream head and a stream link changed: verify exits 2 naming both, and no bad sequence")
    func changedStreamHeadAndLink() throws {
        let dir = TemporaryDirectory()
        let store = try Self.nineEventLedger(dir)
        // s-1 holds events 4, 5 and 6: its head is version 3 at event 6, and event 5 links back to 4.
        let headStart = try EndToEndLedger.valueOffset(store, .streams, key: LedgerStore.streamHeadKey("s-1"))
        let linkStart = try EndToEndLedger.valueOffset(store, .streamLinks, key: LedgerStore.eventKey(5))
        let dataFile = EndToEndLedger.dataFile(store)
        let contents = try EndToEndLedger.contents(of: dataFile)
        #expect(Array(contents[headStart..<headStart + 16]) == [0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 6])
        #expect(Array(contents[linkStart..<linkStart + 8]) == [0, 0, 0, 0, 0, 0, 0, 4])
        try EndToEndLedger.flipByte(of: dataFile, at: headStart + 15)  // event 6 becomes event 7
        try EndToEndLedger.flipByte(of: dataFile, at: linkStart + 7, mask: 0x07)  // event 4 becomes event 3

        let verify = try cledger("--store", store, "verify")
        #expect(verify.status == 2)
        #expect(!verify.exitedBySignal)
        #expect(verify.stdout == "")
        #expect(
            verify.stderr == """
                cledger: error: stream links: event 5 (s-1 version 2) → event 3, but the event before it in s-1 is event 4
                cledger: error: stream heads: s-1 → version 3 at event 7, but the log's last event of s-1 is version 3 at event 6

                """)
        #expect(!verify.stderr.contains("first bad sequence"))
    }

    /// A ledger of 9 events whose head was written down, then 6 more events.
    static func ledgerGrownPastWrittenHead(_ dir: TemporaryDirectory) throws -> (store: String, writtenDown: String, head: String) {
        let store = try nineEventLedger(dir)
        let writtenDown = try EndToEndLedger.headFromInfo(store)
        #expect(writtenDown.hasPrefix("9:"))
        let more = try runProgram(Programs.ledgerWriter, [store, "--writer", "x", "--commands", "2", "--events-per-command", "3"])
        try #require(more.status == 0, "ledger-writer failed: \(more.stderr)")
        let head = try EndToEndLedger.headFromInfo(store)
        #expect(head.hasPrefix("15:"))
        return (store, writtenDown, head)
    }

    @Test("verify --expect with a head printed by info earlier passes after more events were appended")
    func expectedHeadHolds() throws {
        let dir = TemporaryDirectory()
        let (store, writtenDown, head) = try Self.ledgerGrownPastWrittenHead(dir)
        for expected in [writtenDown, writtenDown.uppercased(), head] {
            let verify = try cledger("--store", store, "verify", "--expect", expected)
            #expect(verify.status == 0, "\(expected): \(verify.stderr)")
            #expect(verify.stderr == "")
            #expect(verify.stdout == "verified 15 events; head \(head); holds the expected head \(expected.lowercased())\n")
        }
    }

    @Test("verify --expect with one hex digit of the hash changed exits 2 naming the sequence")
    func forgedHash() throws {
        let dir = TemporaryDirectory()
        let (store, writtenDown, _) = try Self.ledgerGrownPastWrittenHead(dir)
        var digits = Array(writtenDown)
        let last = digits.count - 1
        digits[last] = digits[last] == "0" ? "1" : "0"
        let forged = String(digits)
        let realHash = writtenDown.dropFirst(2)

        let verify = try cledger("--store", store, "verify", "--expect", forged)
        #expect(verify.status == 2)
        #expect(verify.stdout == "")
        #expect(
            verify.stderr
                == "cledger: error: expected head \(forged), but event 9 has hash \(realHash): the log no longer holds that prefix\n")
    }

    @Test("verify --expect with a sequence past the head exits 2")
    func expectedPastHead() throws {
        let dir = TemporaryDirectory()
        let (store, writtenDown, _) = try Self.ledgerGrownPastWrittenHead(dir)
        let expected = "16:" + writtenDown.dropFirst(2)
        let verify = try cledger("--store", store, "verify", "--expect", expected)
        #expect(verify.status == 2)
        #expect(verify.stdout == "")
        #expect(
            verify.stderr
                == "cledger: error: expected head \(expected), but the log holds only 15 events: "
                + "events were removed or this is another ledger\n")
    }

    @Test("verify --expect on a log damaged inside the expected prefix says the head cannot be confirmed")
    func expectedHeadOverDamage() throws {
        let dir = TemporaryDirectory()
        let (store, writtenDown, _) = try Self.ledgerGrownPastWrittenHead(dir)
        let dataFile = EndToEndLedger.dataFile(store)
        let valueStart = try EndToEndLedger.valueOffset(store, .events, key: LedgerStore.eventKey(3))
        let payload = Self.payload(of: 3)
        let payloadStart = try #require(try EndToEndLedger.offset(of: payload, in: dataFile, from: valueStart))
        try EndToEndLedger.flipByte(of: dataFile, at: payloadStart + 1)

        let verify = try cledger("--store", store, "verify", "--expect", writtenDown)
        #expect(verify.status == 2)
        #expect(verify.stdout == "")
        #expect(
            verify.stderr == """
                cledger: error: event 3: its stored bytes do not hash to its stored hash: the event was altered
                cledger: error: expected head \(writtenDown) cannot be confirmed: event 3 is damaged
                cledger: error: the indexes were not compared, because the log itself is damaged
                cledger: error: first bad sequence: 3

                """)
    }

    static let hash64 = String(repeating: "0123456789abcdef", count: 4)

    static let malformedExpects: [String] = [
        "abc",
        "0:" + hash64,  // sequences start at 1
        "5:xyz",
        "5:" + hash64.dropLast(),  // 63 hex digits
        "5:" + hash64 + "0",  // 65
        "5:" + hash64.dropLast() + "g",
        "5",
        ":" + hash64,
        "-5:" + hash64,
        "5:" + hash64 + ":5",
        "18446744073709551616:" + hash64,  // UInt64.max + 1
    ]

    @Test("a malformed --expect exits 1 saying what is accepted, before reading the ledger", arguments: malformedExpects)
    func malformedExpect(_ text: String) throws {
        let dir = TemporaryDirectory()
        let store = try Self.nineEventLedger(dir)
        let before = try EndToEndLedger.contents(of: EndToEndLedger.dataFile(store))
        let verify = try cledger("--store", store, "verify", "--expect=" + text)
        #expect(verify.status == 1)
        #expect(verify.stdout == "")
        #expect(
            verify.stderr
                == "cledger: error: --expect: '\(text)' is not a head; give SEQ:HASH as `cledger info` prints it, "
                + "a sequence from 1 and 64 hexadecimal digits\n")
        #expect(try EndToEndLedger.contents(of: EndToEndLedger.dataFile(store)) == before)
        #expect(try EndToEndLedger.eventCount(store) == 9)
    }
}
