import LedgerStore

/// `bid award`: the decision maker awards a grant on a recommended bid: amount, tranches,
/// conditions, and the money it commits.
public struct AwardGrant: LedgerCommand {
    public static let spec = CommandSpec(
        name: "bid award", summary: "Award a grant on a bid the panel recommended.",
        role: .decisionMaker,
        fields: [
            FieldSpec("bid", .id, help: "the bid"),
            FieldSpec("amount", .money, help: "the amount awarded (at most the amount requested)"),
            FieldSpec("tranche", .compound("DUE-DATE:AMOUNT, such as 2017-11-01:6000.00"), required: false, repeatable: true, help: "a tranche paid as the scheme is delivered"),
            FieldSpec("final-tranche", .compound("DUE-DATE:AMOUNT"), required: false, repeatable: true, help: "a tranche payable only after the final report is accepted"),
            FieldSpec("condition", .text, required: false, repeatable: true, help: "a condition of the grant"),
            FieldSpec("source", .choice(FundingSource.allCases.map(\.rawValue)), required: false, help: "the money it commits (default: the fund's usual source)"),
            FieldSpec("id", .id, required: false, help: "an id for the grant (default: grant-NNNN)"),
        ],
        example: [("bid", ["bid-0001"]), ("amount", ["7500.00"]), ("condition", ["evidence outcomes and share learning"])])

    let bidId: String
    let amount: Money
    let given: [Tranche]
    let conditions: [String]
    let source: FundingSource?
    let grantId: String?

    public init(_ fields: CommandFields) throws {
        bidId = try fields.id("bid")
        amount = try fields.money("amount")
        let ordinary = try fields.compound("tranche", parts: 2)
        let final = try fields.compound("final-tranche", parts: 2)
        var tranches: [Tranche] = []
        for (parts, afterFinalReport) in ordinary.map({ ($0, false) }) + final.map({ ($0, true) }) {
            let name = afterFinalReport ? "final-tranche" : "tranche"
            tranches.append(
                Tranche(
                    number: Int64(tranches.count + 1), amount: try fields.part(name, parts, { Money(parsing: $0) }, at: 1),
                    due: try fields.part(name, parts, { CalendarDate(iso8601: $0) }, at: 0), afterFinalReport: afterFinalReport))
        }
        given = tranches
        conditions = try fields.list("condition")
        source = try fields.optionalChoice("source", FundingSource.self)
        grantId = try fields.optionalId("id")
    }

    public func decide(_ decision: Decision) throws -> String {
        let bid = try decision.bid(bidId)
        try decision.requireNotBefore(bid.lastEffective, of: "bid \(bidId)")
        if bid.conflicted.contains(decision.actorId) {
            throw CommissioningError.rule(
                .conflictOfInterest, "\(decision.actorId) declared a conflict of interest in \(bidId) and cannot decide it; another decision maker must.")
        }
        switch bid.status {
        case .recommended: break
        case .awarded:
            throw CommissioningError.wrongState(
                kind: "bid", id: bidId, state: "already awarded (\(bid.grantId ?? ""))", command: "be awarded again",
                fitting: "vary the grant with `cledger grant vary` instead")
        default:
            throw CommissioningError.wrongState(
                kind: "bid", id: bidId, state: bid.status.rawValue, command: "be awarded",
                fitting: "only a bid the panel recommended for funding can be awarded (`cledger bid recommend --decision fund`)")
        }
        let fund = try decision.fund(bid.fundId)
        let rules = try decision.rules(of: bid.fundId, fund, on: decision.on)
        let grantRules = GrantRules(fundId: bid.fundId, fund: fund, rules: rules)
        try grantRules.requireWithinLimits(amount, what: "an award of", on: decision.on)
        if amount > bid.amountRequested {
            throw CommissioningError.rule(
                .awardAboveRequest, "an award of \(amount) is more than the \(bid.amountRequested) bid \(bidId) asked for; award at most \(bid.amountRequested).")
        }
        let organisation = try decision.organisation(bid.organisationId)
        try grantRules.requireEligible(organisation, bid.organisationId)
        if rules.endorsementRequired && bid.endorsedBy == nil {
            throw CommissioningError.rule(
                .endorsement,
                "bid \(bidId) has no endorsement: \"Groups must have the support of a Police Officer or Police Community Support Officer (PCSO) within their local area\". Record it with `cledger bid endorse` first.")
        }
        let tranches = try grantRules.tranches(amount: amount, given: given, on: decision.on, plannedEnd: bid.plannedEnd)
        let line = FundingLine(financialYear: decision.year, source: source ?? FundMoney.defaultSource(fund.kind), amount: amount)
        let money = FundMoney(fundId: bid.fundId, fund: fund, rules: rules, state: decision.state)
        try money.requireMojPurpose([line], objectives: bid.objectives, victimsService: fund.kind == .victims)
        try money.requireFits([line])
        let id = try decision.newEntityId(grantId, counter: "grant", kind: "grant")
        try decision.emit(
            GrantAwarded(
                bidId: bidId, grantId: id, fundId: bid.fundId, organisationId: bid.organisationId, amount: amount, tranches: tranches,
                conditions: conditions, fundingLines: [line], rulesInForceFrom: rules.effectiveFrom),
            to: StreamId.entity(bidId))
        return "awarded grant \(id) of \(amount) on \(bidId) to \(bid.organisationId), in \(tranches.count) tranche\(tranches.count == 1 ? "" : "s")"
    }
}
