import LedgerStore

/// `round open`: a funding round with its closing and panel dates, within the fund's number
/// of panels a year ("A panel will meet to consider bids for funding four times a year").
public struct OpenRound: LedgerCommand {
    public static let spec = CommandSpec(
        name: "round open", summary: "Open a funding round with its closing date and panel date.",
        role: .commissioningOfficer,
        fields: [
            FieldSpec("fund", .id, help: "the fund"),
            FieldSpec("closes-on", .date, help: "the last day bids are accepted"),
            FieldSpec("panel-date", .date, help: "the day the panel meets"),
            FieldSpec("id", .id, required: false, help: "an id for the round (default: round-NNNN)"),
        ],
        example: [("fund", ["community"]), ("closes-on", ["2017-09-30"]), ("panel-date", ["2017-10-18"])])

    let fundId: String
    let closesOn: CalendarDate
    let panelDate: CalendarDate
    let roundId: String?

    public init(_ fields: CommandFields) throws {
        fundId = try fields.id("fund")
        closesOn = try fields.date("closes-on")
        panelDate = try fields.date("panel-date")
        roundId = try fields.optionalId("id")
        if panelDate < closesOn {
            throw CommissioningError.field(name: "panel-date", problem: "\(panelDate) is before closes-on \(closesOn); the panel meets after bids close")
        }
    }

    public func decide(_ decision: Decision) throws -> String {
        let fund = try decision.fund(fundId)
        try decision.requireNotBefore(fund.lastEffective, of: "fund \(fundId)")
        let rules = try decision.rules(of: fundId, fund, on: panelDate)
        guard rules.route == .grant else {
            throw CommissioningError.rule(.route, "fund \(fundId) commissions by \(rules.route.rawValue), not by rounds of bids")
        }
        let year = FinancialYear(containing: panelDate)
        let panels = Int(try decision.state.get(FundYear.self, StateKey.fundYear(fundId, year))?.panels ?? 0)
        if rules.panelsPerYear > 0 && panels >= Int(rules.panelsPerYear) {
            throw CommissioningError.rule(
                .roundOpen, "fund \(fundId) already has \(panels) panels in \(year), its rules allow \(rules.panelsPerYear) a year; hold the panel in another year or amend the rules")
        }
        let id = try roundId ?? decision.nextId("round", prefix: "round") { try decision.state.get(RoundState.self, StateKey.round($0)) != nil }
        if try decision.state.get(RoundState.self, StateKey.round(id)) != nil { throw CommissioningError.duplicate(kind: "round", id: id) }
        try decision.emit(RoundOpened(fundId: fundId, roundId: id, closesOn: closesOn, panelDate: panelDate), to: StreamId.fund(fundId))
        return "opened round \(id) of fund \(fundId): bids until \(closesOn), panel on \(panelDate)"
    }
}
