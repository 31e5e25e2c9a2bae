import LedgerStore

/// `bid declare-conflict`: a panel member declares a conflict of interest in a bid, and from
/// then takes no part in scoring, recommending or deciding it.
public struct DeclareConflict: LedgerCommand {
    public static let spec = CommandSpec(
        name: "bid declare-conflict", summary: "Declare a conflict of interest in a bid; the member then takes no part in it.",
        role: .panelMember,
        fields: [
            FieldSpec("bid", .id, help: "the bid"),
            FieldSpec("nature", .text, help: "the nature of the interest, such as 'trustee of the applicant'"),
        ],
        example: [("bid", ["bid-0001"]), ("nature", ["trustee of the applicant"])])

    let bidId: String
    let nature: String

    public init(_ fields: CommandFields) throws {
        bidId = try fields.id("bid")
        nature = try fields.text("nature")
    }

    public func decide(_ decision: Decision) throws -> String {
        let bid = try decision.bidInOrder(bidId)
        if bid.conflicted.contains(decision.actorId) {
            throw CommissioningError.wrongState(
                kind: "bid", id: bidId, state: "already subject to a conflict declared by \(decision.actorId)", command: "take a second declaration from them",
                fitting: "the first declaration stands for the rest of the bid's life")
        }
        try decision.requireBid(bid, bidId, in: [.submitted, .eligible, .ineligible, .recommended, .notRecommended], to: "take a declaration of conflict")
        try decision.emit(ConflictDeclared(bidId: bidId, memberId: decision.actorId, nature: nature), to: StreamId.entity(bidId))
        return "recorded that \(decision.actorId) has a conflict of interest in \(bidId) (\(nature)) and takes no part in it"
    }
}
