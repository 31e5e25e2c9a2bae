/// The commands of this folder, for ``CommandRegistry``.
enum BidCommands {
    static let all: [any LedgerCommand.Type] = [
        SubmitBid.self, EndorseBid.self, AssessEligibility.self, DeclareConflict.self, ScoreBid.self, RecommendBid.self,
        AwardGrant.self, DeclineBid.self, WithdrawBid.self,
    ]
}
