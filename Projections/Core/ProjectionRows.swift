import Commissioning
import Glibc

/// The rows of one projection's read model, as its fold and its reports see them: keys are
/// text, ordered by their UTF-8 bytes; values are rows encoded with ``BinaryEncoder``.
///
/// Typed rows read and written through ``get(_:_:)`` and ``set(_:_:)`` are kept decoded while
/// a fold runs and encoded once, when they are saved or read as bytes: a row a batch of events
/// changes a thousand times is decoded and encoded once.
public protocol ProjectionRows: AnyObject {
    /// The encoded row at `key`, or nil.
    func row(_ key: String) throws -> [UInt8]?
    /// Stores the encoded row at `key`.
    func setRow(_ key: String, _ value: [UInt8])
    /// Appends `bytes` to the encoded row at `key`, starting from an empty row when there is
    /// none: for rows that only grow, such as a list of sequences. A row appended to is never
    /// read or written as a decoded value.
    func appendToRow(_ key: String, _ bytes: UnsafeRawBufferPointer) throws
    /// Appends `fact` to the list at `key` (Projections/Core/FactLists.swift), written straight
    /// onto the row's bytes.
    func append<Fact: BinaryWritable>(_ fact: Fact, toList key: String) throws
    /// Calls `body` with each row whose key starts with `prefix`, in key order.
    func forEachRow(prefix: String, _ body: (_ key: String, _ value: [UInt8]) throws -> Void) throws
    /// The row at `key`, decoded.
    func get<Row: Decodable>(_ type: Row.Type, _ key: String) throws -> Row?
    /// Stores `row` at `key`.
    func set<Row: Encodable>(_ row: Row, _ key: String) throws
}

extension ProjectionRows {
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

/// Rows a fold keeps in a form of its own while a batch is folded, such as the sequences a
/// batch adds to many posting lists, and appends to the rows (``ProjectionRows/appendToRow(_:_:)``)
/// when the rows are read as bytes, scanned or saved. They are never read as values.
public protocol PendingRows: AnyObject {
    init()
    /// Appends what is pending to `rows`.
    func write(to rows: OverlayRows) throws
}

/// Orders keys by their UTF-8 bytes, as LMDB orders the stored rows.
func utf8Ordered(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { x in
        b.withUTF8 { y in
            let common = min(x.count, y.count)
            let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
            return order != 0 ? order < 0 : x.count < y.count
        }
    }
}

/// Rows changed in memory on top of rows stored elsewhere (or none): the one implementation of
/// ``ProjectionRows``, which ``MemoryRows`` and ``StoredRows`` give a backing.
public class OverlayRows: ProjectionRows {
    /// The stored rows: one by key, and those under a prefix in key order.
    struct Backing {
        var row: (String) throws -> [UInt8]?
        var forEach: (String, (String, UnsafeRawBufferPointer) throws -> Void) throws -> Void
    }

    private let backing: Backing?
    /// Rows changed since the stored ones were read, encoded: they win over the stored ones.
    ///
    /// This and the other dictionaries of the rows are unchecked for overlapping access at run
    /// time: a fold reaches them several times for each event, only the rows' own methods touch
    /// them, and the one call out in the middle of an access to one (a fact writing itself onto
    /// its row, in ``extendRow(_:_:)``) cannot reach the rows.
    @exclusivity(unchecked) private(set) var changed: [String: [UInt8]] = [:]
    /// The keys of ``changed`` in key order, sorted when a prefix is first scanned after a key
    /// was added (``store(_:_:)``): a report scans many prefixes of a model folded in memory, and
    /// each scan then costs O(log n + k), not O(n).
    @exclusivity(unchecked) private var changedInOrder: [String]?
    /// Rows read or written as values, decoded, each with whether it is newer than its bytes:
    /// one dictionary, so that a read, a write and a save of a row each hash its key once.
    @exclusivity(unchecked) private var decoded: [String: DecodedRow] = [:]

