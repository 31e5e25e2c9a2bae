import Commissioning
import LedgerStore

/// Where a grant, contract or agreement stood at a point in time: its row with the facts about
/// it that the point counts, folded in sequence order.
public struct CommitmentStatus: Sendable, Equatable {
    /// Where a grant's final report stood.
    public enum FinalReport: String, Sendable {
        case notReceived, received, returned, accepted
    }

    public var commitment: CommitmentRow
    /// The amount committed, as last varied.
    public var amount: Money
    /// Paid, less reversed payments.
    public var paid = Money.zero
    /// The grant's planned end, as last varied.
    public var plannedEnd: CalendarDate?
    public var finalReport = FinalReport.notReceived
    /// The outcomes of the accepted final report.
    public var achieved: [AchievedOutcome] = []
    /// Whether the accepted final report says how learning was shared.
    public var learningShared = false
    /// A grant's commitment released back to its fund.
    public var released = Money.zero
    /// Reviews of a contract or agreement.
    public var reviews = 0
    /// The latest review.
    public var latestReview: Review?

    /// A review of a contract or agreement: each KPI actual against its target, and the rating.
    public struct Review: Sendable, Equatable {
        public var kpis: [AchievedOutcome]
        public var rating: ReviewRating
    }

    /// The commitment's status from `facts` (in sequence order) that `point` counts.
    public init(_ commitment: CommitmentRow, facts: [CommitmentFact], at point: PointInTime) {
        self.commitment = commitment
        amount = commitment.amount
        plannedEnd = commitment.plannedEnd
        var lastReceived: CommitmentFact?
        for fact in facts where point.counts(sequence: fact.sequence, effective: fact.effective) {
            switch fact.kind {
            case .varied:
                amount = fact.amount ?? amount
                plannedEnd = fact.plannedEnd ?? plannedEnd
            case .paid: paid += fact.amount ?? .zero
            case .reportReceived:
                finalReport = .received
                lastReceived = fact
            case .reportReturned: finalReport = .returned
            case .reportAccepted:
                finalReport = .accepted
                achieved = lastReceived?.outcomes ?? []
                learningShared = lastReceived?.learningShared ?? false
            case .released: released += fact.amount ?? .zero
            case .reviewed:
                reviews += 1
                latestReview = Review(kpis: fact.outcomes, rating: fact.rating ?? .other)
            }
        }
    }

    /// A grant whose final report is owed: none received, or the one received was returned. A
    /// grant released or closed without one still owes it, unless it was released in full
    /// before anything was paid: a project that did not go ahead reports nothing.
    public var reportOutstanding: Bool {
        let wentAhead = paid != .zero || released < amount
        return commitment.kind == .grant && wentAhead && (finalReport == .notReceived || finalReport == .returned)
    }

    /// The latest review rated the service as requiring improvement or inadequate.
    public var reviewOfConcern: Bool {
        latestReview.map { $0.rating == .requiresImprovement || $0.rating == .inadequate } ?? false
    }

    /// Outstanding and past its planned end on `date` (the strategy gives no grace period).
    public func reportOverdue(on date: CalendarDate) -> Bool {
        reportOutstanding && plannedEnd.map { $0 < date } ?? false
    }
}
