import Commissioning
import LedgerStore

/// Money of one fund in one financial year from one source, or the sum over several.
public struct BalanceFigures: Sendable, Equatable {
    public var allocated = Money.zero
    public var committed = Money.zero
    public var released = Money.zero
    public var paid = Money.zero
    public var recovered = Money.zero
    public var accrued = Money.zero

    public init() {}

    /// Committed, less what was released and what was paid: what the fund still owes.
    public var outstanding: Money { committed - released - paid }
    /// Committed and not released.
    public var netCommitted: Money { committed - released }

    mutating func add(_ movement: Movement) {
        switch movement.measure {
        case .allocated: allocated += movement.amount
        case .committed: committed += movement.amount
        case .released: released += movement.amount
        case .paid: paid += movement.amount
        case .recovered: recovered += movement.amount
        case .accrued: accrued += movement.amount
        }
    }

    /// Adds `other`'s figures to these.
    public mutating func add(_ other: BalanceFigures) {
        allocated += other.allocated
        committed += other.committed
        released += other.released
        paid += other.paid
        recovered += other.recovered
        accrued += other.accrued
    }
}

/// The `balances` report: per fund and financial year, by funding source, and per fund over
/// its whole period, at a point in time.
public struct FundBalancesReport: Sendable, Equatable {
    /// One fund's money in one year from one source.
    public struct SourceLine: Sendable, Equatable {
        public var source: FundingSource
        public var figures: BalanceFigures
    }

    /// One fund's year: its lines by source, their sum, and what is left to award.
    public struct YearBalance: Sendable, Equatable {
        public var fundId: String
        public var fundName: String
        public var financialYear: FinancialYear
        public var sources: [SourceLine]
        public var total: BalanceFigures
        /// Left to award: the pot less what is committed over the pot's years, or the year's
        /// allocations less what is committed from them.
        public var available: Money
    }

    /// One fund over every year it has money in.
    public struct FundPeriod: Sendable, Equatable {
        public var fundId: String
        public var fundName: String
        public var firstYear: FinancialYear
        public var lastYear: FinancialYear
        /// The pot over several years (the Community Fund's), when the fund has one.
        public var pot: Money?
        public var total: BalanceFigures
        /// Left to award from the multi-year pot; nil when each year stands alone.
        public var available: Money?
    }

    public var years: [YearBalance]
    public var funds: [FundPeriod]

    /// Every fund the balances projection knows, in id order.
    public static func funds(_ rows: ProjectionRows) throws -> [FundRow] {
        try rows.rows(FundRow.self, prefix: BalanceKey.fundPrefix)
    }

    /// Every financial year of `range`, in order.
    static func years(in range: ClosedRange<FinancialYear>) -> [FinancialYear] {
        (Int(range.lowerBound.startYear)...Int(range.upperBound.startYear)).map { FinancialYear(startYear: $0) }
    }

    /// Builds the report from the balances projection's rows.
    /// - Parameters:
    ///   - fundId: one fund, or every fund.
    ///   - year: one financial year, or every year.
    /// - Complexity: O(m) for the m movements of the funds asked for; with `year`, of that year
    ///   and the years of the pot it draws on.
    public static func build(
        _ rows: ProjectionRows, at point: PointInTime, fundId: String? = nil, year: FinancialYear? = nil
    ) throws -> FundBalancesReport {
        let funds: [FundRow]
        if let fundId {
            guard let fund = try rows.get(FundRow.self, BalanceKey.fund(fundId)) else { return FundBalancesReport(years: [], funds: []) }
            funds = [fund]
        } else {
            funds = try Self.funds(rows)
        }
        var report = FundBalancesReport(years: [], funds: [])
        for fund in funds where fund.rules.contains(where: { $0.sequence <= point.throughSequence }) {
            let rules = fund.rules(at: point)
            let pot = rules?.potAmount
            // One year needs only its own movements and those of the pot it draws on.
            let prefixes = year.map { year in
                (rules?.potYears(for: year).map { Self.years(in: $0) } ?? [year]).map { BalanceKey.movements(fund.fundId, $0) }
            } ?? [BalanceKey.movements(fund.fundId)]
            var byYear: [FinancialYear: [FundingSource: BalanceFigures]] = [:]
            for prefix in prefixes {
                for movement in try rows.facts(Movement.self, prefix: prefix)
                where point.counts(sequence: movement.sequence, effective: movement.effective) {
                    byYear[movement.financialYear, default: [:]][movement.source, default: BalanceFigures()].add(movement)
                }
            }
            let years = byYear.keys.sorted()
            func netCommitted(in range: ClosedRange<FinancialYear>) -> Money {
                years.filter { range.contains($0) }.flatMap { byYear[$0]!.values }.sum(\.netCommitted)
            }
            for y in years where year == nil || y == year {
                let sources = byYear[y]!.keys.sorted().map { SourceLine(source: $0, figures: byYear[y]![$0]!) }
                var total = BalanceFigures()
                for line in sources { total.add(line.figures) }
                let available: Money
                if let pot, let range = rules?.potYears(for: y) {
                    available = pot - netCommitted(in: range)
                } else {
                    available = total.allocated - total.netCommitted
                }
                report.years.append(
                    YearBalance(fundId: fund.fundId, fundName: fund.name, financialYear: y, sources: sources, total: total, available: available))
            }
            guard let first = years.first, let last = years.last, year == nil else { continue }
            var total = BalanceFigures()
            for figures in byYear.values.flatMap(\.values) { total.add(figures) }
            let multiYearPot = rules.flatMap { r in r.potYears(for: first).flatMap { $0.lowerBound < $0.upperBound ? $0 : nil } }
            report.funds.append(
                FundPeriod(
                    fundId: fund.fundId, fundName: fund.name, firstYear: multiYearPot?.lowerBound ?? first,
                    lastYear: multiYearPot.map { max($0.upperBound, last) } ?? last, pot: multiYearPot.flatMap { _ in pot }, total: total,
                    available: multiYearPot.map { pot! - netCommitted(in: $0) }))
        }
        return report
    }
}
