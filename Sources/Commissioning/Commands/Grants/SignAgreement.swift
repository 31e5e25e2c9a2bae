import LedgerStore

/// `grant sign`: the grantee signed the grant agreement, with the fund's terms and conditions
/// ("Each fund is subject to specific terms and conditions that are attached to a grant
/// agreement"). Nothing is paid before.
public struct SignAgreement: LedgerCommand {
    public static let spec = CommandSpec(
        name: "grant sign", summary: "Record that the grantee signed the grant agreement.",
        role: .commissioningOfficer,
        fields: [FieldSpec("grant", .id, help: "the grant")],
        example: [("grant", ["grant-0001"])])

    let grantId: String

    public init(_ fields: CommandFields) throws {
        grantId = try fields.id("grant")
    }

    public func decide(_ decision: Decision) throws -> String {
        let grant = try decision.grantInOrder(grantId)
        try decision.requireGrantOpen(grant, grantId, to: "have its agreement signed")
        if grant.signed {
            throw CommissioningError.wrongState(
                kind: "grant", id: grantId, state: "signed", command: "be signed again", fitting: "pay its first tranche with `cledger grant pay`")
        }
        try decision.emit(AgreementSigned(grantId: grantId), to: StreamId.entity(grantId))
        return "recorded the signed agreement of \(grantId) with \(grant.organisationId)"
    }
}
