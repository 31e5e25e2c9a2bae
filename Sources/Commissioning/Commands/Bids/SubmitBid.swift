import LedgerStore

/// `bid submit`: a bid for a grant from a registered organisation, recorded by a
/// commissioning officer.
public struct SubmitBid: LedgerCommand {
    public static let spec = CommandSpec(
        name: "bid submit", summary: "Record a bid for a grant from a registered organisation.",
        role: .commissioningOfficer,
        fields: [
            FieldSpec("fund", .id, help: "the fund bid to"),
            FieldSpec("org", .id, help: "the registered organisation bidding"),
            FieldSpec("title", .text, help: "the project's title"),
            FieldSpec("description", .text, required: false, help: "what the project does"),
            FieldSpec("area", .area, help: "the area the project benefits"),
            FieldSpec("amount", .money, help: "the amount requested"),
            FieldSpec("start", .date, help: "the planned start"),
            FieldSpec("end", .date, help: "the planned end"),
            FieldSpec("objective", .objective, repeatable: true, help: "the plan objectives it serves (one or more)"),
            FieldSpec("outcome", .compound("DESCRIPTION:MEASURE:TARGET, such as 'young people engaged:participants:40'"), required: false, repeatable: true, help: "an expected outcome with its measure and target"),
            FieldSpec("volunteer-hours", .integer, required: false, help: "benefits in kind: volunteer hours"),
            FieldSpec("match-funding", .money, required: false, help: "benefits in kind: other fund raising"),
            FieldSpec("round", .id, required: false, help: "the funding round"),
            FieldSpec("id", .id, required: false, help: "an id for the bid (default: bid-NNNN)"),
        ],
        example: [
            ("fund", ["community"]), ("org", ["keswick-youth-club"]), ("title", ["Friday night football"]), ("area", ["E07000026"]),
            ("amount", ["7500.00"]), ("start", ["2017-11-01"]), ("end", ["2018-10-31"]), ("objective", ["8.2"]),
            ("outcome", ["young people engaged:participants:40"]), ("volunteer-hours", ["300"]),
        ])

    let fundId: String
    let organisationId: String
    let title: String
    let description: String
    let areaCode: String
    let amount: Money
    let start: CalendarDate
    let end: CalendarDate
    let objectives: [String]
    let outcomes: [ExpectedOutcome]
    let volunteerHours: Int64
    let matchFunding: Money
    let roundId: String?
    let bidId: String?

    public init(_ fields: CommandFields) throws {
        fundId = try fields.id("fund")
        organisationId = try fields.id("org")
        title = try fields.text("title")
        description = try fields.optionalText("description") ?? ""
        areaCode = try fields.text("area")
        amount = try fields.money("amount")
        start = try fields.date("start")
        end = try fields.date("end")
        if end < start { throw CommissioningError.field(name: "end", problem: "\(end) is before start \(start)") }
        objectives = try fields.list("objective")
        outcomes = try fields.compound("outcome", parts: 3).map { parts in
            ExpectedOutcome(description: parts[0], measure: parts[1], target: try fields.part("outcome", parts, { Int64($0) }, at: 2))
        }
        volunteerHours = try fields.optionalInteger("volunteer-hours") ?? 0
        matchFunding = try fields.optionalMoney("match-funding") ?? .zero
        roundId = try fields.optionalId("round")
        bidId = try fields.optionalId("id")
    }

    public func decide(_ decision: Decision) throws -> String {
        let fund = try decision.fund(fundId)
        let rules = try decision.rules(of: fundId, fund, on: decision.on)
        guard rules.route == .grant || fund.kind == .victims else {
            throw CommissioningError.rule(.route, "fund \(fundId) commissions by \(rules.route.rawValue), not by bids for grants")
        }
        let organisation = try decision.organisation(organisationId)
        try GrantRules(fundId: fundId, fund: fund, rules: rules).requireEligible(organisation, organisationId)
        try GrantRules(fundId: fundId, fund: fund, rules: rules).requireWithinLimits(amount, what: "a bid for", on: decision.on)
        try decision.requireArea(areaCode, validOn: decision.on)
        try decision.requireObjectives(objectives, validOn: decision.on)
        if let roundId {
            let round = try decision.round(roundId)
            guard round.fundId == fundId else {
                throw CommissioningError.rule(.roundOpen, "round \(roundId) is a round of fund \(round.fundId), not of \(fundId)")
            }
            guard !round.closed && decision.on <= round.closesOn else {
                throw CommissioningError.rule(.roundOpen, "round \(roundId) closed to bids on \(round.closesOn); submit to an open round")
            }
        }
        let id = try decision.newEntityId(bidId, counter: "bid", kind: "bid")
        try decision.emit(
            BidSubmitted(
                bidId: id, fundId: fundId, roundId: roundId, organisationId: organisationId, title: title, description: description,
                areaCode: areaCode, amountRequested: amount, plannedStart: start, plannedEnd: end, objectives: objectives,
                expectedOutcomes: outcomes, volunteerHours: volunteerHours, matchFunding: matchFunding),
            to: StreamId.entity(id))
        return "recorded bid \(id): \(organisationId) asks fund \(fundId) for \(amount) for '\(title)'"
    }
}
