import CLMDB

/// A cursor over one database inside one transaction; closed by ``close()`` or when it goes away.
final class LMDBCursor {
    private let handle: OpaquePointer
    private var isOpen = true

    init(_ transaction: LMDBTransaction, _ dbi: MDB_dbi) throws {
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(transaction.handle, dbi, &cursor), "mdb_cursor_open")
        handle = cursor!
    }

    deinit {
        close()
    }

    /// Closes the cursor; one kept across calls in a write transaction must be closed before the
    /// transaction ends, which frees it.
    func close() {
        if isOpen {
            isOpen = false
            mdb_cursor_close(handle)
        }
    }

    /// A key and value pointing into the map, valid until the transaction ends or the cursor moves.
    struct Entry {
        let key: UnsafeRawBufferPointer
        let value: UnsafeRawBufferPointer

        /// Has the CPU start loading the value (up to 4 KiB of it) into its caches, for a scan
        /// that works on one entry while the next one loads.
        func prefetchValue() { clmdb_prefetch(value.baseAddress, value.count) }
    }

    enum Position {
        case first, last, next, previous
    }

    /// Moves the cursor; nil when there is no entry there.
    func move(_ position: Position) throws -> Entry? {
        let op: MDB_cursor_op
        switch position {
        case .first: op = MDB_FIRST
        case .last: op = MDB_LAST
        case .next: op = MDB_NEXT
        case .previous: op = MDB_PREV
        }
        var k = MDB_val()
        var v = MDB_val()
        return try get(&k, &v, op)
    }

    /// Every key, in order (for small databases such as the main one, which names the others);
    /// throws when the walk meets a page LMDB cannot read.
    func allKeys(limit: Int = 64) throws -> [[UInt8]] {
        var keys: [[UInt8]] = []
        var entry = try move(.first)
        while let e = entry, keys.count < limit {
            keys.append(Array(e.key))
            entry = try move(.next)
        }
        return keys
    }

    /// Moves to the first entry whose key is greater than or equal to `key`.
    func seek(atLeast key: [UInt8]) throws -> Entry? {
        try key.withUnsafeBytes { keyBytes in
            var k = MDB_val(mv_size: keyBytes.count, mv_data: UnsafeMutableRawPointer(mutating: keyBytes.baseAddress))
            var v = MDB_val()
            return try get(&k, &v, MDB_SET_RANGE)
        }
    }

    /// Moves to the entry whose key is exactly `key` (`MDB_SET_KEY`); nil when there is none.
    func seek(exactly key: UnsafeRawBufferPointer) throws -> Entry? {
        var k = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var v = MDB_val()
        return try get(&k, &v, MDB_SET_KEY)
    }

    /// Stores `value` under `key`, inserting or replacing, and moves the cursor to it. With
    /// `replacingCurrent` the cursor must be on `key` (a ``seek(exactly:)`` with no write to this
    /// database since) and `value` the size of the value there: LMDB then overwrites it in place
    /// (`MDB_CURRENT`) instead of searching the tree for the key again.
    func put(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, replacingCurrent: Bool) throws {
        var k = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var v = MDB_val(mv_size: value.count, mv_data: UnsafeMutableRawPointer(mutating: value.baseAddress))
        try check(mdb_cursor_put(handle, &k, &v, replacingCurrent ? UInt32(MDB_CURRENT) : 0), "mdb_cursor_put")
    }

    private func get(_ k: inout MDB_val, _ v: inout MDB_val, _ op: MDB_cursor_op) throws -> Entry? {
        let rc = mdb_cursor_get(handle, &k, &v, op)
        if rc == MDB_NOTFOUND { return nil }
        try check(rc, "mdb_cursor_get")
        return Entry(
            key: UnsafeRawBufferPointer(start: k.mv_data, count: k.mv_size),
            value: UnsafeRawBufferPointer(start: v.mv_data, count: v.mv_size))
    }
}
