import CLMDB
import Glibc

/// An open LMDB environment: one directory holding `data.mdb` and `lock.mdb`.
///
/// `MDB_env*` imports as `OpaquePointer`, which is not `Sendable`. This class is confined to the
/// ``LedgerStore`` that owns it and is never handed to another thread.
final class LMDBEnvironment {
    let handle: OpaquePointer
    private(set) var mapSizeBytes: Int

    /// The named databases a ledger may keep, opened once at open time: it keeps 7, and room
    /// for more costs LMDB a few words per transaction.
    static let databasesMax: UInt32 = 16

    /// Opens the environment at `path` (a directory that must exist).
    ///
    /// - Parameters:
    ///   - readOnly: open with `MDB_RDONLY`; no write transaction can begin.
    ///   - bulk: `MDB_NOSYNC`: commits are not flushed until ``sync()``; only for explicit bulk loads.
    ///   - withoutLock: `MDB_NOLOCK`: no lock file; only for a read-only copy nobody writes.
    init(path: String, mapSizeBytes: Int, readOnly: Bool, bulk: Bool, withoutLock: Bool = false) throws {
        var env: OpaquePointer?
        try check(mdb_env_create(&env), "mdb_env_create")
        guard let env else { throw LMDBError(code: ENOMEM, operation: "mdb_env_create") }
        handle = env
        self.mapSizeBytes = mapSizeBytes
        // A throw below still runs deinit, which closes the handle, as LMDB asks after a failed
        // mdb_env_open: the class is fully initialised from here on.
        try check(mdb_env_set_maxdbs(env, Self.databasesMax), "mdb_env_set_maxdbs")
        try check(mdb_env_set_mapsize(env, mapSizeBytes), "mdb_env_set_mapsize")
        // MDB_NOTLS: read transactions are not tied to a thread slot, so one thread may hold
        // several (LMDB-NOTES pitfall 3).
        var flags = UInt32(MDB_NOTLS)
        if readOnly { flags |= UInt32(MDB_RDONLY) }
        if bulk { flags |= UInt32(MDB_NOSYNC) }
        if withoutLock { flags |= UInt32(MDB_NOLOCK) }
        try check(mdb_env_open(env, path, flags, 0o644), "mdb_env_open")
        // Clear reader slots left by processes that were killed.
        var dead: Int32 = 0
        try check(mdb_reader_check(env, &dead), "mdb_reader_check")
        // LMDB maps the larger of the size asked for and the size recorded in the file.
        self.mapSizeBytes = info().mapSizeBytes
    }

    deinit {
        mdb_env_close(handle)
    }

    /// Adopts the map size another process set (after `MDB_MAP_RESIZED`). No transaction may be open.
    func adoptMapSize() throws {
        try check(mdb_env_set_mapsize(handle, 0), "mdb_env_set_mapsize")
        mapSizeBytes = info().mapSizeBytes
    }

    /// Grows the map to `bytes`. No transaction of this process may be open.
    func setMapSize(_ bytes: Int) throws {
        try check(mdb_env_set_mapsize(handle, bytes), "mdb_env_set_mapsize")
        mapSizeBytes = bytes
    }

    struct Info {
        var mapSizeBytes: Int
        var lastPage: Int
        var lastTransaction: Int
    }

    func info() -> Info {
        var raw = MDB_envinfo()
        mdb_env_info(handle, &raw)
        return Info(
            mapSizeBytes: raw.me_mapsize,
            lastPage: raw.me_last_pgno, lastTransaction: raw.me_last_txnid)
    }

    /// The page size LMDB uses for this environment.
    func pageSizeBytes() -> Int {
        var stat = MDB_stat()
        mdb_env_stat(handle, &stat)
        return Int(stat.ms_psize)
    }

    /// Whether commits are flushed to disk before they return (no `MDB_NOSYNC`/`MDB_NOMETASYNC`).
    func isDurable() -> Bool {
        var flags: UInt32 = 0
        mdb_env_get_flags(handle, &flags)
        return flags & UInt32(MDB_NOSYNC | MDB_NOMETASYNC | MDB_MAPASYNC) == 0
    }

    /// Flushes the data written with `MDB_NOSYNC` to disk.
    func sync() throws {
        try check(mdb_env_sync(handle, 1), "mdb_env_sync")
    }

    /// A consistent, compacted copy of the environment into the directory `path` (which must
    /// exist and be empty), taken inside a read transaction, so writers go on meanwhile.
    func copy(to path: String) throws {
        try check(mdb_env_copy2(handle, path, UInt32(MDB_CP_COMPACT)), "mdb_env_copy2")
    }
}
