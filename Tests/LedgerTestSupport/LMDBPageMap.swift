import Foundation

/// For the tests of LedgerStore and of cledger that damage or alter `data.mdb` on purpose.
///
/// Reads the B-trees of an LMDB 0.9 `data.mdb` (little-endian, 64-bit; `mdb.c`): enough to find
/// which pages are the branch and leaf pages of each named database, so a test can garble them.
///
/// Page header (16 bytes): pgno u64 at 0, pad u16 at 8, flags u16 at 10, lower u16 at 12, upper
/// u16 at 14; then `(lower − 16) / 2` u16 offsets of the nodes. A node: lo u16, hi u16, flags
/// u16, key size u16, key, then (in a leaf) the data. A branch node's child page is
/// `lo | hi << 16 | flags << 32`. The meta (after the header of page 0 and page 1): magic u32,
/// version u32, address, map size, the free and main databases (48 bytes each: pad u32, flags
/// u16, depth u16, branch, leaf and overflow page counts, entries, root), last page u64 at 120,
/// transaction id u64 at 128.
package struct LMDBPageMap {
    package static let headerBytes = 16
    package static let branchFlag: UInt16 = 0x01
    package static let leafFlag: UInt16 = 0x02
    package static let overflowFlag: UInt16 = 0x04
    package static let metaFlag: UInt16 = 0x08
    package static let bigDataNodeFlag: UInt16 = 0x01
    package static let subDatabaseNodeFlag: UInt16 = 0x02
    package static let noPage = UInt64.max

    package struct Malformed: Error, CustomStringConvertible {
        package var description: String
    }

    package let bytes: [UInt8]
    package let pageSize: Int

    package init(bytes: [UInt8], pageSize: Int) {
        self.bytes = bytes
        self.pageSize = pageSize
    }

    package var pageCount: Int { bytes.count / pageSize }

    package func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
    package func u64(_ at: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * $1) } }

    package func pageNumber(_ page: Int) -> UInt64 { u64(page * pageSize) }
    package func flags(_ page: Int) -> UInt16 { u16(page * pageSize + 10) }

    /// The meta page with the newer transaction: the one LMDB uses.
    package var currentMeta: Int {
        let metaAt = Self.headerBytes
        return u64(pageSize + metaAt + 128) > u64(metaAt + 128) ? 1 : 0
    }

    /// The last page in use, by the current meta page.
    package var lastPage: UInt64 { u64(currentMeta * pageSize + Self.headerBytes + 120) }

    /// The root page of the main database, which holds the named databases' records.
    package var mainRoot: UInt64 { u64(currentMeta * pageSize + Self.headerBytes + 112) }

    /// Pages whose header names their own position and says they are branch pages: the live
    /// ones and stale copies in free pages alike.
    package var branchPagesByPosition: [Int] {
        (2..<pageCount).filter { pageNumber($0) == UInt64($0) && flags($0) == Self.branchFlag }
    }

    /// Byte offsets, in the file, of the nodes of `page`.
    package func nodes(_ page: Int) throws -> [Int] {
        let base = page * pageSize
        let lower = Int(u16(base + 12))
        guard lower >= Self.headerBytes, lower <= pageSize else { throw Malformed(description: "page \(page) has lower \(lower)") }
        return (0..<(lower - Self.headerBytes) / 2).map { base + Int(u16(base + Self.headerBytes + 2 * $0)) }
    }

    package func key(ofNode node: Int) -> [UInt8] {
        let size = Int(u16(node + 6))
        return Array(bytes[(node + 8)..<(node + 8 + size)])
    }

    /// The children of a branch page.
    package func children(_ page: Int) throws -> [Int] {
        try nodes(page).map { node in Int(UInt64(u16(node)) | UInt64(u16(node + 2)) << 16 | UInt64(u16(node + 4)) << 32) }
    }

    /// The root page of each named database (nil for an empty one).
    package func namedRoots() throws -> [String: Int?] {
        guard mainRoot != Self.noPage else { return [:] }
        let main = Int(mainRoot)
        guard flags(main) & Self.leafFlag != 0 else { throw Malformed(description: "the main database's root \(main) is not a leaf") }
        var roots: [String: Int?] = [:]
        for node in try nodes(main) where u16(node + 4) & Self.subDatabaseNodeFlag != 0 {
            let name = String(decoding: key(ofNode: node), as: UTF8.self)
            let root = u64(node + 8 + Int(u16(node + 6)) + 40)
            roots[name] = root == Self.noPage ? nil : Int(root)
        }
        return roots
    }

    /// The branch and leaf pages of the tree under `root`, branch pages by depth (root first).
    package func tree(_ root: Int) throws -> (branches: [[Int]], leaves: [Int]) {
        var branches: [[Int]] = []
        var leaves: [Int] = []
        var level = [root]
        while !level.isEmpty {
            var next: [Int] = []
            var branchesHere: [Int] = []
            for page in level {
                guard page < pageCount else { throw Malformed(description: "page \(page) is past the end of the file") }
                if flags(page) & Self.branchFlag != 0 {
                    branchesHere.append(page)
                    next += try children(page)
                } else if flags(page) & Self.leafFlag != 0 {
                    leaves.append(page)
                } else {
                    throw Malformed(description: "page \(page) is neither branch nor leaf")
                }
            }
            if !branchesHere.isEmpty { branches.append(branchesHere) }
            level = next
        }
        return (branches, leaves)
    }

    /// Where in the file the live value of `wanted` in the named database `name` begins (for a
    /// value on overflow pages: after the first overflow page's header); nil when it is not there.
    package func valueOffset(inDatabase name: String, key wanted: [UInt8]) throws -> Int? {
        guard let root = try namedRoots()[name] ?? nil else { return nil }
        for leaf in try tree(root).leaves {
            for node in try nodes(leaf) where key(ofNode: node) == wanted {
                let dataStart = node + 8 + Int(u16(node + 6))
                if u16(node + 4) & Self.bigDataNodeFlag != 0 { return Int(u64(dataStart)) * pageSize + Self.headerBytes }
                return dataStart
            }
        }
        return nil
    }
}
