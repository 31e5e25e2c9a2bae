import LedgerStore

/// The money rules a commitment must pass (DESIGN.md, "Rules enforced when the command is
/// decided"): within what the fund has left to commit, within the year's MoJ allocation, and
/// MoJ money only for victims' services.
struct FundMoney {
    let fundId: String
    let fund: FundState
    let rules: FundRules

    /// What the fund has left to commit from `source` in `year`: the pot less what is
    /// committed over the pot's years, or without a pot the year's allocation from that source
    /// less what is committed from it.
    func available(_ year: FinancialYear, _ source: FundingSource) -> Money {
        if let pot = rules.potAmount, let years = rules.potYears(for: year) {
            return pot - fund.lines.filter { years.contains($0.financialYear) }.sum(\.netCommitted)
        }
        let line = fund.line(year, source)
        return line.allocated - line.netCommitted
    }

    /// Every line fits what is available, and MoJ lines fit the year's MoJ allocation.
    /// - Parameter old: lines of the commitment being varied, which the new ones replace.
    func requireFits(_ lines: [FundingLine], replacing old: [FundingLine] = []) throws {
        for key in Set(lines.map { YearSource($0.financialYear, $0.source) }).sorted() {
            let wanted = lines.filter { YearSource($0.financialYear, $0.source) == key }.sum(\.amount)
            if key.source == .mojVictimsGrant && rules.ringFenced {
                let line = fund.line(key.year, .mojVictimsGrant)
                let others = line.netCommitted - old.filter { YearSource($0.financialYear, $0.source) == key }.sum(\.amount)
                if others + wanted > line.allocated {
                    throw CommissioningError.rule(
                        .mojAllocation,
                        "MoJ-funded commitments of \(key.year) would be \(others + wanted), above the year's MoJ allocation of "
                            + "\(line.allocated); \(max(line.allocated - others, .zero)) of it is left. Fund the rest from another source (such as opcc).")
                }
            }
            let left = available(key.year, key.source) + old.filter { inSameScope($0, as: key) }.sum(\.amount)
            if wanted > left {
                throw CommissioningError.rule(
                    .fundsAvailable,
                    "fund \(fundId) has \(max(left, .zero)) left to commit from \(scope(key)); \(wanted) is more. Commit at most \(max(left, .zero)).")
            }
        }
    }

    /// Whether `line` draws on the same money as `key`: the same pot, or the same year and source.
    private func inSameScope(_ line: FundingLine, as key: YearSource) -> Bool {
        if let years = rules.potYears(for: key.year) { return years.contains(line.financialYear) }
        return YearSource(line.financialYear, line.source) == key
    }

    private func scope(_ key: YearSource) -> String {
        guard rules.potAmount != nil else { return "its \(key.source.rawValue) allocation for \(key.year)" }
        if rules.potPerYear { return "its pot for \(key.year)" }
        return "its pot for \(rules.potFirstYear!) to \(rules.potLastYear!)"
    }

    /// MoJ money pays only for victims' services: every objective must be one the fund's rules
    /// let MoJ money pay for.
    func requireMojPurpose(_ lines: [FundingLine], objectives: [String], victimsService: Bool) throws {
        guard lines.contains(where: { $0.source == .mojVictimsGrant }) else { return }
        if !victimsService {
            throw CommissioningError.rule(.mojPurpose, "MoJ money pays only for victims' services, and this is not one; fund it from another source (such as opcc).")
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
