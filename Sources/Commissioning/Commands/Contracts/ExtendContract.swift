import LedgerStore

/// `contract extend`: the decision maker moves a contract's or agreement's end later, usually
/// with more value profiled into the added years, with a reason.
public struct ExtendContract: LedgerCommand {
    public static let spec = CommandSpec(
        name: "contract extend", summary: "Extend a contract or partnership agreement to a later end, with its new value and profile.",
        role: .decisionMaker,
        fields: CommitmentVariation.fields(isExtension: true),
        example: [
            ("contract", ["contract-0001"]), ("end", ["2020-03-31"]), ("value", ["375000.00"]),
            ("profile", ["2017-18:moj:100000.00", "2017-18:opcc:25000.00", "2018-19:moj:125000.00", "2019-20:moj:125000.00"]),
            ("reason", ["extended to the end of the strategy period"]),
        ])

    let variation: CommitmentVariation

    public init(_ fields: CommandFields) throws { variation = try CommitmentVariation(fields, isExtension: true) }

    public func decide(_ decision: Decision) throws -> String { try variation.decide(decision) }
}
