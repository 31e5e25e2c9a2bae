import LedgerStore

/// `bid endorse`: a police officer or PCSO of the bid's area supports it. The Property Fund
/// needs this before award: "Groups must have the support of a Police Officer or Police
/// Community Support Officer (PCSO) within their local area who will help with the application."
public struct EndorseBid: LedgerCommand {
    public static let spec = CommandSpec(
        name: "bid endorse", summary: "Record that a police officer or PCSO of the bid's area supports it.",
        role: .endorsingOfficer,
        fields: [FieldSpec("bid", .id, help: "the bid; the acting officer's local area must be the bid's area")],
        example: [("bid", ["bid-0001"])])

    let bidId: String

    public init(_ fields: CommandFields) throws {
        bidId = try fields.id("bid")
    }

    public func decide(_ decision: Decision) throws -> String {
        let bid = try decision.bidInOrder(bidId)
        if let officer = bid.endorsedBy {
            throw CommissioningError.wrongState(
                kind: "bid", id: bidId, state: "already endorsed by \(officer)", command: "be endorsed again", fitting: "one endorsement is enough")
        }
        try decision.requireBid(bid, bidId, in: [.submitted, .eligible, .ineligible, .recommended, .notRecommended], to: "be endorsed")
        // checkCommon has found the holding: the acting person is an endorsing officer today.
        let holding = try decision.actor(decision.actorId).holding(.endorsingOfficer, on: decision.on)!
        let officerArea = holding.areaCode ?? ""
        if officerArea != bid.areaCode {
            throw CommissioningError.rule(
                .endorsement,
                "\(decision.actorId) is an officer of \(try areaName(officerArea, decision)), but bid \(bidId) is for \(try areaName(bid.areaCode, decision)): "
                    + "\"Groups must have the support of a Police Officer or Police Community Support Officer (PCSO) within their local area\". "
                    + "Ask an officer of \(bid.areaCode) to endorse it.")
        }
        let rank = holding.rank ?? ""
        try decision.emit(BidEndorsed(bidId: bidId, officerId: decision.actorId, rank: rank, areaCode: officerArea), to: StreamId.entity(bidId))
        return "recorded the endorsement of \(bidId) by \(decision.actorId) (\(rank), \(officerArea))"
    }

    /// `E07000026 (Allerdale)`, or the bare code when the ledger does not know it.
    private func areaName(_ code: String, _ decision: Decision) throws -> String {
        guard let area = try decision.state.get(ReferenceState.self, StateKey.area(code)) else { return code }
        return "\(code) (\(area.name))"
    }
}
