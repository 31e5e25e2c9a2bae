/// The commands of this folder, for CommandRegistry.
enum GrantCommands {
    static let all: [any LedgerCommand.Type] = []
}
