import LedgerStore

/// `bid withdraw`: the applicant withdraws a bid that is not yet decided; a commissioning
/// officer records it.
public struct WithdrawBid: LedgerCommand {
    public static let spec = CommandSpec(
        name: "bid withdraw", summary: "Record that the applicant withdrew a bid that is not yet decided.",
        role: .commissioningOfficer,
        fields: [
            FieldSpec("bid", .id, help: "the bid"),
            FieldSpec("reason", .text, required: false, help: "the applicant's reason"),
        ],
        example: [("bid", ["bid-0001"]), ("reason", ["project funded elsewhere"])])

    let bidId: String
    let reason: String

    public init(_ fields: CommandFields) throws {
        bidId = try fields.id("bid")
        reason = try fields.optionalText("reason") ?? ""
    }

    public func decide(_ decision: Decision) throws -> String {
        let bid = try decision.bidInOrder(bidId)
        if bid.status == .awarded {
            throw CommissioningError.wrongState(
                kind: "bid", id: bidId, state: bid.stateText, command: "be withdrawn",
                fitting: "release what will not be paid with `cledger grant release --grant \(bid.grantId ?? "")`")
        }
        try decision.requireBid(bid, bidId, in: [.submitted, .eligible, .ineligible, .recommended, .notRecommended], to: "be withdrawn")
        try decision.emit(BidWithdrawn(bidId: bidId, reason: reason), to: StreamId.entity(bidId))
        return "recorded that \(bidId) was withdrawn" + (reason.isEmpty ? "" : ": \(reason)")
    }
}
