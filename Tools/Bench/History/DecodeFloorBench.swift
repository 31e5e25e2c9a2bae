import Commissioning
import LedgerStore
import Projections

/// The rebuild's pipeline with nothing to fold: the projection runner reading the log and
/// decoding every event's envelope and payload on two threads, as a rebuild does, for two folds
/// that keep no rows. The least any rebuild that decodes each event once spends before it folds.
enum DecodeFloorBench {
    /// A fold that asks for each event's payload, so that it is decoded, and writes nothing.
    enum DecodeOnlyFirst: Projection {
        static let name = "bench-decode-only-1"
        static let version: UInt32 = 1
        static func apply(_ event: RecordedEvent, to rows: OverlayRows) throws { _ = try event.event }
    }

    /// The second such fold: with two, the runner reads, decodes and folds on two threads.
    enum DecodeOnlySecond: Projection {
        static let name = "bench-decode-only-2"
        static let version: UInt32 = 1
        static func apply(_ event: RecordedEvent, to rows: OverlayRows) throws { _ = try event.event }
    }

    static let folds: [any Projection.Type] = [DecodeOnlyFirst.self, DecodeOnlySecond.self]

    /// Seconds the runner takes to fold `ledger`'s whole log into the two folds. Their
    /// checkpoints are removed afterwards, so that the ledger's projections are the program's alone
    /// (a full rebuild empties the rows at once only then).
    static func measure(_ ledger: String) throws -> Double {
        let store = try LedgerStore(path: ledger, options: CommissioningLedger.storeOptions())
        let runner = ProjectionRunner(store: store, saves: true)
        let seconds = try secondsTaken { _ = try runner.rebuild(folds) }
        try store.write { writer in
            for fold in folds { try writer.removeProjection(fold.name) }
        }
        return seconds
    }
}
