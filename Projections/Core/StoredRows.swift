import LedgerStore

/// A projection's rows as stored in the ledger, with the rows a fold has changed since held in
/// memory on top: what a report reads, and what a catch-up saves in its write.
final class StoredRows: ProjectionRows {
    private let projection: String
    private let reader: LedgerReader
    /// Rows changed since the stored ones were read: they win over the stored ones.
    private(set) var changed: [String: [UInt8]] = [:]

    init(_ projection: String, reader: LedgerReader) {
        self.projection = projection
        self.reader = reader
    }

    func row(_ key: String) throws -> [UInt8]? {
        if let value = changed[key] { return value }
        return try reader.projectionRow(projection, key: Array(key.utf8))
    }

    func setRow(_ key: String, _ value: [UInt8]) { changed[key] = value }

    func forEachRow(prefix: String, _ body: (String, [UInt8]) throws -> Void) throws {
        let pending = changed.keys.filter { $0.hasPrefix(prefix) }.sorted(by: utf8Ordered)
        var next = pending.startIndex
        // Merge the stored rows and the changed ones, both in key order; a changed row replaces a stored one.
        try reader.forEachProjectionRow(projection, prefix: Array(prefix.utf8)) { keyBytes, value in
            let key = String(decoding: keyBytes, as: UTF8.self)
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

    /// Saves the changed rows through `writer`, which must be a write on the same ledger.
    func save(through writer: LedgerWriter) throws {
        for (key, value) in changed { try writer.setProjectionRow(projection, key: Array(key.utf8), value: value) }
        changed = [:]
    }
}
