import Commissioning
@testable import Projections
import Testing

/// Prefix scans of rows changed in memory (a model folded in memory for a read-only ledger, or
/// a batch's rows before they are saved): every row under the prefix, once, in UTF-8 key order,
/// however the rows were added and whatever was scanned before.
@Suite("Rows changed in memory: prefix scans")
struct OverlayRowsTests {
    struct Row: Codable, Equatable {
        var value: UInt64
    }

    /// Keys that share prefixes at several depths, with non-ASCII ones whose UTF-8 order is not
    /// the order of their characters' names, and a prefix that is itself a key.
    static let keys = [
        "a", "a/", "a/b", "a/b/c", "a/ba", "a/é", "a/z", "ab", "b/1", "b/10", "b/2", "é/x", "z", "ß", "日本/1", "日本/2",
    ]
    static let prefixes = ["", "a", "a/", "a/b", "a/b/", "a/é", "b/1", "é", "日本/", "zz", "日"]

    /// What a scan must give: every key with the prefix's UTF-8 bytes in front, in UTF-8 order.
    static func expected(_ keys: some Sequence<String>, _ prefix: String) -> [String] {
        keys.filter { $0.utf8.starts(with: prefix.utf8) }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    static func scan(_ rows: MemoryRows, _ prefix: String) throws -> [String] {
        var found: [String] = []
        try rows.forEachRow(prefix: prefix) { key, _ in found.append(key) }
        return found
    }

    @Test("each prefix gives its rows in key order, and rows added after a scan appear in the next")
    func prefixes() throws {
        var rng = SplitMix(seed: 42)
        let rows = MemoryRows()
        var added: Set<String> = []
        for (step, key) in Self.keys.shuffled(using: &rng).enumerated() {
            // Rows arrive every way a fold writes them: as bytes, appended to, and as values.
            switch step % 3 {
            case 0: rows.setRow(key, [UInt8(step)])
            case 1: try [UInt8(step)].withUnsafeBytes { try rows.appendToRow(key, $0) }
            default: try rows.set(Row(value: UInt64(step)), key)
            }
            added.insert(key)
            for prefix in Self.prefixes {
                #expect(try Self.scan(rows, prefix) == Self.expected(added, prefix), "prefix '\(prefix)' after adding \(added.count) rows")
            }
        }
    }

    @Test("a row rewritten after a scan is given with its new value")
    func rewritten() throws {
        let rows = MemoryRows()
        try rows.set(Row(value: 1), "a/1")
        try rows.set(Row(value: 2), "a/2")
        #expect(try rows.rows(Row.self, prefix: "a/") == [Row(value: 1), Row(value: 2)])
        try rows.set(Row(value: 3), "a/1")
        try [0].withUnsafeBytes { try rows.appendToRow("a/3", $0) }
        rows.setRow("a/3", try BinaryEncoder().encode(Row(value: 4)))
        #expect(try rows.rows(Row.self, prefix: "a/") == [Row(value: 3), Row(value: 2), Row(value: 4)])
    }

    /// Bytes a fold keeps pending, appended to the row at `key` when the rows are written.
    final class PendingBytes: PendingRows {
        var appends: [(key: String, bytes: [UInt8])] = []
        func write(to rows: OverlayRows) throws {
            for (key, bytes) in appends { try bytes.withUnsafeBytes { try rows.appendToRow(key, $0) } }
        }
    }

    @Test("pending rows are appended before a row is read as bytes, scanned or saved, once each")
    func pendingRows() throws {
        let rows = MemoryRows()
        try [UInt8(1)].withUnsafeBytes { try rows.appendToRow("p/a", $0) }
        rows.pending(PendingBytes.self).appends.append(("p/a", [2]))
        rows.pending(PendingBytes.self).appends.append(("p/b", [3]))
        #expect(try rows.row("p/a") == [1, 2])
        // Written once: the pending rows are new and empty for what the fold adds next.
        #expect(rows.pending(PendingBytes.self).appends.isEmpty)
        rows.pending(PendingBytes.self).appends.append(("p/b", [4]))
        var scanned: [String: [UInt8]] = [:]
        try rows.forEachRow(prefix: "p/") { scanned[$0] = $1 }
        #expect(scanned == ["p/a": [1, 2], "p/b": [3, 4]])
        rows.pending(PendingBytes.self).appends.append(("p/c", [5]))
        #expect(try rows.contents == ["p/a": [1, 2], "p/b": [3, 4], "p/c": [5]])
    }

    @Test("a row read as a value and not found is asked of the stored rows once, and is found once set or stored as bytes")
    func absentRows() throws {
        var asked: [String] = []
        let rows = OverlayRows(backing: .init(row: { asked.append($0); return nil }, forEach: { _, _ in }))
        #expect(try rows.get(Row.self, "r/1") == nil)
        #expect(try rows.get(Row.self, "r/1") == nil)
        #expect(try rows.get(String.self, "r/1") == nil)
        #expect(asked == ["r/1"])
        try rows.set(Row(value: 7), "r/1")
        #expect(try rows.get(Row.self, "r/1") == Row(value: 7))
        #expect(try rows.get(Row.self, "r/2") == nil)
        rows.setRow("r/2", try BinaryEncoder().encode(Row(value: 8)))
        #expect(try rows.get(Row.self, "r/2") == Row(value: 8))
        #expect(asked == ["r/1", "r/2"])
    }
}

/// A small seeded generator (SplitMix64), so a failing order can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
