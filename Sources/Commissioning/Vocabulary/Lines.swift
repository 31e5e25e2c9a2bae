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

extension FundingLine: BinaryWritable {
    public func write(to sink: BinarySink) {
        sink.write(financialYear)
        sink.write(source)
        sink.write(amount)
    }
}

extension FundingLine: BinaryReadable {
    public init(reading input: BinarySource) throws {
        financialYear = try input.field("financialYear") { try input.read(FinancialYear.self) }
        source = try input.field("source") { try input.readRaw(FundingSource.self) }
        amount = try input.field("amount") { try input.read(Money.self) }
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

extension ExpectedOutcome: BinaryWritable {
    public func write(to sink: BinarySink) {
        sink.write(description)
        sink.write(measure)
        sink.write(target)
    }
}

extension ExpectedOutcome: BinaryReadable {
    public init(reading input: BinarySource) throws {
        description = try input.field("description", input.readString)
        measure = try input.field("measure", input.readString)
        target = try input.field("target") { try input.readInteger(Int64.self) }
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

extension AchievedOutcome: BinaryWritable {
    public func write(to sink: BinarySink) {
        sink.write(description)
        sink.write(target)
        sink.write(achieved)
    }
}

extension AchievedOutcome: BinaryReadable {
    public init(reading input: BinarySource) throws {
        description = try input.field("description", input.readString)
        target = try input.field("target") { try input.readInteger(Int64.self) }
        achieved = try input.field("achieved") { try input.readInteger(Int64.self) }
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

extension Tranche: BinaryReadable {
    public init(reading input: BinarySource) throws {
        number = try input.field("number") { try input.readInteger(Int64.self) }
        amount = try input.field("amount") { try input.read(Money.self) }
        due = try input.field("due") { try input.read(CalendarDate.self) }
        afterFinalReport = try input.field("afterFinalReport", input.readBool)
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

extension CriterionScore: BinaryWritable {
    public func write(to sink: BinarySink) {
        sink.write(criterion)
        sink.write(score)
    }
}

extension CriterionScore: BinaryReadable {
    public init(reading input: BinarySource) throws {
        criterion = try input.field("criterion", input.readString)
        score = try input.field("score") { try input.readInteger(Int64.self) }
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

extension KeyPerformanceIndicator: BinaryWritable {
    public func write(to sink: BinarySink) {
        sink.write(name)
        sink.write(target)
    }
}

extension KeyPerformanceIndicator: BinaryReadable {
    public init(reading input: BinarySource) throws {
        name = try input.field("name", input.readString)
        target = try input.field("target") { try input.readInteger(Int64.self) }
    }
}
