import Commissioning
import LedgerStore

/// A fund as the balances projection keeps it: its name and kind, and every version of its
/// rules with the event that set them.
public struct FundRow: Codable, Sendable, Equatable {
    public var fundId: String
    public var name: String
    public var kind: FundKind
    public var rules: [RulesVersion]

    /// Rules and the event that set them.
    public struct RulesVersion: Codable, Sendable, Equatable {
        public var sequence: UInt64
        public var rules: FundRules
    }

    /// The rules in force on `point`'s date (without one: the latest) among those it counts.
    public func rules(at point: PointInTime) -> FundRules? {
        rules.filter { version in
            version.sequence <= point.throughSequence && (point.asOf.map { version.rules.effectiveFrom <= $0 } ?? true)
        }
        .max { $0.rules.effectiveFrom < $1.rules.effectiveFrom || ($0.rules.effectiveFrom == $1.rules.effectiveFrom && $0.sequence < $1.sequence) }?
            .rules
    }
}

/// What a movement of money changes in a fund's year and source.
public enum BalanceMeasure: String, Codable, Sendable, CaseIterable {
    case allocated, committed, released, paid, recovered, accrued
}

/// One change to a fund's money: from event `sequence`, effective on `effective`, `amount`
/// (negative for a reversal or the old lines of a variation) of `measure`.
public struct Movement: Codable, Sendable, Equatable {
    public var sequence: UInt64
    public var effective: CalendarDate
    public var financialYear: FinancialYear
    public var source: FundingSource
    public var measure: BalanceMeasure
    public var amount: Money
    /// The grant, contract or agreement the money is committed to, paid on, accrued, released
    /// or recovered from; nil for an allocation.
    public var commitmentId: String?
}

extension Movement: BinaryReadable {
    public init(reading input: BinarySource) throws {
        sequence = try input.field("sequence") { try input.readInteger(UInt64.self) }
        effective = try input.field("effective") { try input.read(CalendarDate.self) }
        financialYear = try input.field("financialYear") { try input.read(FinancialYear.self) }
        source = try input.field("source") { try input.readRaw(FundingSource.self) }
        measure = try input.field("measure") { try input.readRaw(BalanceMeasure.self) }
        amount = try input.field("amount") { try input.read(Money.self) }
        commitmentId = try input.field("commitmentId") { try input.readIfPresent(input.readString) }
    }
}

extension Movement: BinaryWritable {
    public func write(to sink: BinarySink) {
        sink.write(sequence)
        sink.write(effective)
        sink.write(financialYear)
        sink.write(source)
        sink.write(measure)
        sink.write(amount)
        if let commitmentId = sink.presence(commitmentId) { sink.write(commitmentId) }
    }
}

/// The lines a grant, contract or agreement commits now: what a variation takes back.
struct CommitmentLinesRow: Codable, Sendable, Equatable {
    var fundId: String
    var lines: [FundingLine]
}

extension CommitmentLinesRow: BinaryReadable {
    public init(reading input: BinarySource) throws {
        fundId = try input.field("fundId", input.readString)
        lines = try input.field("lines") { try input.readArray(of: FundingLine.self) }
    }
}

extension CommitmentLinesRow: BinaryWritable {
    public func write(to sink: BinarySink) {
        sink.write(fundId)
        sink.write(lines)
    }
}

/// The keys of the balances projection's rows.
enum BalanceKey {
    static let fundPrefix = "fund/"
    static func fund(_ id: String) -> String { fundPrefix + id }
    static func commitment(_ id: String) -> String { "commitment/" + id }
    /// All movements of a fund, or of one of its years: keys sort by year, then sequence.
    static func movements(_ fundId: String, _ year: FinancialYear? = nil) -> String {
        "movement/\(fundId)/" + (year.map { String($0.startYear) + "/" } ?? "")
    }
    /// The list a movement is kept in: its fund, year and block of sequences.
    struct MovementList: Hashable {
        var fundId: String
        var financialYear: FinancialYear
        var block: UInt64

        init(fundId: String, financialYear: FinancialYear, sequence: UInt64) {
            self.fundId = fundId
            self.financialYear = financialYear
            block = RowKey.blockNumber(of: sequence)
        }

        var key: String { movements(fundId, financialYear) + RowKey.block(number: block) }
    }
}