    private struct DecodedRow {
        var value: Value
        var isNewer: Bool
    }

    /// A decoded row's value, kept as what writes it: so that encoding it casts nothing.
    private enum Value {
        /// A row that writes its own bytes (``BinaryWritable``).
        case writable(any BinaryWritable)
        /// A row written through its `Encodable` conformance.
        case encodable(any Encodable)
        /// A row read as a value and not found: a second read of it in the batch then costs no
        /// read of the stored rows. Never newer than its bytes, so never encoded.
        case absent

        /// The value of `row`, or nil when it cannot be encoded. The casts are resolved where
        /// the row's type is known: ``set(_:_:)`` and ``get(_:_:)`` are specialized for it.
        init?(_ row: some Any) {
            if let writable = row as? any BinaryWritable {
                self = .writable(writable)
            } else if let encodable = row as? any Encodable {
                self = .encodable(encodable)
            } else {
                return nil
            }
        }

        func value<Row>(as type: Row.Type) -> Row? {
            switch self {
            case let .writable(row): row as? Row
            case let .encodable(row): row as? Row
            case .absent: nil
            }
        }

        var isAbsent: Bool {
            if case .absent = self { true } else { false }
        }

        func encoded() throws -> [UInt8] {
            switch self {
            case let .writable(row):
                var bytes: [UInt8] = []
                // Room for most rows at once, rather than growing through several sizes.
                bytes.reserveCapacity(256)
                BinarySink.append(row, to: &bytes)
                return bytes
            case let .encodable(row): return try BinaryEncoder().encode(row)
            case .absent: preconditionFailure("an absent row is never encoded")
            }
        }
    }

    /// The fold's rows of its own form, written before any row is read as bytes or saved.
    private var pendingRows: (any PendingRows)?

    init(backing: Backing?) { self.backing = backing }

    /// The fold's pending rows of type `P`, made empty the first time a batch asks for them. A
    /// fold keeps one type of them.
    public final func pending<P: PendingRows>(_ type: P.Type) -> P {
        if let pendingRows {
            guard let rows = pendingRows as? P else { preconditionFailure("a fold keeps one type of pending rows, not \(P.self) as well") }
            return rows
        }
        let rows = P()
        pendingRows = rows
        return rows
    }

    private func writePending() throws {
        guard let rows = pendingRows else { return }
        pendingRows = nil
        try rows.write(to: self)
    }

    public final func row(_ key: String) throws -> [UInt8]? {
        try writePending()
        if let index = decoded.index(forKey: key), decoded.values[index].isNewer { try encode(at: index) }
        return try bytes(key)
    }

    /// The row's bytes as changed or stored, whatever its decoded value.
    private func bytes(_ key: String) throws -> [UInt8]? {
        if let value = changed[key] { return value }
        return try backing?.row(key)
    }

    public final func setRow(_ key: String, _ value: [UInt8]) {
        store(key, value)
        decoded[key] = nil
    }

    /// - Complexity: one hash of `key` when the row is changed already or is not stored, which
    ///   is most appends: a batch's events mostly fall in blocks of sequences no saved row holds.
    public final func appendToRow(_ key: String, _ bytes: UnsafeRawBufferPointer) throws {
        try extendRow(key) { $0.append(contentsOf: bytes) }
    }

    public final func append<Fact: BinaryWritable>(_ fact: Fact, toList key: String) throws {
        try extendRow(key) { BinarySink.appendRecord(fact, to: &$0) }
    }

    /// Extends the row at `key` by `extend`, which appends to its bytes in place; a row new to
    /// the batch then gets its stored bytes put before what was appended.
    private func extendRow(_ key: String, _ extend: (inout [UInt8]) -> Void) throws {
        assert(decoded[key]?.value.isAbsent ?? true, "row \(key) is read as a value and appended to as bytes")
        var isNew = false
        extend(&changed[key, default: { isNew = true; return [] }()])
        guard isNew else { return }
        changedInOrder = nil
        do {
            if let stored = try backing?.row(key), !stored.isEmpty { changed[key]!.insert(contentsOf: stored, at: 0) }
        } catch {
            changed[key] = nil
            throw error
        }
    }

