import Commissioning

/// Facts kept as lists: a row holding records, each a u32 big-endian length and the fact's
/// bytes as ``BinaryEncoder`` encodes them, in the order they were appended
/// (``ProjectionRows/append(_:toList:)``).
///
/// A fact (a movement of money, a score, a report received) is written once and never changed.
/// Appending it to its entity's list costs a few bytes on a row the batch keeps in memory; the
/// ledger then stores one row per list and batch, not one row per fact.
extension ProjectionRows {
    /// The facts of every list whose key starts with `prefix`: lists in key order, each list's
    /// facts in the order they were appended.
    /// - Throws: ``FactListError`` when a list's records do not add up to its row.
    public func facts<Fact: Decodable>(_ type: Fact.Type, prefix: String) throws -> [Fact] {
        var found: [Fact] = []
        try forEachRow(prefix: prefix) { key, list in
            var start = 0
            while start < list.count {
                guard start + 4 <= list.count else { throw FactListError(key: key, offset: start) }
                let length = list[start..<start + 4].reduce(0) { $0 << 8 | Int($1) }
                guard start + 4 + length <= list.count else { throw FactListError(key: key, offset: start) }
                found.append(try BinaryDecoder().decode(Fact.self, from: Array(list[start + 4..<start + 4 + length])))
                start += 4 + length
            }
        }
        return found
    }
}

/// A list of facts, or of an audit subject's sequences, whose records do not add up to its row:
/// the rows are damaged, and `cledger rebuild` folds them again from the log.
public struct FactListError: Error, CustomStringConvertible {
    public let key: String
    public let offset: Int

    public var description: String {
        "the projection row '\(key)' has a damaged fact list at byte \(offset); run `cledger rebuild` to fold it again from the log"
    }
}

/// Facts a batch appends to lists, kept by each list's identity (`List`: a bid, a commitment, a
/// fund's year and block) and appended to the rows once per list when the rows are read or
/// saved (``PendingRows``): a fact then costs one lookup of its list, not the building and
/// hashing of the list's row key. A fold that keeps its facts so appends every fact of those
/// lists through it, so that each list keeps its facts in the order they came.
final class PendingLists<List: Hashable>: PendingRows {
    /// Each list's row key (nil for a list whose facts are not kept) and the records its facts
    /// add. Unchecked for overlapping access at run time: reached for most events, and touched
    /// by this class's methods alone, which call out only before or after an access.
    @exclusivity(unchecked) private var lists: [List: (key: String?, records: [UInt8])] = [:]

    init() {}

    /// Appends `fact` to `list`, whose row key `key` gives the first time the batch meets the
    /// list; when it gives nil, the list's facts are not kept.
    func append(_ fact: some BinaryWritable, to list: List, key: (List) throws -> String?) rethrows {
        let index: Dictionary<List, (key: String?, records: [UInt8])>.Index
        if let known = lists.index(forKey: list) {
            index = known
        } else {
            lists[list] = (try key(list), [])
            index = lists.index(forKey: list)!
        }
        guard lists.values[index].key != nil else { return }
        BinarySink.appendRecord(fact, to: &lists.values[index].records)
    }

    func write(to rows: OverlayRows) throws {
        for case let (key?, records) in lists.values where !records.isEmpty {
            try records.withUnsafeBytes { try rows.appendToRow(key, $0) }
        }
    }
}
