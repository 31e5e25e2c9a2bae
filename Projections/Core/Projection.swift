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
    static func apply(_ event: RecordedEvent, to rows: ProjectionRows) throws
}

/// Every projection of the ledger, in the order `cledger rebuild` runs them. A catch-up of many
/// events folds those at odd positions on a second thread (``ProjectionRunner/concurrentFoldEventsMin``)
/// while the first thread folds the rest and saves every batch, so the order balances the two:
/// audit-index and panel, about 45% of the folds' time on the 99,906-event demo, on the second.
public let allProjections: [any Projection.Type] = [
    FundBalancesProjection.self, AuditIndexProjection.self, VictimsGrantProjection.self, PanelProjection.self, OutcomesProjection.self,
]
