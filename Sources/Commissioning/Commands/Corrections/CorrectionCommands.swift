/// The commands of this folder, for CommandRegistry.
enum CorrectionCommands {
    static let all: [any LedgerCommand.Type] = [ReversePayment.self, ReverseAllocation.self, ReverseAccrual.self]
}
