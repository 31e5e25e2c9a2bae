import LedgerStore

/// `grant close`: a grant with nothing outstanding (every tranche paid, or the rest released)
/// and, where the award held a balance back, its final report accepted.
public struct CloseGrant: LedgerCommand {
    public static let spec = CommandSpec(
        name: "grant close", summary: "Close a grant with nothing outstanding and, where a balance was held back, its final report accepted.",
        role: .commissioningOfficer,
        fields: [FieldSpec("grant", .id, help: "the grant")],
        example: [("grant", ["grant-0001"])])

    let grantId: String

    public init(_ fields: CommandFields) throws {
        grantId = try fields.id("grant")
    }

    public func decide(_ decision: Decision) throws -> String {
        let grant = try decision.grantInOrder(grantId)
        try decision.requireGrantOpen(grant, grantId, to: "be closed again")
        let fund = try decision.fund(grant.fundId)
        let rules = try decision.rules(of: grant.fundId, fund, on: decision.on)
        if (grant.holdsBack || rules.holdBackBasisPoints > 0) && grant.finalReport != .accepted {
            throw CommissioningError.rule(
                .finalReportFirst,
                "\(grantId) cannot be closed before its final report is accepted (the report is \(grant.finalReportText)): "
                    + "\"The balance of funding will be subject to the receipt of a final report that clearly demonstrates the outcomes\". "
                    + "Record and accept the final report first.")
        }
        if grant.outstanding > .zero {
            throw CommissioningError.wrongState(
                kind: "grant", id: grantId, state: "\(grant.outstanding) short of paid in full (awarded \(grant.amount), paid \(grant.paid), released \(grant.released))",
                command: "be closed", fitting: "pay the rest with `cledger grant pay`, or release what will not be paid with `cledger grant release`")
        }
        try decision.emit(GrantClosed(grantId: grantId), to: StreamId.entity(grantId))
        return "closed \(grantId): awarded \(grant.amount), paid \(grant.paid), released \(grant.released)"
    }
}
