import CLMDB

/// A return code from an `mdb_*` call, with LMDB's own text for it.
///
/// Only the LMDB boundary (this folder) creates these; `LedgerStore` turns the ones a user can
/// meet into ``LedgerError`` cases and handles `MDB_MAP_FULL` and `MDB_MAP_RESIZED` itself.
struct LMDBError: Error, CustomStringConvertible {
    let code: Int32
    let operation: String

    var description: String {
        let text = String(cString: mdb_strerror(code))
        return "\(operation) failed: \(text) (code \(code))"
    }

    var isMapFull: Bool { code == MDB_MAP_FULL }
    var isNotFound: Bool { code == MDB_NOTFOUND }
    var isMapResized: Bool { code == MDB_MAP_RESIZED }
    /// Codes LMDB returns when it finds a page or a meta page that cannot be right.
    var isCorruption: Bool {
        code == MDB_CORRUPTED || code == MDB_PAGE_NOTFOUND || code == MDB_INVALID
            || code == MDB_VERSION_MISMATCH || code == MDB_BAD_TXN
    }
}

/// Throws ``LMDBError`` unless `code` is `MDB_SUCCESS`.
@inline(__always)
func check(_ code: Int32, _ operation: @autoclosure () -> String) throws {
    if code != MDB_SUCCESS {
        throw LMDBError(code: code, operation: operation())
    }
}
