/// The commands of this folder, for CommandRegistry.
enum ContractCommands {
    static let all: [any LedgerCommand.Type] = []
}
