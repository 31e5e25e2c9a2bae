import LedgerStore

/// `contract end`: a contract or partnership agreement ended, with a reason. What its profile
/// has not paid stays committed until finance releases it (`contract release`).
public struct EndContract: LedgerCommand {
    public static let spec = CommandSpec(
        name: "contract end", summary: "End a contract or partnership agreement, with a reason.",
        role: .commissioningOfficer,
        fields: [
            FieldSpec("contract", .id, help: "the contract or partnership agreement"),
            FieldSpec("reason", .text, help: "why it ends"),
        ],
        example: [("contract", ["contract-0001"]), ("reason", ["term completed"])])

    let commitmentId: String
    let reason: String

    public init(_ fields: CommandFields) throws {
        commitmentId = try fields.id("contract")
        reason = try fields.text("reason")
    }

    public func decide(_ decision: Decision) throws -> String {
        let commitment = try decision.commitment(commitmentId, toAct: "be ended again")
        try decision.emit(CommitmentEnded(commitmentId: commitmentId, reason: reason), to: StreamId.entity(commitmentId))
        let unpaid = commitment.unpaid
        return "ended \(commitmentId)"
            + (unpaid > .zero ? "; \(unpaid) of its profile is unpaid: release what will not be paid with `cledger contract release`" : "")
    }
}
