/// The commands of this folder, for ``CommandRegistry``.
enum BidCommands {
    static let all: [any LedgerCommand.Type] = [SubmitBid.self, AwardGrant.self]
}
