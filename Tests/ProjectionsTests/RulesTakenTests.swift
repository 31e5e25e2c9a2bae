import Commissioning
import LedgerStore
@testable import Projections
import Testing

/// A fund's versions of its rules, read from the audit index's row without `Codable`: the same
/// list the decoder gives for every row the encoder writes, and a damaged row is reported.
@Suite("Audit index: a fund's versions of its rules read from their row")
struct RulesTakenTests {
    @Test("the list read from the bytes is the list the decoder reads", arguments: [0, 1, 2, 7, 300])
    func sameAsDecoder(count: Int) throws {
        var rng = SplitMix(seed: UInt64(count) + 1)
        let list = (0..<count).map { _ in
            RulesTaken(
                sequence: rng.next() >> UInt64.random(in: 0...63, using: &rng),
                effectiveFrom: CalendarDate(daysSinceEpoch: Int32(truncatingIfNeeded: rng.next())))
        }
        let row = try BinaryEncoder().encode(list)
        #expect(row.count == 4 + count * RulesTaken.storedBytes)
        #expect(try RulesTaken.list(fromRow: row, key: "rules/f") == list)
        #expect(try RulesTaken.list(fromRow: row, key: "rules/f") == (try BinaryDecoder().decode([RulesTaken].self, from: row)))
    }

    @Test("a row that is not a whole list names the row and says to rebuild")
    func damaged() throws {
        let row = try BinaryEncoder().encode([RulesTaken(sequence: 9, effectiveFrom: CalendarDate(year: 2018, month: 4, day: 1)!)])
        for damaged in [[], Array(row.dropLast()), row + [0], [0, 0, 0, 2] + row.dropFirst(4)] {
            let error = try #require(throws: FactListError.self) { try RulesTaken.list(fromRow: damaged, key: "rules/f") }
            #expect(error.key == "rules/f")
            #expect(error.description.contains("cledger rebuild"))
        }
    }
}
