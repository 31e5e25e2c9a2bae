import LedgerStore

/// `bid score`: a panel member's scores of an eligible bid, per criterion, from 0 to 5.
/// "Funding will be awarded on the basis of the expected outcomes that aim to be achieved."
public struct ScoreBid: LedgerCommand {
    public static let spec = CommandSpec(
        name: "bid score", summary: "Record a panel member's scores of an eligible bid, 0 to 5 per criterion.",
        role: .panelMember,
        fields: [
            FieldSpec("bid", .id, help: "the bid"),
            FieldSpec(
                "score", .compound("CRITERION:SCORE, such as outcomes:4"), repeatable: true,
                help: "the score on one criterion, a whole number from 0 to 5 (once per criterion)"),
        ],
        example: [("bid", ["bid-0001"]), ("score", ["outcomes:4", "benefits-in-kind:3", "value-for-money:5"])])

    /// The range of a score.
    static let scoreRange: ClosedRange<Int64> = 0...5

    let bidId: String
    let scores: [CriterionScore]

    public init(_ fields: CommandFields) throws {
        bidId = try fields.id("bid")
        var scores: [CriterionScore] = []
        for parts in try fields.compound("score", parts: 2) {
            let score = try fields.part("score", parts, { Int64($0) }, at: 1)
            guard Self.scoreRange.contains(score) else {
                throw CommissioningError.field(
                    name: "score", problem: "'\(parts.joined(separator: ":"))' scores \(parts[0]) \(score); a score is a whole number from 0 to 5")
            }
            if scores.contains(where: { $0.criterion == parts[0] }) {
                throw CommissioningError.field(name: "score", problem: "criterion '\(parts[0])' is scored twice; score each criterion once")
            }
            scores.append(CriterionScore(criterion: parts[0], score: score))
        }
        self.scores = scores
    }

    public func decide(_ decision: Decision) throws -> String {
        let bid = try decision.bidInOrder(bidId)
        try decision.requireNoConflict(bid, bidId, to: "score", other: "panel member")
        if bid.scoredBy.contains(decision.actorId) {
            throw CommissioningError.wrongState(
                kind: "bid", id: bidId, state: "already scored by \(decision.actorId)", command: "be scored by them again", fitting: "each panel member scores a bid once")
        }
        try decision.requireBid(bid, bidId, in: [.eligible], to: "be scored")
        try decision.emit(BidScored(bidId: bidId, memberId: decision.actorId, scores: scores), to: StreamId.entity(bidId))
        let total = scores.reduce(0) { $0 + $1.score }
        return "recorded \(decision.actorId)'s scores of \(bidId): \(total) of \(scores.count * 5) on \(scores.count) criteri\(scores.count == 1 ? "on" : "a")"
    }
}
