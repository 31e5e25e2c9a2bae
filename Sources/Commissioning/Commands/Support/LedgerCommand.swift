/// A request that may be refused. Its fields are parsed and checked for form by `init`; its
/// `decide` reads the decision state it needs inside the write transaction, enforces every
/// rule, and emits events, or throws and appends nothing.
public protocol LedgerCommand: Sendable {
    static var spec: CommandSpec { get }
    init(_ fields: CommandFields) throws
    /// Decides and emits; returns a one-line summary of what was recorded.
    func decide(_ decision: Decision) throws -> String
}

/// Every command of the ledger, by name.
public enum CommandRegistry {
    public static let all: [any LedgerCommand.Type] =
        ReferenceCommands.all + PeopleCommands.all + FundCommands.all + BidCommands.all + GrantCommands.all
        + ContractCommands.all + CorrectionCommands.all

    public static func command(named name: String) -> (any LedgerCommand.Type)? {
        all.first { $0.spec.name == name }
    }
}
