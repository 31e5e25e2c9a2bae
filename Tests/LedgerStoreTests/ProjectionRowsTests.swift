import LedgerStore
import Testing

/// Projection rows as the store keeps them: removed all at once only when every projection
/// stored is one of those named, however their names sort against each other.
@Suite("Projection rows in the store")
struct ProjectionRowsTests {
    /// Projections whose names are prefixes of one another, each with a checkpoint and rows.
    static let names = ["a", "ab", "a.b", "b"]

    static func stored(_ ledger: TemporaryLedger) throws -> [String: Int] {
        try ledger.store.read { reader in
            var counts: [String: Int] = [:]
            for name in names {
                try reader.forEachProjectionRow(name, prefix: []) { _, _ in counts[name, default: 0] += 1 }
                if try reader.checkpoint(named: name) != nil { counts[name, default: 0] += 100 }
            }
            return counts
        }
    }

    @Test("every projection's rows go in one write when all stored are named; when one is not, none go")
    func removeAll() throws {
        let ledger = try TemporaryLedger()
        try ledger.store.write { w in
            try w.append(to: "bid-1", [testEvent()])
            for name in Self.names {
                for row in ["x", "y/1", "y/2"] { try w.setProjectionRow(name, key: row, value: [1]) }
                try w.setCheckpoint(named: name, sequence: 1, state: [0, 0, 0, 1])
            }
        }
        let all = Dictionary(uniqueKeysWithValues: Self.names.map { ($0, 103) })
        #expect(try Self.stored(ledger) == all)
        for named in [["a", "b", "a.b"], ["a", "ab", "a.b"], ["ab", "a.b", "b"], []] {
            #expect(try ledger.store.write { try $0.removeAllProjections(ifOnly: Set(named)) }.value == false, "\(named)")
            #expect(try Self.stored(ledger) == all, "nothing is removed when \(named) leaves out a stored projection")
        }
        #expect(try ledger.store.write { try $0.removeAllProjections(ifOnly: Set(Self.names + ["c"])) }.value == true)
        #expect(try Self.stored(ledger) == [:])
        #expect(try ledger.store.read { try $0.eventCount() } == 1, "the events stay")
    }
}
