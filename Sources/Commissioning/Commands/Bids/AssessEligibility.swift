import LedgerStore

/// `bid assess`: a commissioning officer records whether a submitted bid is eligible for its
/// fund, and why.
public struct AssessEligibility: LedgerCommand {
    public static let spec = CommandSpec(
        name: "bid assess", summary: "Record whether a submitted bid is eligible for its fund, and why.",
        role: .commissioningOfficer,
        fields: [
            FieldSpec("bid", .id, help: "the bid"),
            FieldSpec("eligible", .flag, help: "whether the bid is eligible"),
            FieldSpec("reason", .text, help: "why: the fund's criteria it meets or fails"),
        ],
        example: [("bid", ["bid-0001"]), ("eligible", ["true"]), ("reason", ["small community group; objective 8.2"])])

    let bidId: String
    let eligible: Bool
    let reason: String

    public init(_ fields: CommandFields) throws {
        bidId = try fields.id("bid")
        eligible = try fields.flag("eligible")
        reason = try fields.text("reason")
    }

    public func decide(_ decision: Decision) throws -> String {
        let bid = try decision.bidInOrder(bidId)
        try decision.requireBid(bid, bidId, in: [.submitted], to: "be assessed")
        if eligible {
            // The fund's rules may have changed since submission: an eligible bid meets those in force now.
            let fund = try decision.fund(bid.fundId)
            let rules = try decision.rules(of: bid.fundId, fund, on: decision.on)
            try GrantRules(fundId: bid.fundId, fund: fund, rules: rules).requireEligible(try decision.organisation(bid.organisationId), bid.organisationId)
        }
        try decision.emit(EligibilityAssessed(bidId: bidId, eligible: eligible, reason: reason), to: StreamId.entity(bidId))
        return "assessed \(bidId) as \(eligible ? "eligible" : "ineligible"): \(reason)"
    }
}
