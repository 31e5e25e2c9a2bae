/// `round close`: a round closed to new bids.
public struct CloseRound: LedgerCommand {
    public static let spec = CommandSpec(
        name: "round close", summary: "Close a funding round to new bids.",
        role: .commissioningOfficer,
        fields: [FieldSpec("round", .id, help: "the round")],
        example: [("round", ["round-0001"])])

    let roundId: String

    public init(_ fields: CommandFields) throws { roundId = try fields.id("round") }

    public func decide(_ decision: Decision) throws -> String {
        let round = try decision.round(roundId)
        if round.closed {
            throw CommissioningError.wrongState(kind: "round", id: roundId, state: "closed", command: "close again", fitting: "nothing more to do")
        }
        let fund = try decision.fund(round.fundId)
        try decision.requireNotBefore(fund.lastEffective, of: "fund \(round.fundId)")
        try decision.emit(RoundClosed(fundId: round.fundId, roundId: roundId), to: StreamId.fund(round.fundId))
        return "closed round \(roundId) of fund \(round.fundId)"
    }
}
