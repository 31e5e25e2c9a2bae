import LedgerStore
import Testing

@Suite("Appending and reading events")
struct AppendTests {
    @Test("events get gapless sequences and stream versions, and read back exactly")
    func appendAndReadBack() throws {
        let ledger = try TemporaryLedger()
        let first = try ledger.store.write { w in try w.append(to: "bid-1", [testEvent(payload: "a"), testEvent(payload: "b")]) }
        let second = try ledger.store.write { w in try w.append(to: "bid-2", [testEvent(payload: "c")]) }
        #expect(first.sequences == [1, 2])
        #expect(second.sequences == [3])
        try ledger.store.read { r throws in
            #expect(try r.eventCount() == 3)
            #expect(try r.streamVersion("bid-1") == 2)
            #expect(try r.streamVersion("bid-2") == 1)
            #expect(try r.streamVersion("bid-3") == 0)
            let b = try #require(try r.event(at: 2))
            #expect(b.streamId == "bid-1")
            #expect(b.streamVersion == 2)
            #expect(b.payload == Array("b".utf8))
            #expect(b.recordedBy == "tester")
            #expect(b.actor == ActorRef(id: "actor-1", role: "tester"))
            #expect(b.recordedAt == TemporaryLedger.startInstant)
            var streamPayloads: [String] = []
            try r.forEachEvent(inStream: "bid-1") { streamPayloads.append(String(decoding: $0.payload, as: UTF8.self)) }
            #expect(streamPayloads == ["a", "b"])
            #expect(try r.head()?.sequence == 3)
            #expect(try r.head()?.hash == (try r.event(at: 3))?.hash)
        }
    }

