import LedgerStore

/// `grant vary`: the decision maker changes a grant's amount, tranche schedule or end date, with
/// a reason. The new amount is held to the fund's limits and money as an award is; it never
/// falls below what is paid and released; the schedule sums to it and holds back the rule's
/// proportion. The change of commitment is dated in the variation's financial year.
public struct VaryGrant: LedgerCommand {
    public static let spec = CommandSpec(
        name: "grant vary", summary: "Vary a grant's amount, tranche schedule or end date, with a reason.",
        role: .decisionMaker,
        fields: [
            FieldSpec("grant", .id, help: "the grant"),
            FieldSpec("amount", .money, required: false, help: "the new amount (default: unchanged)"),
            FieldSpec(
                "tranche", .compound("DUE-DATE:AMOUNT, such as 2017-11-01:6000.00"), required: false, repeatable: true,
                help: "a tranche of the new schedule, paid as the scheme is delivered (give the whole schedule, paid tranches first)"),
            FieldSpec(
                "final-tranche", .compound("DUE-DATE:AMOUNT"), required: false, repeatable: true,
                help: "a tranche of the new schedule payable only after the final report is accepted"),
            FieldSpec("end", .date, required: false, help: "the new planned end (default: unchanged)"),
            FieldSpec("reason", .text, help: "why the grant is varied"),
        ],
        example: [("grant", ["grant-0001"]), ("amount", ["8000.00"]), ("end", ["2018-06-30"]), ("reason", ["second venue added"])])

    let grantId: String
    let amount: Money?
    let given: [Tranche]
    let end: CalendarDate?
    let reason: String

    public init(_ fields: CommandFields) throws {
        grantId = try fields.id("grant")
        amount = try fields.optionalMoney("amount")
        var tranches: [Tranche] = []
        for (parts, afterFinalReport) in try fields.compound("tranche", parts: 2).map({ ($0, false) }) + fields.compound("final-tranche", parts: 2).map({ ($0, true) }) {
            let name = afterFinalReport ? "final-tranche" : "tranche"
            tranches.append(
                Tranche(
                    number: Int64(tranches.count + 1), amount: try fields.part(name, parts, { Money(parsing: $0) }, at: 1),
                    due: try fields.part(name, parts, { CalendarDate(iso8601: $0) }, at: 0), afterFinalReport: afterFinalReport))
        }
        given = tranches
        end = try fields.optionalDate("end")
        reason = try fields.text("reason")
        if amount == nil && given.isEmpty && end == nil {
            throw CommissioningError.field(name: "amount", problem: "nothing to vary: give a new amount, a new schedule (tranche, final-tranche) or a new end")
        }
    }

    public func decide(_ decision: Decision) throws -> String {
        let grant = try decision.grantInOrder(grantId)
        try decision.requireGrantOpen(grant, grantId, to: "be varied")
        let bid = try decision.bid(grant.bidId)
        try decision.requireNoConflict(bid, grant.bidId, to: "vary the grant on", other: "decision maker")
        let fund = try decision.fund(grant.fundId)
        let rules = try decision.rules(of: grant.fundId, fund, on: decision.on)
        let grantRules = GrantRules(fundId: grant.fundId, fund: fund, rules: rules)
        let newAmount = amount ?? grant.amount
        let newEnd = end ?? grant.plannedEnd
        try grantRules.requireWithinLimits(newAmount, what: "a variation to", on: decision.on)
        let spent = grant.paid + grant.released
        if newAmount < spent {
            throw CommissioningError.rule(
                .overpayment,
                "\(grantId) has \(grant.paid) paid and \(grant.released) released; a variation to \(newAmount) would leave it overpaid. Vary it to at least \(spent).")
        }
        let tranches: [Tranche]
        if !given.isEmpty {
            tranches = try grantRules.tranches(amount: newAmount, given: given, on: decision.on, plannedEnd: newEnd)
        } else if newAmount == grant.amount {
            tranches = grant.tranches
        } else {
            tranches = try grantRules.tranches(amount: newAmount, given: [], on: grant.tranches.first?.due ?? decision.on, plannedEnd: newEnd)
        }
        try requirePaidTranchesKept(grant, in: tranches)
        if newAmount == grant.amount && tranches == grant.tranches && newEnd == grant.plannedEnd {
            throw CommissioningError.field(name: "amount", problem: "nothing to vary: the amount, schedule and end given are those \(grantId) already has")
        }
        let lines = varied(grant.fundingLines, by: newAmount - grant.amount, in: decision.year, source: grant.source(fund))
        let money = FundMoney(fundId: grant.fundId, fund: fund, rules: rules, state: decision.state)
        try money.requireMojPurpose(lines, objectives: bid.objectives, victimsService: fund.kind == .victims)
        try money.requireFits(lines, replacing: grant.fundingLines)
        try decision.emit(
            GrantVaried(
                grantId: grantId, fundId: grant.fundId, amount: newAmount, tranches: tranches, plannedEnd: newEnd, fundingLines: lines, reason: reason),
            to: StreamId.entity(grantId))
        return "varied \(grantId) from \(grant.amount) to \(newAmount), in \(tranches.count) tranche\(tranches.count == 1 ? "" : "s"), ending \(newEnd): \(reason)"
    }

    /// A tranche already paid keeps its place and kind in the new schedule and is never less
    /// than what was paid on it (the decision state keeps payments by tranche position).
    private func requirePaidTranchesKept(_ grant: GrantState, in tranches: [Tranche]) throws {
        for (index, paid) in grant.paidByTranche.enumerated() where paid > .zero {
            let number = index + 1
            guard index < tranches.count else {
                throw CommissioningError.rule(
                    .overpayment, "tranche \(number) of \(grantId) has \(paid) paid, and the new schedule has no tranche \(number); keep it, for at least \(paid).")
            }
            if tranches[index].afterFinalReport != grant.tranches[index].afterFinalReport {
                throw CommissioningError.field(
                    name: tranches[index].afterFinalReport ? "final-tranche" : "tranche",
                    problem: "tranche \(number) of \(grantId) has \(paid) paid and stays a \(grant.tranches[index].afterFinalReport ? "final-report" : "delivery") tranche; give the paid tranches first, as they were")
            }
            if tranches[index].amount < paid {
                throw CommissioningError.rule(
                    .overpayment, "tranche \(number) of \(grantId) has \(paid) paid; the new schedule gives it \(tranches[index].amount). Make it at least \(paid).")
            }
        }
    }

    /// The grant's funding lines with `change` added to the line of `year` and `source` (a new
    /// line when there is none): a variation never restates an earlier year's commitment.
    private func varied(_ lines: [FundingLine], by change: Money, in year: FinancialYear, source: FundingSource) -> [FundingLine] {
        guard change != .zero else { return lines }
        var lines = lines
        if let i = lines.firstIndex(where: { $0.financialYear == year && $0.source == source }) {
            lines[i].amount += change
            if lines[i].amount == .zero { lines.remove(at: i) }
        } else {
            lines.append(FundingLine(financialYear: year, source: source, amount: change))
        }
        return lines
    }
}
