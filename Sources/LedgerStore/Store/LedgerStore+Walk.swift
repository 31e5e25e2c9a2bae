/// What a walk of the ledger's databases found.
public struct StructureReport: Sendable {
    /// Entries in each database, by name, in the order the ledger defines them.
    public var entries: [(database: String, count: Int)] = []
}

extension LedgerStore {
    /// Walks every entry of every database with a cursor, checking that keys ascend and that the
    /// count matches LMDB's own: it touches every branch and leaf page, so a garbled page is met
    /// here rather than later. Run it where a crash can be contained (cledger runs it in a child
    /// process).
    /// - Complexity: O(n) in the entries of all databases.
    public func walkStructure() throws -> StructureReport {
        try read { reader in
            var report = StructureReport()
            let named = [
                (LedgerDatabases.names.events, dbs.events), (LedgerDatabases.names.streams, dbs.streams),
                (LedgerDatabases.names.streamLinks, dbs.streamLinks),
                (LedgerDatabases.names.idempotency, dbs.idempotency), (LedgerDatabases.names.state, dbs.state),
                (LedgerDatabases.names.checkpoints, dbs.checkpoints), (LedgerDatabases.names.meta, dbs.meta),
            ]
            for (name, dbi) in named {
                let cursor = try LMDBCursor(reader.txn, dbi)
                var count = 0
                var previousKey: [UInt8]?
                var entry = try cursor.move(.first)
                while let e = entry {
                    count += 1
                    if let previousKey, !previousKey.lexicographicallyPrecedes(e.key) {
                        throw reader.damaged("the \(name) database has keys out of order at entry \(count)")
                    }
                    previousKey = Array(e.key)
                    entry = try cursor.move(.next)
                }
                let stated = try reader.txn.entryCount(dbi)
                guard stated == count else {
                    throw reader.damaged("the \(name) database says it holds \(stated) entries; a walk finds \(count)")
                }
                report.entries.append((name, count))
            }
            return report
        }
    }
}