    @Test("one event appended on its own is stored exactly as in an array; a write reports every sequence it appended, across streams")
    func singleEventAppend() throws {
        let single = try TemporaryLedger()
        let arrays = try TemporaryLedger()
        let written = try single.store.write { w -> [UInt64] in
            [try w.append(to: "bid-1", testEvent(payload: "a")), try w.append(to: "bid-2", testEvent(payload: "b")),
             try w.append(to: "bid-1", expectedVersion: .exactly(1), testEvent(payload: "c"))]
        }
        #expect(written.value == [1, 2, 3])
        #expect(written.sequences == [1, 2, 3])
        try arrays.store.write { w in
            #expect(w.appendedCount == 0 && w.appended(after: 0) == [])
            try w.append(to: "bid-1", [testEvent(payload: "a")])
            try w.append(to: "bid-2", [testEvent(payload: "b")])
            #expect(try w.append(to: "bid-3", []) == [], "appending no events appends nothing")
            // What a step of a write appended, as a batch of commands notes it before each one.
            let before = w.appendedCount
            try w.append(to: "bid-1", expectedVersion: .exactly(1), [testEvent(payload: "c")])
            #expect(before == 2 && w.appendedCount == 3)
            #expect(w.appended(after: before) == [3] && w.appended(after: 0) == [1, 2, 3] && w.appended(after: 3) == [])
        }
        #expect(try single.store.read { try $0.head() } == (try arrays.store.read { try $0.head() }), "the same bytes, so the same hash chain")
        #expect(throws: LedgerError.wrongExpectedVersion(streamId: "bid-1", expected: .noStream, current: 2)) {
            try single.store.write { w in try w.append(to: "bid-1", expectedVersion: .noStream, testEvent()) }
        }
    }

    @Test("a stream whose id is the prefix of another keeps its own version")
    func prefixStreams() throws {
        let ledger = try TemporaryLedger()
        try ledger.store.write { w in
            try w.append(to: "bid-1", [testEvent()])
            try w.append(to: "bid-10", [testEvent(), testEvent()])
        }
        try ledger.store.read { r throws in
            #expect(try r.streamVersion("bid-1") == 1)
            #expect(try r.streamVersion("bid-10") == 2)
            var count = 0
            try r.forEachEvent(inStream: "bid-1") { _ in count += 1 }
            #expect(count == 1)
        }
    }

    @Test("an expected-version mismatch names the current version and appends nothing")
    func expectedVersionConflict() throws {
        let ledger = try TemporaryLedger()
        try ledger.store.write { w in try w.append(to: "bid-1", expectedVersion: .noStream, [testEvent(), testEvent()]) }
        #expect(throws: LedgerError.wrongExpectedVersion(streamId: "bid-1", expected: .exactly(1), current: 2)) {
            try ledger.store.write { w in try w.append(to: "bid-1", expectedVersion: .exactly(1), [testEvent()]) }
        }
        #expect(throws: LedgerError.wrongExpectedVersion(streamId: "bid-1", expected: .noStream, current: 2)) {
            try ledger.store.write { w in try w.append(to: "bid-1", expectedVersion: .noStream, [testEvent()]) }
        }
        let error = LedgerError.wrongExpectedVersion(streamId: "bid-1", expected: .exactly(1), current: 2)
        #expect(error.description == "stream bid-1 is at version 2, not version 1 as expected; read it again and decide against version 2.")
        try ledger.store.write { w in try w.append(to: "bid-1", expectedVersion: .exactly(2), [testEvent()]) }
        #expect(try ledger.store.read { try $0.eventCount() } == 3)
    }

    @Test("a decision that throws after appending leaves nothing behind")
    func refusedCommandAppendsNothing() throws {
        struct Refused: Error {}
        let ledger = try TemporaryLedger()
        try ledger.store.write { w in try w.append(to: "fund-a", [testEvent()]) }
        #expect(throws: Refused.self) {
            try ledger.store.write { w in
                try w.append(to: "fund-a", [testEvent(), testEvent()])
                throw Refused()
            }
        }
        try ledger.store.read { r throws in
            #expect(try r.eventCount() == 1)
            #expect(try r.streamVersion("fund-a") == 1)
        }
        #expect(try ledger.store.verify().isValid)
    }

    @Test("recorded time never decreases, even when the clock goes back")
    func recordedAtNeverDecreases() throws {
        let ledger = try TemporaryLedger()
        try ledger.store.write { w in try w.append(to: "s", [testEvent()]) }
        ledger.clock.advance(microseconds: -3_600_000_000)
        try ledger.store.write { w in try w.append(to: "s", [testEvent()]) }
        try ledger.store.read { r throws in
            #expect(try r.event(at: 2)?.recordedAt == TemporaryLedger.startInstant)
        }
    }

    @Test("stream ids and event fields are checked before anything is written", arguments: ["", String(repeating: "x", count: 201), "bad\u{0}id", "tab\tid"])
    func invalidStreamIds(_ streamId: String) throws {
        let ledger = try TemporaryLedger()
        #expect(throws: LedgerError.self) {
            try ledger.store.write { w in try w.append(to: streamId, [testEvent()]) }
        }
        #expect(try ledger.store.read { try $0.eventCount() } == 0)
    }

    @Test("a control character anywhere in a field is refused, and nothing else is")
    func controlCharactersAnywhere() throws {
        let ledger = try TemporaryLedger()
        let controls = Array(0..<0x20) + [0x7f]
        // The check reads whole words and then the bytes past them as one padded word: every
        // position of strings whose tail is 0 to 7 bytes long is tried.
        for length in [1, 2, 7, 8, 9, 15, 16, 21] {
            for position in 0..<length {
                for control in controls {
                    var utf8 = Array(repeating: UInt8(ascii: "a"), count: length)
                    utf8[position] = UInt8(control)
                    let type = String(decoding: utf8, as: UTF8.self)
                    #expect(throws: LedgerError.self) { try ledger.store.write { w in try w.append(to: "s", [testEvent(type)]) } }
                }
            }
        }
        #expect(try ledger.store.read { try $0.eventCount() } == 0)
        let allowed = " !~ é, ü, € and \u{80}: no byte of them is a control character"
        // Every length, so that each of these bytes is also tested in the padded tail.
        for length in 1...allowed.utf8.count {
            let type = String(decoding: allowed.utf8.prefix(length), as: UTF8.self)
            try ledger.store.write { w in try w.append(to: "s", [testEvent(type)]) }
            #expect(try ledger.store.read { try $0.event(at: UInt64(length))?.eventType } == type)
        }
    }

    @Test("a ledger reopens with its events and head")
    func reopen() throws {
        let ledger = try TemporaryLedger()
        try ledger.store.write { w in try w.append(to: "s", [testEvent(), testEvent()]) }
        let head = try ledger.store.read { try $0.head() }
        try ledger.reopen()
        #expect(try ledger.store.read { try $0.head() } == head)
        #expect(try ledger.store.verify().isValid)
    }

    @Test("creating a ledger where one exists is refused")
    func createTwice() throws {
        let ledger = try TemporaryLedger()
        #expect(throws: LedgerError.alreadyALedger(path: ledger.directory)) {
            _ = try LedgerStore.create(at: ledger.directory)
        }
    }
}
