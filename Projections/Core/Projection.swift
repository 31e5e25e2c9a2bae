/// A read model folded from the events, one event at a time, into keyed rows
/// (DESIGN.md, "Projections and reports").
///
/// `apply` is a pure fold: what it writes depends only on the rows it reads and the event. So a
/// model folded incrementally from a checkpoint, rebuilt from sequence 1, or folded in batches
/// of any size is the same model (Tests/ProjectionsTests checks it on seeded histories).
///
/// A read model answers point-in-time questions by keeping, with each fact, the sequence and the
/// effective date it came from; reports filter on them (``PointInTime``).
public protocol Projection: Sendable {
    /// The name its checkpoint and rows are kept under, and that `cledger rebuild NAME` takes.
    static var name: String { get }
    /// Raised whenever the fold or a row's layout changes: a checkpoint written by another
    /// version is rebuilt from sequence 1, never read.
    static var version: UInt32 { get }
    /// Folds `event` into `rows`.
    static func apply(_ event: RecordedEvent, to rows: OverlayRows) throws
}

/// Every projection of the ledger, in the order `cledger rebuild` runs them. A catch-up of many
/// events folds some on a second thread (``ProjectionRunner/concurrentFoldEventsMin``), chosen
/// by how long each took on the batch before; on the first batch, those at odd positions, so the
/// order puts the costlier folds (balances, audit-index) on different threads.
public let allProjections: [any Projection.Type] = [
    FundBalancesProjection.self, AuditIndexProjection.self, VictimsGrantProjection.self, PanelProjection.self, OutcomesProjection.self,
]
