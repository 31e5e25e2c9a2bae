import LedgerStore

/// `bid recommend`: the panel's recommendation on an eligible bid: fund it (with an amount,
/// at most what was asked for) or decline it, and why.
public struct RecommendBid: LedgerCommand {
    public static let spec = CommandSpec(
        name: "bid recommend", summary: "Record the panel's recommendation on an eligible bid: fund it or decline it.",
        role: .panelMember,
        fields: [
            FieldSpec("bid", .id, help: "the bid"),
            FieldSpec("decision", .choice(Recommendation.allCases.map(\.rawValue)), help: "fund or decline"),
            FieldSpec("amount", .money, required: false, help: "the amount recommended, at most the amount requested (only with fund; default: the amount requested)"),
            FieldSpec("rationale", .text, help: "why, on the expected outcomes"),
        ],
        example: [("bid", ["bid-0001"]), ("decision", ["fund"]), ("amount", ["7000.00"]), ("rationale", ["clear outcomes; 300 volunteer hours"])])

    /// What the panel recommends.
    enum Recommendation: String, CaseIterable {
        case fund, decline
    }

    let bidId: String
    let recommendation: Recommendation
    let amount: Money?
    let rationale: String

    public init(_ fields: CommandFields) throws {
        bidId = try fields.id("bid")
        recommendation = try fields.choice("decision", Recommendation.self)
        amount = try fields.optionalMoney("amount")
        rationale = try fields.text("rationale")
        if recommendation == .decline && amount != nil {
            throw CommissioningError.field(name: "amount", problem: "goes with a recommendation to fund; leave it out when recommending to decline")
        }
    }

    public func decide(_ decision: Decision) throws -> String {
        let bid = try decision.bidInOrder(bidId)
        try decision.requireNoConflict(bid, bidId, to: "recommend on", other: "panel member")
        try decision.requireBid(bid, bidId, in: [.eligible], to: "be recommended")
        if let amount {
            let fund = try decision.fund(bid.fundId)
            let rules = try decision.rules(of: bid.fundId, fund, on: decision.on)
            try GrantRules(fundId: bid.fundId, fund: fund, rules: rules).requireWithinLimits(amount, what: "a recommendation of", on: decision.on)
            if amount > bid.amountRequested {
                throw CommissioningError.rule(
                    .awardAboveRequest,
                    "a recommendation of \(amount) is more than the \(bid.amountRequested) bid \(bidId) asked for; recommend at most \(bid.amountRequested).")
            }
        }
        let fund = recommendation == .fund
        try decision.emit(PanelRecommended(bidId: bidId, roundId: bid.roundId, fund: fund, amount: amount, rationale: rationale), to: StreamId.entity(bidId))
        if fund {
            return "recorded the panel's recommendation to fund \(bidId) with \(amount ?? bid.amountRequested)"
        }
        return "recorded the panel's recommendation to decline \(bidId)"
    }
}
