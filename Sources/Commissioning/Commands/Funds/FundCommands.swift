/// The commands of this folder, for ``CommandRegistry``.
enum FundCommands {
    static let all: [any LedgerCommand.Type] = [
        EstablishFund.self, AmendFundRules.self, RecordAllocation.self, OpenRound.self, CloseRound.self, CloseYear.self,
        SubmitMojReturn.self,
    ]
}
