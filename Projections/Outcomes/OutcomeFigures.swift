import Commissioning
import LedgerStore

/// The outcome dashboard's figures for a set of grants, contracts and agreements.
public struct OutcomeFigures: Sendable, Equatable {
    public var grants = 0
    public var contracts = 0
    public var agreements = 0
    /// Committed, as varied.
    public var awarded = Money.zero
    /// Paid, less reversed payments.
    public var paid = Money.zero
    /// The grants' expected outcome measures, and the sum of their targets.
    public var outcomesExpected = 0
    public var targetsExpected: Int64 = 0
    /// Final reports accepted.
    public var reportsAccepted = 0
    /// The outcome measures of the accepted final reports, the sum of their targets and of what was achieved.
    public var outcomesReported = 0
    public var targetsReported: Int64 = 0
    public var achieved: Int64 = 0
    /// Reported outcome measures whose achievement reached their target, and those that fell short.
    public var outcomesMet = 0
    public var outcomesMissed = 0
    /// Grants whose final report is owed, and of those the ones past their planned end.
    public var reportsOutstanding = 0
    public var reportsOverdue = 0
    /// Accepted final reports that say how learning was shared.
    public var learningShared = 0
    /// The KPIs the contracts and agreements were let with.
    public var kpis = 0
    /// Contracts and agreements reviewed at least once.
    public var reviewed = 0
    /// KPIs of each one's latest review whose actual reached the target, and those that fell short.
    public var kpisMet = 0
    public var kpisMissed = 0
    /// Contracts and agreements whose latest review rated them requiring improvement or inadequate.
    public var reviewsOfConcern = 0

    public init() {}

    /// Counts `status` in these figures, its report overdue or not on `overdueOn`.
    public mutating func add(_ status: CommitmentStatus, overdueOn: CalendarDate) {
        switch status.commitment.kind {
        case .grant: grants += 1
        case .contract: contracts += 1
        case .agreement: agreements += 1
        }
        awarded += status.amount
        paid += status.paid
        outcomesExpected += status.commitment.expectedOutcomes.count
        targetsExpected += status.commitment.expectedOutcomes.reduce(0) { $0 + $1.target }
        if status.finalReport == .accepted {
            reportsAccepted += 1
            outcomesReported += status.achieved.count
            targetsReported += status.achieved.reduce(0) { $0 + $1.target }
            achieved += status.achieved.reduce(0) { $0 + $1.achieved }
            outcomesMet += status.achieved.filter { $0.achieved >= $0.target }.count
            outcomesMissed += status.achieved.filter { $0.achieved < $0.target }.count
            learningShared += status.learningShared ? 1 : 0
        }
        reportsOutstanding += status.reportOutstanding ? 1 : 0
        reportsOverdue += status.reportOverdue(on: overdueOn) ? 1 : 0
        kpis += status.commitment.kpis.count
        if let review = status.latestReview {
            reviewed += 1
            kpisMet += review.kpis.filter { $0.achieved >= $0.target }.count
            kpisMissed += review.kpis.filter { $0.achieved < $0.target }.count
        }
        reviewsOfConcern += status.reviewOfConcern ? 1 : 0
    }
}
