import LedgerStore

/// The money rules a commitment must pass (DESIGN.md, "Rules enforced when the command is
/// decided"): within what the fund has left to commit, within the year's MoJ allocation, and
/// MoJ money only for victims' services.
struct FundMoney {
    let fundId: String
    let fund: FundState
    let rules: FundRules
    /// The decision state the fund's yearly money is read from.
    let state: StateView

    /// Where a commitment's money comes from: a pot over its years, or one year's allocation
    /// from one source.
    enum Scope: Hashable, Comparable {
        case pot(ClosedRange<FinancialYear>)
        case allocation(YearSource)

        static func < (a: Scope, b: Scope) -> Bool {
            switch (a, b) {
            case let (.pot(x), .pot(y)): return x.lowerBound < y.lowerBound
            case let (.allocation(x), .allocation(y)): return x < y
            case (.pot, .allocation): return true
            case (.allocation, .pot): return false
            }
        }
    }

    func scope(of line: FundingLine) -> Scope {
        if let years = rules.potYears(for: line.financialYear) { return .pot(years) }
        return .allocation(YearSource(line.financialYear, line.source))
    }

    /// What the fund has left to commit in `scope`: the pot less what is committed over its
    /// years, or the year's allocation from the source less what is committed from it.
    func available(_ scope: Scope) throws -> Money {
        switch scope {
        case let .pot(years):
            return rules.potAmount! - (try state.fundLines(fundId, in: years)).sum(\.netCommitted)
        case let .allocation(key):
            let line = try state.fundLine(fundId, key.year, key.source)
            return line.allocated - line.netCommitted
        }
    }

    /// What the fund has left to commit from `source` in `year`.
    func available(_ year: FinancialYear, _ source: FundingSource) throws -> Money {
        try available(scope(of: FundingLine(financialYear: year, source: source, amount: .zero)))
    }

    /// The lines fit what the fund has left in every scope they draw on (lines in different
    /// years of one pot are added up), and MoJ lines fit each year's MoJ allocation.
    /// - Parameter old: lines of the commitment being varied, which the new ones replace.
    func requireFits(_ lines: [FundingLine], replacing old: [FundingLine] = []) throws {
        try requireWithinMojAllocation(lines, replacing: old)
        for scope in Set(lines.map(scope(of:))).sorted() {
            let wanted = lines.filter { self.scope(of: $0) == scope }.sum(\.amount)
            let held = old.filter { self.scope(of: $0) == scope }.sum(\.amount)
            let left = try available(scope) + held
            if wanted > left {
                throw CommissioningError.rule(
                    .fundsAvailable,
                    "fund \(fundId) has \(max(left, .zero)) left to commit from \(describe(scope)); \(wanted) is more. Commit at most \(max(left, .zero)).")
            }
        }
    }

    /// "MoJ-funded commitments ... of a financial year never exceed that year's MoJ allocation".
    private func requireWithinMojAllocation(_ lines: [FundingLine], replacing old: [FundingLine]) throws {
        guard rules.ringFenced else { return }
        let mojYears = Set(lines.filter { $0.source == .mojVictimsGrant }.map(\.financialYear)).sorted()
        for year in mojYears {
            let inYear = { (l: FundingLine) in l.financialYear == year && l.source == .mojVictimsGrant }
            let line = try state.fundLine(fundId, year, .mojVictimsGrant)
            let others = line.netCommitted - old.filter(inYear).sum(\.amount)
            let wanted = lines.filter(inYear).sum(\.amount)
            if others + wanted > line.allocated {
                throw CommissioningError.rule(
                    .mojAllocation,
                    "MoJ-funded commitments of \(year) would be \(others + wanted), above the year's MoJ allocation of "
                        + "\(line.allocated); \(max(line.allocated - others, .zero)) of it is left. Fund the rest from another source (such as opcc).")
            }
        }
    }

    /// "MoJ-funded commitments and payments of a financial year never exceed that year's MoJ
    /// allocation": a payment from the ring-fenced MoJ grant fits what the year's allocation has
    /// neither paid out nor accrued. A commitment of one year paid in the next draws on the later
    /// year's allocation, except for work accrued in the year before: its accrual reverses in
    /// the later year (``AccrualReversal``), and the payment settling it uses that reversal.
    func requirePaymentFits(_ lines: [FundingLine]) throws {
        guard rules.ringFenced else { return }
        for line in lines where line.source == .mojVictimsGrant {
            let year = try state.fundLine(fundId, line.financialYear, .mojVictimsGrant)
            let spent = year.paid + year.accrued
            if spent + line.amount > year.allocated {
                throw CommissioningError.rule(
                    .mojAllocation,
                    "MoJ-funded payments and accruals of \(line.financialYear) would be \(spent + line.amount), above the year's MoJ allocation of \(year.allocated); "
                        + "\(max(year.allocated - spent, .zero)) of it is left to pay. Record the year's allocation first, or pay the rest from another source.")
            }
        }
    }

    private func describe(_ scope: Scope) -> String {
        switch scope {
        case let .pot(years) where years.lowerBound == years.upperBound: return "its pot for \(years.lowerBound)"
        case let .pot(years): return "its pot for \(years.lowerBound) to \(years.upperBound)"
        case let .allocation(key): return "its \(key.source.rawValue) allocation for \(key.year)"
        }
    }

    /// MoJ money pays only for victims' services: the commitment is one (else the refusal ends
    /// with `notVictimsService`, saying why it is not and what to do), and every objective must
    /// be one the fund's rules let MoJ money pay for.
    func requireMojPurpose(
        _ lines: [FundingLine], objectives: [String], victimsService: Bool,
        notVictimsService: String = "this is not one; fund it from another source (such as opcc)."
    ) throws {
        guard lines.contains(where: { $0.source == .mojVictimsGrant }) else { return }
        if !victimsService {
            throw CommissioningError.rule(.mojPurpose, "MoJ money pays only for victims' services, and " + notVictimsService)
        }
        if let other = objectives.first(where: { !rules.mojMayFund(objective: $0) }) {
            throw CommissioningError.rule(
                .mojPurpose, "MoJ money pays only for victims' services: objective \(other) is not one the fund's rules let MoJ money pay for (\(rules.mojObjectives.joined(separator: ", "))); fund it from another source (such as opcc).")
        }
    }

    /// The source a fund's grants are paid from unless the award says otherwise.
    static func defaultSource(_ kind: FundKind) -> FundingSource {
        switch kind {
        case .property: return .propertyProceeds
        case .victims: return .mojVictimsGrant
        case .community, .innovation, .partnership: return .opcc
        }
    }
}

/// A financial year and a funding source: the unit money is checked in.
struct YearSource: Hashable, Comparable {
    let year: FinancialYear
    let source: FundingSource

    init(_ year: FinancialYear, _ source: FundingSource) {
        self.year = year
        self.source = source
    }

    static func < (a: YearSource, b: YearSource) -> Bool { (a.year, a.source) < (b.year, b.source) }
}
