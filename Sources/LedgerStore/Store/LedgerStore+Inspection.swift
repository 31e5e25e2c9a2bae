import CLMDB

/// The names of the ledger's databases, for tools that inspect the file.
package enum LedgerDatabaseName: String, CaseIterable {
    case events, streams, streamLinks = "stream-links", idempotency, state, checkpoints, meta
}

extension LedgerStore {
    /// Where in `data.mdb` the stored value of `key` in `database` begins. Searching the file for
    /// the bytes would also find stale copies in free pages; this finds the live one, from the
    /// value's address in the map: its page (the map is page-aligned, and each page's header
    /// starts with its page number) and its place in that page. For tests that alter a byte on disk.
    package func fileOffset(ofValueIn database: LedgerDatabaseName, key: [UInt8]) throws -> Int? {
        let dbi: MDB_dbi
        switch database {
        case .events: dbi = dbs.events
        case .streams: dbi = dbs.streams
        case .streamLinks: dbi = dbs.streamLinks
        case .idempotency: dbi = dbs.idempotency
        case .state: dbi = dbs.state
        case .checkpoints: dbi = dbs.checkpoints
        case .meta: dbi = dbs.meta
        }
        let pageSize = environment.pageSizeBytes()
        return try read { reader in
            try reader.txn.withValue(dbi, key: key) { value in
                let address = UInt(bitPattern: value.baseAddress!)
                let page = UnsafeRawPointer(bitPattern: address & ~UInt(pageSize - 1))!
                let pageNumber = Int(page.loadUnaligned(as: UInt64.self))
                return pageNumber * pageSize + Int(address - UInt(bitPattern: page))
            }
        }
    }

    /// The page size of the environment, in bytes.
    package var pageSizeBytes: Int { environment.pageSizeBytes() }

    /// The event key of `sequence` (u64 big-endian).
    package static func eventKey(_ sequence: UInt64) -> [UInt8] { bigEndianKey(sequence) }

    /// The key of `streamId`'s head in the stream heads (`streams`).
    package static func streamHeadKey(_ streamId: String) -> [UInt8] { Array(streamId.utf8) }
}

extension LedgerReader {
    /// The stored bytes of event `sequence` (body ‖ hash), as docs/event-format.md lays them out.
    package func storedBytes(at sequence: UInt64) throws -> [UInt8]? {
        checkOpen()
        return try txn.value(dbs.events, key: bigEndianKey(sequence))
    }
}
