import LedgerStore

/// `bid decline`: the decision maker declines a bid that is not yet decided.
public struct DeclineBid: LedgerCommand {
    public static let spec = CommandSpec(
        name: "bid decline", summary: "Decline a bid that is not yet awarded, declined or withdrawn.",
        role: .decisionMaker,
        fields: [
            FieldSpec("bid", .id, help: "the bid"),
            FieldSpec("reason", .text, help: "why, as the applicant will be told"),
        ],
        example: [("bid", ["bid-0001"]), ("reason", ["outcomes not measurable"])])

    let bidId: String
    let reason: String

    public init(_ fields: CommandFields) throws {
        bidId = try fields.id("bid")
        reason = try fields.text("reason")
    }

    public func decide(_ decision: Decision) throws -> String {
        let bid = try decision.bidInOrder(bidId)
        try decision.requireNoConflict(bid, bidId, to: "decide", other: "decision maker")
        try decision.requireBid(bid, bidId, in: [.submitted, .eligible, .ineligible, .recommended, .notRecommended], to: "be declined")
        try decision.emit(BidDeclined(bidId: bidId, reason: reason), to: StreamId.entity(bidId))
        return "declined \(bidId): \(reason)"
    }
}
