import Commissioning
import DemoHistory
import Foundation
import LedgerStore
@testable import Projections

/// Demo histories written once per seed for the projection tests, each in its own directory.
enum ProjectionFixtures {
    /// A fresh copy of the demo history of `seed` (scale 1), opened as a commissioning ledger.
    static func demoLedger(seed: UInt64) throws -> (store: LedgerStore, directory: String) {
        let directory = NSTemporaryDirectory() + "projections-test-" + UUID().uuidString
        _ = try DemoHistory.write(into: directory, seed: seed, scale: 1)
        return (try LedgerStore(path: directory, options: CommissioningLedger.storeOptions()), directory)
    }

    /// Every row of `projection` folded from sequence 1 in memory.
    static func foldedInMemory(_ projection: any Projection.Type, _ store: LedgerStore) throws -> [String: [UInt8]] {
        let rows = MemoryRows()
        try store.read { reader in _ = try ProjectionRunner.fold(projection, reader, from: 1, through: .max, into: rows) }
        return try rows.contents
    }

    /// Replaces `projection`'s stored rows with its fold of the events through `part`, saved with
    /// a checkpoint there, as a catch-up at that head would have left them.
    static func saveFolded(_ projection: any Projection.Type, _ store: LedgerStore, through part: UInt64) throws {
        try store.write { writer in
            _ = try writer.removeProjection(projection.name)
            let rows = StoredRows(projection.name, reader: writer)
            _ = try ProjectionRunner.fold(projection, writer, from: 1, through: part, into: rows)
            try rows.save(through: writer)
            try writer.setCheckpoint(named: projection.name, sequence: part, state: ProjectionRunner.checkpointState(projection))
        }
    }

    /// Every row of `projection` as stored in the ledger.
    static func storedRows(_ projection: any Projection.Type, _ store: LedgerStore) throws -> [String: [UInt8]] {
        var rows: [String: [UInt8]] = [:]
        try store.read { reader in
            try reader.forEachProjectionRow(projection.name, prefix: []) { key, value in
                rows[String(decoding: key, as: UTF8.self)] = Array(value)
            }
        }
        return rows
    }
}
