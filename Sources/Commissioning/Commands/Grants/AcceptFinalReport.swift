import LedgerStore

/// `grant accept-report`: the final report is accepted; the held-back balance may be paid.
public struct AcceptFinalReport: LedgerCommand {
    public static let spec = CommandSpec(
        name: "grant accept-report", summary: "Accept a grant's final report: the held-back balance may then be paid.",
        role: .commissioningOfficer,
        fields: [FieldSpec("grant", .id, help: "the grant")],
        example: [("grant", ["grant-0001"])])

    let grantId: String

    public init(_ fields: CommandFields) throws {
        grantId = try fields.id("grant")
    }

    public func decide(_ decision: Decision) throws -> String {
        let grant = try decision.grantInOrder(grantId)
        try decision.requireGrantOpen(grant, grantId, to: "accept a final report")
        try decision.requireFinalReport(grant, grantId, in: [.received], to: "accept a final report")
        try decision.emit(FinalReportAccepted(grantId: grantId), to: StreamId.entity(grantId))
        let held = grant.tranches.indices.filter { grant.tranches[$0].afterFinalReport }
            .map { grant.tranches[$0].amount - grant.paidByTranche[$0] }.sum { $0 }
        return "accepted the final report of \(grantId)" + (held > .zero ? "; the held-back \(held) may now be paid" : "")
    }
}
