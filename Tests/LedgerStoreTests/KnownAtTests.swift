import LedgerStore
import Testing

@Suite("Reading the ledger as known at an instant")
struct KnownAtTests {
    @Test("the last sequence recorded by an instant, at every boundary")
    func boundaries() throws {
        let ledger = try TemporaryLedger()
        let start = TemporaryLedger.startInstant
        // Events 1-2 at start, 3 one second later, 4-6 one hour later.
        try ledger.store.write { w in try w.append(to: "a", [testEvent(), testEvent()]) }
        ledger.clock.advance(microseconds: 1_000_000)
        try ledger.store.write { w in try w.append(to: "a", [testEvent()]) }
        ledger.clock.advance(microseconds: 3_600_000_000)
        try ledger.store.write { w in try w.append(to: "b", [testEvent(), testEvent(), testEvent()]) }
        let cases: [(LedgerInstant, UInt64)] = [
            (start.adding(microseconds: -1), 0),
            (start, 2),
            (start.adding(microseconds: 999_999), 2),
            (start.adding(microseconds: 1_000_000), 3),
            (start.adding(microseconds: 3_600_999_999), 3),
            (start.adding(microseconds: 3_601_000_000), 6),
            (start.adding(microseconds: 86_400_000_000), 6),
        ]
        try ledger.store.read { r throws in
            for (instant, expected) in cases {
                #expect(try r.lastSequence(knownAt: instant) == expected, "known at \(instant)")
            }
        }
    }

    @Test("a payment recorded after the year end is absent as known at the year end",
          arguments: [(1, 0), (2, 1), (100, 37), (300, 150)] as [(Int, Int)])
    func recordedLater(eventCount: Int, knownCount: Int) throws {
        let ledger = try TemporaryLedger()
        for i in 0..<eventCount {
            if i == knownCount { ledger.clock.advance(microseconds: 6 * 86_400_000_000) }
            try ledger.store.write { w in try w.append(to: "s-\(i % 7)", [testEvent()]) }
        }
        let cutoff = TemporaryLedger.startInstant.adding(microseconds: 86_400_000_000)
        #expect(try ledger.store.read { try $0.lastSequence(knownAt: cutoff) } == UInt64(knownCount))
    }
}
