import Glibc

/// Checks `data.mdb` before LMDB maps it: its size and both meta pages.
///
/// LMDB trusts its file: a meta page pointing past the end of a truncated file makes the first
/// read of that page a SIGBUS. So the file is read with `pread` and the two meta pages are
/// checked against the layout of LMDB 0.9 (`mdb.c`: `MDB_page` header, then `MDB_meta`), on a
/// little-endian 64-bit machine.
enum DataFileCheck {
    static let magic: UInt32 = 0xBEEF_C0DE
    static let dataVersion: UInt32 = 1
    static let pageHeaderBytes = 16
    static let metaPageFlag: UInt16 = 0x08
    static let invalidPage = UInt64.max
    /// Offsets inside `MDB_meta`.
    static let mainRootOffset = 24 + 48 + 40
    static let lastPageOffset = 120
    static let transactionOffset = 128
    static let metaBytes = 136

    struct Meta {
        var pageSizeBytes: Int
        var lastPage: UInt64
        var transaction: UInt64
        var mainRoot: UInt64
    }

    /// Throws ``LedgerError/damaged(path:detail:)`` when `path` cannot be a whole LMDB file.
    ///
    /// The meta pages are read before the file's size is taken: another process may commit
    /// meanwhile, and LMDB writes (and flushes) a commit's pages before the meta page that names
    /// them, so a size taken after the meta pages always reaches the pages they name.
    static func check(path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return }  // a missing file is reported by the caller as "not a ledger"
        defer { close(fd) }

        func damaged(_ detail: String) -> LedgerError { .damaged(path: path, detail: detail) }

        let first = try readMeta(fd: fd, index: 0, pageSizeBytes: nil, damaged: damaged)
        let second = try readMeta(fd: fd, index: 1, pageSizeBytes: first.pageSizeBytes, damaged: damaged)
        guard let fileBytes = size(fd) else { return }
        let current = first.transaction >= second.transaction ? first : second
        let neededBytes = (Int(current.lastPage) + 1) * current.pageSizeBytes
        if fileBytes < neededBytes {
            throw damaged(
                "data.mdb is \(fileBytes) bytes but its meta page says it holds \(current.lastPage + 1) pages "
                    + "(\(neededBytes) bytes): the file is truncated")
        }
        if current.mainRoot != invalidPage && current.mainRoot > current.lastPage {
            throw damaged("the meta page's root page \(current.mainRoot) lies beyond the last page \(current.lastPage)")
        }
    }

    /// The size of the open file `fd` in bytes, or nil when `fstat` fails.
    private static func size(_ fd: Int32) -> Int? {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int(st.st_size) : nil
    }

    private static func readMeta(
        fd: Int32, index: Int, pageSizeBytes: Int?, damaged: (String) -> LedgerError
    ) throws -> Meta {
        let offset = index * (pageSizeBytes ?? 0)
        var bytes = [UInt8](repeating: 0, count: pageHeaderBytes + metaBytes)
        let got = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
        if got >= 0 && got < bytes.count, let fileBytes = size(fd) {
            throw damaged("data.mdb is \(fileBytes) byte\(fileBytes == 1 ? "" : "s"), too short for meta page \(index): the file is truncated")
        }
        guard got == bytes.count else { throw damaged("meta page \(index) could not be read") }

        func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * $1) } }
        func u64(_ at: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * $1) } }

        let pageNumber = u64(0)
        let flags = u16(10)
        let meta = pageHeaderBytes
        guard pageNumber == UInt64(index), flags & metaPageFlag != 0, u32(meta) == magic else {
            throw damaged("meta page \(index) is garbled (no LMDB meta page signature)")
        }
        guard u32(meta + 4) == dataVersion else {
            throw damaged("meta page \(index) has LMDB data version \(u32(meta + 4)); this build reads version \(dataVersion)")
        }
        // The free database's md_pad holds the page size.
        let pageSize = Int(u32(meta + 24))
        guard pageSize >= 512, pageSize <= 65536, pageSize & (pageSize - 1) == 0,
            pageSizeBytes == nil || pageSize == pageSizeBytes
        else {
            throw damaged("meta page \(index) is garbled (page size \(pageSize))")
        }
        return Meta(
            pageSizeBytes: pageSize, lastPage: u64(meta + lastPageOffset),
            transaction: u64(meta + transactionOffset), mainRoot: u64(meta + mainRootOffset))
    }
}
