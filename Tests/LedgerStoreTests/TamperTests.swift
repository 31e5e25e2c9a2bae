import LedgerTestSupport
import LedgerStore
import Testing

/// One byte of `data.mdb` changed behind the store's back: `verify` must name the place.
@Suite("Tampering with data.mdb is caught by verify")
struct TamperTests {
    /// Nine events, one per write, a minute apart, on streams bid-1, bid-2, bid-3 in turn.
    static let eventsWritten: UInt64 = 9

    static func payload(of sequence: UInt64) -> [UInt8] { Array("payload-of-event-\(sequence)-abcdefghijklmnop".utf8) }
    static func stream(of sequence: UInt64) -> String { "bid-\((sequence - 1) % 3 + 1)" }

    /// A ledger of ``eventsWritten`` events that verifies.
    static func ledgerOfNineEvents() throws -> TemporaryLedger {
        let ledger = try TemporaryLedger()
        for sequence in 1...eventsWritten {
            try ledger.store.write { w in
                try w.append(to: stream(of: sequence), [testEvent(payload: String(decoding: payload(of: sequence), as: UTF8.self))])
            }
            ledger.clock.advance(microseconds: 60 * 1_000_000)
        }
        let report = try ledger.store.verify()
        #expect(report.problems == [])
        #expect(report.head?.sequence == eventsWritten)
        return ledger
    }

    static let cases = TamperedEventCase.all

