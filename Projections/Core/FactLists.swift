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
