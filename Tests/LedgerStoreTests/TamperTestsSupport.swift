import LedgerTestSupport
import Foundation
import LedgerStore
import Testing

/// Byte-level edits of a closed ledger's `data.mdb`, for the tamper and decision-state tests.
enum TamperedFile {
    /// The `count` bytes of the file at `path` from `offset`.
    static func bytes(of path: String, at offset: Int, count: Int) throws -> [UInt8] {
        let handle = try #require(FileHandle(forReadingAtPath: path), "cannot open \(path)")
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        return Array(try handle.read(upToCount: count) ?? Data())
    }

    /// Replaces the byte at `offset` with itself XOR `mask` (nonzero), so it surely changes.
    /// - Returns: the byte before and after.
    @discardableResult
    static func flipByte(of path: String, at offset: Int, mask: UInt8 = 0x01) throws -> (before: UInt8, after: UInt8) {
        precondition(mask != 0, "a zero mask changes nothing")
        let before = try #require(try bytes(of: path, at: offset, count: 1).first, "no byte at \(offset) of \(path)")
        let after = before ^ mask
        let handle = try #require(FileHandle(forUpdatingAtPath: path), "cannot open \(path) for writing")
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: [after])
        try handle.synchronize()
        return (before, after)
    }

    /// Where the live stored value of `key` in `database` begins in the ledger's data.mdb:
    /// `fileOffset(ofValueIn:key:)`, or, while that gives nil (a bug: see
    /// `TamperTests.fileOffsetFindsLiveValue`), the offset a walk of the file's B-trees finds.
    static func liveValueOffset(
        _ store: LedgerStore, dataFile: String, _ database: LedgerDatabaseName, key: [UInt8]
    ) throws -> Int {
        if let offset = try store.fileOffset(ofValueIn: database, key: key) { return offset }
        return try #require(try walkedValueOffset(dataFile, pageSize: store.pageSizeBytes, database, key: key))
    }

    /// The offset of the live value of `key` in `database`, found by walking the file's B-trees.
    static func walkedValueOffset(_ dataFile: String, pageSize: Int, _ database: LedgerDatabaseName, key: [UInt8]) throws -> Int? {
        let pages = LMDBPageMap(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: dataFile))), pageSize: pageSize)
        return try pages.valueOffset(inDatabase: database.rawValue, key: key)
    }

    /// Where `needle` first occurs in the file at or after `offset`, looking no further than
    /// `window` bytes: used to find a field inside a stored value whose start `fileOffset` gave.
    static func offset(of needle: [UInt8], in path: String, from offset: Int, window: Int = 8192) throws -> Int? {
        let haystack = try bytes(of: path, at: offset, count: window)
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<start + needle.count].elementsEqual(needle) {
            return offset + start
        }
        return nil
    }
}