    @Test("one changed byte of a stored event: verify names that event as the first bad sequence", arguments: cases)
    func changedEventByte(_ c: TamperedEventCase) throws {
        let ledger = try Self.ledgerOfNineEvents()
        let valueStart = try TamperedFile.liveValueOffset(
            ledger.store, dataFile: ledger.dataFile, .events, key: LedgerStore.eventKey(c.sequence))
        let storedHash = try #require(try ledger.store.read { try $0.event(at: c.sequence)?.hash })
        ledger.close()

        // The payload is the last field of the body; the 32-byte hash follows it.
        let payload = Self.payload(of: c.sequence)
        let payloadStart = try #require(try TamperedFile.offset(of: payload, in: ledger.dataFile, from: valueStart))
        let hashStart = payloadStart + payload.count
        #expect(try TamperedFile.bytes(of: ledger.dataFile, at: hashStart, count: 32) == storedHash.bytes)
        let target = c.part == .payload ? payloadStart + payload.count / 2 : hashStart + 13
        try TamperedFile.flipByte(of: ledger.dataFile, at: target)

        try ledger.reopen()
        let report = try ledger.store.verify()
        #expect(report.firstBadSequence == c.sequence)
        #expect(
            report.problems == [
                "event \(c.sequence): its stored bytes do not hash to its stored hash: the event was altered",
                "the indexes were not compared, because the log itself is damaged",
            ])
        #expect(!report.isValid)
        #expect(ledger.store.openTransactionCount == 0)
    }

    /// A byte of a stored stream head or stream link changed (docs/event-format.md), and what
    /// verify must say about it. bid-2 holds events 2, 5 and 8: its head is version 3 at event 8,
    /// and event 5 links back to event 2.
    struct StreamTableCase: Sendable, CustomTestStringConvertible {
        var database: LedgerDatabaseName
        var key: [UInt8]
        var stored: [UInt8]
        /// Which byte of the value to change, and how.
        var byteIndex: Int
        var mask: UInt8
        var problem: String
        var testDescription: String { "\(database.rawValue) byte \(byteIndex) ^ 0x\(String(mask, radix: 16))" }

        static func head(byteIndex: Int, mask: UInt8, version: UInt64 = 3, sequence: UInt64 = 8) -> StreamTableCase {
            StreamTableCase(
                database: .streams, key: LedgerStore.streamHeadKey("bid-2"), stored: [0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 8],
                byteIndex: byteIndex, mask: mask,
                problem: "stream heads: bid-2 → version \(version) at event \(sequence), but the log's last event of bid-2 is version 3 at event 8")
        }

        static func link(byteIndex: Int, mask: UInt8, pointsAt: UInt64) -> StreamTableCase {
            StreamTableCase(
                database: .streamLinks, key: LedgerStore.eventKey(5), stored: [0, 0, 0, 0, 0, 0, 0, 2], byteIndex: byteIndex,
                mask: mask, problem: "stream links: event 5 (bid-2 version 2) → event \(pointsAt), but the event before it in bid-2 is event 2")
        }
    }

    static let streamTableCases: [StreamTableCase] = [
        .head(byteIndex: 15, mask: 0x01, sequence: 9),  // another stream's last event
        .head(byteIndex: 15, mask: 0x0d, sequence: 5),  // an earlier event of the stream
        .head(byteIndex: 15, mask: 0x02, sequence: 10),  // one past the log's head
        .head(byteIndex: 8, mask: 0x80, sequence: 0x8000_0000_0000_0008),  // far past the head
        .head(byteIndex: 7, mask: 0x01, version: 2),  // the right event, the wrong version
        .head(byteIndex: 0, mask: 0x80, version: 0x8000_0000_0000_0003),  // more events than the log holds
        .link(byteIndex: 7, mask: 0x01, pointsAt: 3),  // another stream's event
        .link(byteIndex: 7, mask: 0x02, pointsAt: 0),  // "the first of its stream"
        .link(byteIndex: 7, mask: 0x07, pointsAt: 5),  // itself
        .link(byteIndex: 7, mask: 0x0a, pointsAt: 8),  // a later event of the stream
        .link(byteIndex: 0, mask: 0x80, pointsAt: 0x8000_0000_0000_0002),  // far past the head
    ]

    /// Changes the value of `c.key` in `c.database` of a closed ledger as `c` says.
    static func tamper(_ ledger: TemporaryLedger, _ c: StreamTableCase) throws {
        let valueStart = try TamperedFile.liveValueOffset(ledger.store, dataFile: ledger.dataFile, c.database, key: c.key)
        ledger.close()
        #expect(try TamperedFile.bytes(of: ledger.dataFile, at: valueStart, count: c.stored.count) == c.stored)
        try TamperedFile.flipByte(of: ledger.dataFile, at: valueStart + c.byteIndex, mask: c.mask)
        try ledger.reopen()
    }

    @Test("a stream head or link changed on disk: verify names the entry and what the log holds; the chain is fine", arguments: streamTableCases)
    func changedStreamTableEntry(_ c: StreamTableCase) throws {
        let ledger = try Self.ledgerOfNineEvents()
        try Self.tamper(ledger, c)
        let report = try ledger.store.verify()
        #expect(report.firstBadSequence == nil)
        #expect(report.head?.sequence == Self.eventsWritten)
        #expect(report.problems == [c.problem])
        #expect(!report.isValid)
        #expect(ledger.store.openTransactionCount == 0)
    }

    @Test("a stream head and a stream link both changed: verify reports both, the link first")
    func changedStreamHeadAndLink() throws {
        let ledger = try Self.ledgerOfNineEvents()
        let head = StreamTableCase.head(byteIndex: 15, mask: 0x01, sequence: 9)
        let link = StreamTableCase.link(byteIndex: 7, mask: 0x01, pointsAt: 3)
        try Self.tamper(ledger, head)
        try Self.tamper(ledger, link)
        let report = try ledger.store.verify()
        #expect(report.firstBadSequence == nil)
        #expect(report.problems == [link.problem, head.problem])
    }

    /// A byte of the head record (u64be sequence ‖ 32-byte hash ‖ i64be recorded-at micros) changed.
    struct HeadCase: Sendable, CustomTestStringConvertible {
        var name: String
        var byteIndex: Int
        var testDescription: String { name }
    }

    static let headCases: [HeadCase] = [
        HeadCase(name: "its sequence", byteIndex: 7),
        HeadCase(name: "its hash", byteIndex: 8),
        HeadCase(name: "its recorded time", byteIndex: 47),
    ]

    /// Each head is shown as SEQ:HASH with its recorded time, so a change to any of the three
    /// shows in the message.
    @Test("the recorded head changed on disk: verify reports the metadata, showing how the two heads differ", arguments: headCases)
    func changedHeadRecord(_ c: HeadCase) throws {
        let ledger = try Self.ledgerOfNineEvents()
        let valueStart = try TamperedFile.liveValueOffset(ledger.store, dataFile: ledger.dataFile, .meta, key: Array("head".utf8))
        let head = try #require(try ledger.store.read { try $0.head() })
        ledger.close()
        var stored = try TamperedFile.bytes(of: ledger.dataFile, at: valueStart, count: 48)
        #expect(Array(stored[0..<8]) == [0, 0, 0, 0, 0, 0, 0, 9])
        #expect(Array(stored[8..<40]) == head.hash.bytes)
        try TamperedFile.flipByte(of: ledger.dataFile, at: valueStart + c.byteIndex)
        stored[c.byteIndex] ^= 0x01

        try ledger.reopen()
        let report = try ledger.store.verify()
        #expect(report.firstBadSequence == nil)
        try #require(report.problems.count == 1, "\(report.problems)")
        let problem = report.problems[0]
        #expect(problem.hasPrefix("metadata: the recorded head is "))
        let logHead = "\(head) recorded at \(head.recordedAt)"
        #expect(problem.hasSuffix(", the log's last event is \(logHead)"))
        if c.byteIndex < 40 {
            let hex = stored[8..<40].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
            let sequence = stored[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            #expect(
                problem
                    == "metadata: the recorded head is \(sequence):\(hex) recorded at \(head.recordedAt), the log's last event is \(logHead)")
        }
        // Whatever differs must show: two heads printed alike tell the reader nothing.
        let shown = problem.dropFirst("metadata: the recorded head is ".count).components(separatedBy: ", the log's last event is ")
        #expect(shown.count == 2 && shown[0] != shown[1], "the message shows the same head twice: \(problem)")
    }

    @Test("an idempotency record changed on disk: verify names the key; the chain is fine")
    func changedIdempotencyRecord() throws {
        let ledger = try TemporaryLedger()
        let claim = IdempotencyClaim(key: "pay-2018-0001", content: Array("pay 2500.00 to bid-1".utf8))
        try ledger.store.write(idempotency: claim) { w in try w.append(to: "bid-1", [testEvent(), testEvent()]) }
        try ledger.store.write { w in try w.append(to: "bid-2", [testEvent()]) }
        let valueStart = try TamperedFile.liveValueOffset(
            ledger.store, dataFile: ledger.dataFile, .idempotency, key: Array("pay-2018-0001".utf8))
        ledger.close()
        // first sequence ‖ last sequence ‖ command digest: the last sequence 2 becomes 3.
        #expect(try TamperedFile.bytes(of: ledger.dataFile, at: valueStart, count: 16) == [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2])
        try TamperedFile.flipByte(of: ledger.dataFile, at: valueStart + 15)

        try ledger.reopen()
        let report = try ledger.store.verify()
        #expect(report.firstBadSequence == nil)
        #expect(report.problems == ["idempotency keys: the record of 'pay-2018-0001' does not match the events that carry it"])
    }

    @Test("an untouched ledger still verifies after it was closed and opened again")
    func untouchedLedgerVerifies() throws {
        let ledger = try Self.ledgerOfNineEvents()
        try ledger.reopen()
        let report = try ledger.store.verify()
        #expect(report.problems == [])
        #expect(report.firstBadSequence == nil)
        #expect(report.eventCount == Self.eventsWritten)
    }

    /// Stored values the inspection API must locate.
    struct Located: Sendable, CustomTestStringConvertible {
        var database: LedgerDatabaseName
        var key: [UInt8]
        var testDescription: String { "\(database.rawValue) \(key)" }
    }

    static let located: [Located] = [
        Located(database: .events, key: LedgerStore.eventKey(1)),
        Located(database: .events, key: LedgerStore.eventKey(9)),
        Located(database: .streams, key: LedgerStore.streamHeadKey("bid-2")),
        Located(database: .streamLinks, key: LedgerStore.eventKey(5)),
        Located(database: .meta, key: Array("format".utf8)),
        Located(database: .meta, key: Array("head".utf8)),
    ]

    /// Fails today: LedgerStore+Inspection.swift takes the map's address from mdb_env_info, whose
    /// me_mapaddr is the meta page's mm_address (NULL without MDB_FIXEDMAP), so fileOffset is nil.
    @Test("fileOffset gives the offset in data.mdb of the live value, where a walk of the file's B-trees finds it", arguments: located)
    func fileOffsetFindsLiveValue(_ l: Located) throws {
        let ledger = try Self.ledgerOfNineEvents()
        let walked = try TamperedFile.walkedValueOffset(ledger.dataFile, pageSize: ledger.store.pageSizeBytes, l.database, key: l.key)
        #expect(walked != nil)
        #expect(try ledger.store.fileOffset(ofValueIn: l.database, key: l.key) == walked)
        #expect(try ledger.store.fileOffset(ofValueIn: l.database, key: Array("no such key".utf8)) == nil)
    }
}
