import Commissioning

/// The rows of one projection's read model, as its fold and its reports see them: keys are
/// text, ordered by their UTF-8 bytes; values are rows encoded with ``BinaryEncoder``.
public protocol ProjectionRows: AnyObject {
    /// The encoded row at `key`, or nil.
    func row(_ key: String) throws -> [UInt8]?
    /// Stores the encoded row at `key`.
    func setRow(_ key: String, _ value: [UInt8])
    /// Calls `body` with each row whose key starts with `prefix`, in key order.
    func forEachRow(prefix: String, _ body: (_ key: String, _ value: [UInt8]) throws -> Void) throws
}

extension ProjectionRows {
    /// The row at `key`, decoded.
    public func get<Row: Decodable>(_ type: Row.Type, _ key: String) throws -> Row? {
        try row(key).map { try BinaryDecoder().decode(Row.self, from: $0) }
    }

    /// Stores `row` at `key`.
    public func set<Row: Encodable>(_ row: Row, _ key: String) throws {
        setRow(key, try BinaryEncoder().encode(row))
    }

    /// Changes the row at `key`, starting from `initial` when there is none.
    public func modify<Row: Codable>(_ key: String, initial: @autoclosure () -> Row, _ change: (inout Row) throws -> Void) throws {
        var row = try get(Row.self, key) ?? initial()
        try change(&row)
        try set(row, key)
    }

    /// Each row whose key starts with `prefix`, decoded, in key order.
    public func rows<Row: Decodable>(_ type: Row.Type, prefix: String) throws -> [Row] {
        var found: [Row] = []
        try forEachRow(prefix: prefix) { _, value in found.append(try BinaryDecoder().decode(Row.self, from: value)) }
        return found
    }
}

/// Orders keys by their UTF-8 bytes, as LMDB orders the stored rows.
func utf8Ordered(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

/// Rows held in memory: a rebuild that is not saved, or the part of a model a read-only ledger
/// folds on top of its stored rows.
public final class MemoryRows: ProjectionRows {
    public private(set) var contents: [String: [UInt8]] = [:]

    public init() {}

    public func row(_ key: String) throws -> [UInt8]? { contents[key] }

    public func setRow(_ key: String, _ value: [UInt8]) { contents[key] = value }

    public func forEachRow(prefix: String, _ body: (String, [UInt8]) throws -> Void) throws {
        for key in contents.keys.filter({ $0.hasPrefix(prefix) }).sorted(by: utf8Ordered) { try body(key, contents[key]!) }
    }
}
