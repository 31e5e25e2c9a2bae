import LedgerStore

/// An amount from one funding source in one financial year: how commitments, payments and
/// allocations name their money.
public struct FundingLine: Hashable, Sendable, Codable {
    public var financialYear: FinancialYear
    public var source: FundingSource
    public var amount: Money

    public init(financialYear: FinancialYear, source: FundingSource, amount: Money) {
        self.financialYear = financialYear
        self.source = source
        self.amount = amount
    }
}

/// An outcome a bid expects, with its measure and target.
public struct ExpectedOutcome: Hashable, Sendable, Codable {
    public var description: String
    public var measure: String
    public var target: Int64

    public init(description: String, measure: String, target: Int64) {
        self.description = description
        self.measure = measure
        self.target = target
    }
}

/// An outcome as a final report states it against its target.
public struct AchievedOutcome: Hashable, Sendable, Codable {
    public var description: String
    public var target: Int64
    public var achieved: Int64

    public init(description: String, target: Int64, achieved: Int64) {
        self.description = description
        self.target = target
        self.achieved = achieved
    }
}

/// One instalment of a grant.
public struct Tranche: Hashable, Sendable, Codable {
    public var number: Int64
    public var amount: Money
    public var due: CalendarDate
    /// Held back until the final report is accepted.
    public var afterFinalReport: Bool

    public init(number: Int64, amount: Money, due: CalendarDate, afterFinalReport: Bool) {
        self.number = number
        self.amount = amount
        self.due = due
        self.afterFinalReport = afterFinalReport
    }
}

/// A panel member's score of a bid on one criterion (0-5).
public struct CriterionScore: Hashable, Sendable, Codable {
    public var criterion: String
    public var score: Int64

    public init(criterion: String, score: Int64) {
        self.criterion = criterion
        self.score = score
    }
}

/// A key performance indicator of a contract or agreement, and its target.
public struct KeyPerformanceIndicator: Hashable, Sendable, Codable {
    public var name: String
    public var target: Int64

    public init(name: String, target: Int64) {
        self.name = name
        self.target = target
    }
}
