import LedgerStore

/// `contract vary`: the decision maker changes a contract's or agreement's value, end or
/// profile, with a reason. The new profile passes the same money rules as the letting: within
/// each year's MoJ allocation and what the fund has, MoJ money only for victims' services.
public struct VaryContract: LedgerCommand {
    public static let spec = CommandSpec(
        name: "contract vary", summary: "Vary a contract or partnership agreement: value, end or profile, with a reason.",
        role: .decisionMaker,
        fields: CommitmentVariation.fields(isExtension: false),
        example: [
            ("contract", ["contract-0001"]), ("value", ["240000.00"]), ("profile", ["2017-18:moj:100000.00", "2017-18:opcc:25000.00", "2018-19:moj:115000.00"]),
            ("reason", ["fewer referrals than specified"]),
        ])

    let variation: CommitmentVariation

    public init(_ fields: CommandFields) throws { variation = try CommitmentVariation(fields, isExtension: false) }

    public func decide(_ decision: Decision) throws -> String { try variation.decide(decision) }
}
