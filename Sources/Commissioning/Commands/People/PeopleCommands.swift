/// The commands of this folder, for ``CommandRegistry``.
enum PeopleCommands {
    static let all: [any LedgerCommand.Type] = [RegisterActor.self, GrantRole.self, RevokeRole.self, RegisterOrganisation.self]
}
