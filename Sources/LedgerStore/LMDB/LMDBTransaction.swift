import CLMDB

/// One LMDB transaction, created and ended inside one synchronous call of ``LedgerStore`` and
/// never escaping it. A write transaction is confined to the thread that began it (LMDB-NOTES
/// pitfall 2); a read transaction may be used by one other thread while the thread that began
/// it waits, as ``LedgerWriter/alongside(_:snapshot:)`` does, which `MDB_NOTLS` allows.
final class LMDBTransaction {
    let handle: OpaquePointer
    let isReadOnly: Bool
    private var isOpen = true

    init(environment: LMDBEnvironment, readOnly: Bool) throws {
        var txn: OpaquePointer?
        let flags = readOnly ? UInt32(MDB_RDONLY) : 0
        try check(mdb_txn_begin(environment.handle, nil, flags, &txn), "mdb_txn_begin")
        handle = txn!
        isReadOnly = readOnly
    }

    deinit {
        if isOpen { mdb_txn_abort(handle) }
    }

    /// Commits; for a durable environment this returns after LMDB's fdatasync.
    func commit() throws {
        precondition(isOpen, "commit of a transaction that already ended")
        isOpen = false
        try check(mdb_txn_commit(handle), "mdb_txn_commit")
    }

    func abort() {
        if isOpen {
            isOpen = false
            mdb_txn_abort(handle)
        }
    }

    /// Opens (and with `create`, creates) the named database.
    func openDatabase(_ name: String, create: Bool) throws -> MDB_dbi {
        var dbi: MDB_dbi = 0
        let flags = create ? UInt32(MDB_CREATE) : 0
        try check(mdb_dbi_open(handle, name, flags, &dbi), "mdb_dbi_open(\(name))")
        return dbi
    }

    /// Number of entries in a database.
    func entryCount(_ dbi: MDB_dbi) throws -> Int {
        var stat = MDB_stat()
        try check(mdb_stat(handle, dbi, &stat), "mdb_stat")
        return stat.ms_entries
    }

    /// Calls `body` with the stored value for `key`, or returns nil when there is none. The bytes
    /// point into the map and are valid only inside `body` (LMDB-NOTES pitfall 6).
    func withValue<R>(
        _ dbi: MDB_dbi, key: [UInt8], _ body: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R? {
        try key.withUnsafeBytes { try withValue(dbi, key: $0, body) }
    }

    func withValue<R>(
        _ dbi: MDB_dbi, key: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R? {
        var k = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var v = MDB_val()
        let rc = mdb_get(handle, dbi, &k, &v)
        if rc == MDB_NOTFOUND { return nil }
        try check(rc, "mdb_get")
        return try body(UnsafeRawBufferPointer(start: v.mv_data, count: v.mv_size))
    }

    func value(_ dbi: MDB_dbi, key: [UInt8]) throws -> [UInt8]? {
        try withValue(dbi, key: key) { Array($0) }
    }

    enum PutMode {
        /// Keys strictly increasing: `MDB_APPEND`.
        case append
        /// Refuse an existing key: `MDB_NOOVERWRITE`.
        case insert
        /// Insert or replace.
        case upsert

        var flags: UInt32 {
            switch self {
            case .append: UInt32(MDB_APPEND)
            case .insert: UInt32(MDB_NOOVERWRITE)
            case .upsert: 0
            }
        }
    }

    /// Stores `value` under `key`; an `.insert` of an existing key, or an `.append` of a key not
    /// past the last, returns false.
    @discardableResult
    func put(_ dbi: MDB_dbi, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, mode: PutMode) throws -> Bool {
        var v = MDB_val(mv_size: value.count, mv_data: UnsafeMutableRawPointer(mutating: value.baseAddress))
        return try put(dbi, key: key, value: &v, mode: mode)
    }

    /// Reserves `count` bytes under `key` (`MDB_RESERVE`) and has `fill` write every one of them
    /// in place, which saves building the value elsewhere and LMDB's copy of it. The memory is in
    /// the map and valid only inside `fill`, which may not call LMDB. Returns false as
    /// ``put(_:key:value:mode:)`` does, without calling `fill`.
    @discardableResult
    func put(
        _ dbi: MDB_dbi, key: UnsafeRawBufferPointer, reserving count: Int, mode: PutMode,
        fill: (UnsafeMutableRawBufferPointer) -> Void
    ) throws -> Bool {
        var v = MDB_val(mv_size: count, mv_data: nil)
        guard try put(dbi, key: key, value: &v, mode: mode, reserve: true) else { return false }
        fill(UnsafeMutableRawBufferPointer(start: v.mv_data, count: v.mv_size))
        return true
    }

    private func put(
        _ dbi: MDB_dbi, key: UnsafeRawBufferPointer, value: inout MDB_val, mode: PutMode, reserve: Bool = false
    ) throws -> Bool {
        var k = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        let rc = mdb_put(handle, dbi, &k, &value, mode.flags | (reserve ? UInt32(MDB_RESERVE) : 0))
        if rc == MDB_KEYEXIST && mode != .upsert { return false }
        try check(rc, "mdb_put")
        return true
    }

    @discardableResult
    func put(_ dbi: MDB_dbi, key: [UInt8], value: [UInt8], mode: PutMode) throws -> Bool {
        try key.withUnsafeBytes { k in
            try value.withUnsafeBytes { v in
                try put(dbi, key: k, value: v, mode: mode)
            }
        }
    }

    /// Removes `key`; returns whether it was there.
    @discardableResult
    func delete(_ dbi: MDB_dbi, key: [UInt8]) throws -> Bool {
        try key.withUnsafeBytes { keyBytes in
            var k = MDB_val(mv_size: keyBytes.count, mv_data: UnsafeMutableRawPointer(mutating: keyBytes.baseAddress))
            let rc = mdb_del(handle, dbi, &k, nil)
            if rc == MDB_NOTFOUND { return false }
            try check(rc, "mdb_del")
            return true
        }
    }

    /// Removes every entry of a database, keeping the database.
    func empty(_ dbi: MDB_dbi) throws {
        try check(mdb_drop(handle, dbi, 0), "mdb_drop")
    }
}
