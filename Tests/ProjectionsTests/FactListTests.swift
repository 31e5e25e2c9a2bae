import Commissioning
@testable import Projections
import Testing

/// Lists of facts: what several batches append comes back in order, and a damaged list is
/// reported, never read as other facts.
@Suite("Fact lists")
struct FactListTests {
    struct Fact: Codable, Equatable, BinaryWritable {
        var sequence: UInt64
        var note: String?

        func write(to sink: BinarySink) {
            sink.write(sequence)
            if let note = sink.presence(note) { sink.write(note) }
        }
    }

    @Test("facts come back list by list in key order, each list in the order appended")
    func order() throws {
        let rows = MemoryRows()
        try rows.append(Fact(sequence: 3, note: "b"), toList: "fact/b/")
        try rows.append(Fact(sequence: 1, note: nil), toList: "fact/a/")
        try rows.append(Fact(sequence: 2, note: "a, again"), toList: "fact/a/")
        try rows.append(Fact(sequence: 9, note: "another prefix"), toList: "other/a/")
        #expect(try rows.facts(Fact.self, prefix: "fact/").map(\.sequence) == [1, 2, 3])
        #expect(try rows.facts(Fact.self, prefix: "fact/a/") == [Fact(sequence: 1, note: nil), Fact(sequence: 2, note: "a, again")])
        #expect(try rows.facts(Fact.self, prefix: "none/").isEmpty)
    }

    @Test("facts kept pending by list come back in the order appended, each list's key asked once, a list without a key keeping nothing")
    func pendingLists() throws {
        let rows = MemoryRows()
        var asked: [String] = []
        let key: (String) -> String? = { id in
            asked.append(id)
            return id == "none" ? nil : "fact/\(id)/"
        }
        for (id, sequence) in [("b", 3), ("a", 1), ("none", 4), ("a", 2), ("b", 5)] {
            rows.pending(PendingLists<String>.self).append(Fact(sequence: UInt64(sequence), note: nil), to: id, key: key)
        }
        #expect(try rows.facts(Fact.self, prefix: "fact/").map(\.sequence) == [1, 2, 3, 5])
        #expect(asked == ["b", "a", "none"])
        // Read as rows, the pending facts are written: those that follow append after them.
        rows.pending(PendingLists<String>.self).append(Fact(sequence: 6, note: "after"), to: "a", key: key)
        #expect(try rows.facts(Fact.self, prefix: "fact/a/").map(\.sequence) == [1, 2, 6])
    }

    @Test("a list whose records overrun its row names the row and the byte, and says to rebuild")
    func damaged() throws {
        let rows = MemoryRows()
        try rows.append(Fact(sequence: 1, note: "kept"), toList: "fact/a/")
        let whole = try #require(try rows.row("fact/a/"))
        for cut in [whole.count - 1, whole.count + 2] {
            rows.setRow("fact/a/", cut < whole.count ? Array(whole[..<cut]) : whole + [0, 0])
            let error = try #require(throws: FactListError.self) { try rows.facts(Fact.self, prefix: "fact/") }
            #expect(error.key == "fact/a/")
            #expect(error.description.contains("cledger rebuild"))
        }
    }
}
