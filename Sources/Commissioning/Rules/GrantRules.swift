import LedgerStore

/// The strategy's rules for grants from a fund, with the rules in force on the decision date.
struct GrantRules {
    let fundId: String
    let fund: FundState
    let rules: FundRules

    /// "Those who can apply for a grant are local community groups, watch schemes, parish
    /// councils, charities, voluntary groups and schools" (the Property Fund), and each fund's
    /// list of eligible types.
    func requireEligible(_ organisation: OrganisationState, _ id: String) throws {
        let types = rules.eligibleOrganisationTypes
        if !types.isEmpty && !types.contains(organisation.type) {
            throw CommissioningError.rule(
                .eligibleOrganisation,
                "\(id) is a \(organisation.type.rawValue), and fund \(fundId) takes bids only from: \(types.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    /// "Grants will be awarded up to the value of £2,500" (Property Fund); "for amounts
    /// between £1,000 and £10,000" (Community Fund): the limits in force on `date`.
    func requireWithinLimits(_ amount: Money, what: String, on date: CalendarDate) throws {
        if amount <= .zero {
            throw CommissioningError.field(name: "amount", problem: "\(amount) is not more than £0.00")
        }
        if let max = rules.grantMax, amount > max {
            throw CommissioningError.rule(
                .grantLimit, "\(what) \(amount) exceeds the \(fund.name) limit of \(max) in force on \(date). Ask for at most \(max).")
        }
        if let min = rules.grantMin, amount < min {
            throw CommissioningError.rule(
                .grantLimit, "\(what) \(amount) is below the \(fund.name) minimum of \(min) in force on \(date). Ask for at least \(min).")
        }
    }

    /// The tranches of an award: those given, or by default one paid on award and, for a fund
    /// that holds back a proportion, a final tranche of it due at the planned end. They sum to
    /// the award, and the final-report tranches hold back at least the rule's proportion.
    func tranches(amount: Money, given: [Tranche], on date: CalendarDate, plannedEnd: CalendarDate) throws -> [Tranche] {
        let holdBack = amount.proportion(basisPoints: rules.holdBackBasisPoints)
        var tranches = given
        if tranches.isEmpty {
            if holdBack > .zero {
                tranches = [
                    Tranche(number: 1, amount: amount - holdBack, due: date, afterFinalReport: false),
                    Tranche(number: 2, amount: holdBack, due: max(plannedEnd, date), afterFinalReport: true),
                ]
            } else {
                tranches = [Tranche(number: 1, amount: amount, due: date, afterFinalReport: false)]
            }
        }
        let total = tranches.sum(\.amount)
        guard total == amount else {
            throw CommissioningError.rule(.tranchesSum, "the tranches sum to \(total), not the award of \(amount); make them add up to the award.")
        }
        let heldBack = tranches.filter(\.afterFinalReport).sum(\.amount)
        if heldBack < holdBack {
            throw CommissioningError.rule(
                .holdBack,
                "fund \(fundId) holds back \(Double(rules.holdBackBasisPoints) / 100)% (\(holdBack)) of an award of \(amount) until the final report is accepted; "
                    + "the final-report tranches hold back \(heldBack). \"The balance of funding will be subject to the receipt of a final report.\"")
        }
        return tranches
    }
}