    public final func get<Row: Decodable>(_ type: Row.Type, _ key: String) throws -> Row? {
        let decodedRow = decoded[key]
        if let value = decodedRow?.value.value(as: Row.self) { return value }
        if decodedRow?.value.isAbsent == true { return nil }
        // Decoded as another type, the row is read from its bytes, encoded first if newer.
        guard let bytes = try decodedRow == nil ? bytes(key) : row(key) else {
            decoded[key] = DecodedRow(value: .absent, isNewer: false)
            return nil
        }
        let value = try BinaryDecoder().decode(Row.self, from: bytes)
        if let decodedValue = Value(value) { decoded[key] = DecodedRow(value: decodedValue, isNewer: false) }
        return value
    }

    public final func set<Row: Encodable>(_ row: Row, _ key: String) throws {
        decoded[key] = DecodedRow(value: Value(row)!, isNewer: true)
    }

    public final func forEachRow(prefix: String, _ body: (String, [UInt8]) throws -> Void) throws {
        try encodeAll()
        let pending = changedKeys(prefix: prefix)
        var next = pending.startIndex
        // Merge the stored rows and the changed ones, both in key order; a changed row replaces a stored one.
        try backing?.forEach(prefix) { key, value in
            while next < pending.endIndex, utf8Ordered(pending[next], key) {
                try body(pending[next], changed[pending[next]]!)
                next += 1
            }
            if next < pending.endIndex, pending[next] == key {
                try body(key, changed[key]!)
                next += 1
            } else {
                try body(key, Array(value))
            }
        }
        for key in pending[next...] { try body(key, changed[key]!) }
    }

    /// The changed keys that start with `prefix`, in key order: a run of the ordered keys, found
    /// by binary search, since every key that starts with `prefix` sorts after it and before any
    /// key that does not.
    private func changedKeys(prefix: String) -> ArraySlice<String> {
        let ordered = changedInOrder ?? changed.keys.sorted(by: utf8Ordered)
        changedInOrder = ordered
        var low = ordered.startIndex
        var high = ordered.endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if utf8Ordered(ordered[middle], prefix) { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < ordered.endIndex, ordered[end].utf8.starts(with: prefix.utf8) { end += 1 }
        return ordered[low..<end]
    }

    /// Encodes every row whose decoded value changed, so that ``changed`` holds them all.
    func encodeAll() throws {
        try writePending()
        // A walk by index, not over `indices`, which would hold the storage and have the first
        // change copy it.
        var index = decoded.startIndex
        while index != decoded.endIndex {
            if decoded.values[index].isNewer { try encode(at: index) }
            decoded.formIndex(after: &index)
        }
    }

    /// Forgets the changed rows, once they are saved.
    func clearChanged() {
        changed = [:]
        changedInOrder = nil
        decoded = [:]
        pendingRows = nil
    }

    /// Sets the changed row at `key`; a key not there before puts ``changedInOrder`` out of date.
    private func store(_ key: String, _ value: [UInt8]) {
        if changed.updateValue(value, forKey: key) == nil { changedInOrder = nil }
    }

    /// Encodes the decoded row at `index`, whose value is newer than its bytes.
    private func encode(at index: Dictionary<String, DecodedRow>.Index) throws {
        store(decoded.keys[index], try decoded.values[index].value.encoded())
        decoded.values[index].isNewer = false
    }
}

/// Rows held in memory: a rebuild that is not saved, or the whole model of a read-only ledger
/// whose stored rows cannot be used.
public final class MemoryRows: OverlayRows {
    public init() { super.init(backing: nil) }

    /// Every row, encoded.
    public var contents: [String: [UInt8]] {
        get throws {
            try encodeAll()
            return changed
        }
    }
}
