/// The commands of this folder, for ``CommandRegistry``.
enum ReferenceCommands {
    static let all: [any LedgerCommand.Type] = [DefineObjective.self, DefineArea.self]
}
