/// A projection's read model as keyed rows, kept in the checkpoints database beside the
/// projection's checkpoint (DESIGN.md, "Projections and reports").
///
/// A row's stored key is the projection's name, a 0x00 byte, then the row key's UTF-8, so a
/// projection's rows sort together and in row-key order; the checkpoint itself is stored under
/// the bare name. The rows are derived: a rebuild removes them and folds the log again. The store
/// knows a row as a text key and a value of bytes; what a row means is the projection's business.
enum ProjectionRowKey {
    static let separator: UInt8 = 0

    /// The stored key of `key` (or of a prefix of keys) in `projection`.
    static func stored(_ projection: String, _ key: [UInt8]) -> [UInt8] {
        key.withUnsafeBytes { withStored(projection, $0) { Array($0) } }
    }

    /// Calls `body` with the stored key of `key` in `projection`, built on the stack: a fold
    /// looks up and saves about one row per event, and the key is needed only for the call.
    static func withStored<R>(_ projection: String, _ key: String, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var key = key
        return try key.withUTF8 { try withStored(projection, UnsafeRawBufferPointer($0), body) }
    }

    /// The one place the layout is written: the name's UTF-8, the separator, the key.
    private static func withStored<R>(
        _ projection: String, _ key: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> R
    ) rethrows -> R {
        var projection = projection
        return try projection.withUTF8 { name in
            try withUnsafeTemporaryAllocation(byteCount: name.count + 1 + key.count, alignment: 1) { stored in
                stored.copyMemory(from: UnsafeRawBufferPointer(name))
                stored[name.count] = separator
                UnsafeMutableRawBufferPointer(rebasing: stored[(name.count + 1)...]).copyMemory(from: key)
                return try body(UnsafeRawBufferPointer(stored))
            }
        }
    }

    /// Whether a key of the checkpoints database is a row rather than a checkpoint.
    static func isRow(_ storedKey: UnsafeRawBufferPointer) -> Bool { storedKey.contains(separator) }
}

extension LedgerReader {
    /// The row `key` of `projection`'s read model, or nil when it has none.
    /// - Complexity: O(log n).
    public func projectionRow(_ projection: String, key: String) throws -> [UInt8]? {
        checkOpen()
        return try ProjectionRowKey.withStored(projection, key) { try txn.withValue(dbs.checkpoints, key: $0) { Array($0) } }
    }

    /// Calls `body` with each row of `projection` whose key starts with `prefix`, in key order.
    /// - Complexity: O(log n + k) for k rows.
    public func forEachProjectionRow(
        _ projection: String, prefix: [UInt8], _ body: (_ key: [UInt8], _ value: UnsafeRawBufferPointer) throws -> Void
    ) throws {
        checkOpen()
        let storedPrefix = ProjectionRowKey.stored(projection, prefix)
        let cursor = try LMDBCursor(txn, dbs.checkpoints)
        var entry = try cursor.seek(atLeast: storedPrefix)
        while let e = entry, e.key.starts(with: storedPrefix) {
            try body(Array(e.key.dropFirst(storedPrefix.count - prefix.count)), e.value)
            entry = try cursor.move(.next)
        }
    }
}

extension LedgerWriter {
    /// Stores the row `key` of `projection`'s read model. Rows are derived data: saved with the
    /// checkpoint they belong to, in the same transaction.
    public func setProjectionRow(_ projection: String, key: String, value: [UInt8]) throws {
        checkOpen()
        try Self.validate(projection)
        try lmdb {
            try ProjectionRowKey.withStored(projection, key) { stored in
                try value.withUnsafeBytes { _ = try txn.put(dbs.checkpoints, key: stored, value: $0, mode: .upsert) }
            }
        }
    }

    /// Removes up to `rowsMax` rows of `projection`'s read model, and once none is left its
    /// checkpoint, before a rebuild. A rebuild removes a large model over several writes, so
    /// that no write holds every page of it in memory; the caller marks the checkpoint first, so
    /// that rows left by an interrupted removal are never read as a model (`ProjectionRunner` does).
    /// - Returns: the number of rows removed, and whether the model and its checkpoint are gone.
    /// - Complexity: O(k log n) for the k rows removed.
    @discardableResult
    public func removeProjection(_ projection: String, rowsMax: Int = .max) throws -> (removed: Int, finished: Bool) {
        checkOpen()
        try Self.validate(projection)
        var keys: [[UInt8]] = []
        let storedPrefix = ProjectionRowKey.stored(projection, [])
        try lmdb {
            let cursor = try LMDBCursor(txn, dbs.checkpoints)
            var entry = try cursor.seek(atLeast: storedPrefix)
            while let e = entry, e.key.starts(with: storedPrefix), keys.count < rowsMax {
                keys.append(Array(e.key))
                entry = try cursor.move(.next)
            }
        }
        let finished = keys.count < rowsMax
        try lmdb {
            for key in keys { try txn.delete(dbs.checkpoints, key: key) }
            if finished { try txn.delete(dbs.checkpoints, key: Array(projection.utf8)) }
        }
        return (keys.count, finished)
    }

    /// Removes the rows and checkpoints of every projection at once, when the ledger holds those
    /// of `projections` and of no other: emptying their database walks its pages once, where
    /// ``removeProjection(_:rowsMax:)`` deletes row by row. The rows of a projection not named
    /// (one another version of the program keeps) are never removed: then nothing is.
    /// - Returns: whether the rows were removed.
    /// - Complexity: O(p log n) to find the p projections stored, then O(pages) to empty them.
    public func removeAllProjections(ifOnly projections: Set<String>) throws -> Bool {
        checkOpen()
        for projection in projections { try Self.validate(projection) }
        guard try lmdb({ try storedProjections() }).isSubset(of: projections) else { return false }
        try lmdb { try txn.empty(dbs.checkpoints) }
        return true
    }

    /// The names of the projections with a checkpoint or rows stored: one seek per projection,
    /// past its checkpoint (its bare name) and its rows (the name, 0x00, the row key) to the next
    /// name, since names hold no control character such as 0x00 or 0x01.
    private func storedProjections() throws -> Set<String> {
        let cursor = try LMDBCursor(txn, dbs.checkpoints)
        defer { cursor.close() }
        var names: Set<String> = []
        var entry = try cursor.move(.first)
        while let e = entry {
            let name = Array(e.key.prefix { $0 != ProjectionRowKey.separator })
            names.insert(String(decoding: name, as: UTF8.self))
            entry = try cursor.seek(atLeast: name + [ProjectionRowKey.separator + 1])
        }
        return names
    }

    private static func validate(_ projection: String) throws {
        guard !projection.isEmpty, !projection.utf8.contains(where: isControl) else {
            throw LedgerError.invalidEvent(field: "projection name", detail: "'\(projection)': give a name of printable characters")
        }
    }
}
