/// Writing the ledger's layout: its version, and its stream tables rebuilt from the log.
extension LedgerWriter {
    /// Records that the ledger has this build's layout, ``LedgerStore/formatVersionSupported``.
    func recordFormatVersion() throws {
        var format = ByteWriter(capacity: 4)
        format.u32(LedgerStore.formatVersionSupported)
        try lmdb { try txn.put(dbs.meta, key: LedgerDatabases.MetaKey.format, value: format.bytes, mode: .upsert) }
    }

    /// Empties the stream heads and links and writes them again from the log, event by event,
    /// then records this build's layout: what ``LedgerStore/upgrade(at:options:)`` does in its
    /// one write transaction.
    /// - Returns: the events linked and the streams given a head.
    /// - Complexity: O(n log s) for n events over s streams; memory for one head per stream.
    func rebuildStreamTables() throws -> (events: UInt64, streams: Int) {
        try lmdb {
            try txn.empty(dbs.streams)
            try txn.empty(dbs.streamLinks)
        }
        var heads: [[UInt8]: StreamHead] = [:]
        var sequence: UInt64 = 0
        let cursor = try LMDBCursor(txn, dbs.events)
        var entry = try cursor.move(.first)
        while let e = entry {
            sequence += 1
            let header = try decodeHeader(e.value, at: sequence)
            guard e.key.count == 8, readBigEndianU64(e.key) == sequence, header.sequence == sequence else {
                throw damaged("event \(sequence) is missing or out of place; run cledger verify")
            }
            let id = Array(header.streamId)
            let previous = heads[id]
            guard header.streamVersion == (previous?.version ?? 0) + 1 else {
                throw damaged(
                    "event \(sequence) is version \(header.streamVersion) of \(String(decoding: id, as: UTF8.self)), "
                        + "which is at version \(previous?.version ?? 0) before it; run cledger verify")
            }
            let linked = try lmdb {
                try withUnsafeBytes(of: sequence.bigEndian) { key in
                    try withUnsafeBytes(of: (previous?.lastSequence ?? 0).bigEndian) {
                        try txn.put(dbs.streamLinks, key: key, value: $0, mode: .append)
                    }
                }
            }
            precondition(linked, "stream-links was emptied, yet refused event \(sequence) at its end")
            heads[id] = StreamHead(version: header.streamVersion, lastSequence: sequence)
            entry = try cursor.move(.next)
        }
        for (id, head) in heads {
            try lmdb {
                try id.withUnsafeBytes { key in try head.withEncoded { try txn.put(dbs.streams, key: key, value: $0, mode: .upsert) } }
            }
        }
        try recordFormatVersion()
        return (sequence, heads.count)
    }
}
