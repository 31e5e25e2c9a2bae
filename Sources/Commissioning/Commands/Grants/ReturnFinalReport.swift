import LedgerStore

/// `grant return-report`: the final report goes back to the grantee for more work.
public struct ReturnFinalReport: LedgerCommand {
    public static let spec = CommandSpec(
        name: "grant return-report", summary: "Return a grant's final report to the grantee for more work.",
        role: .commissioningOfficer,
        fields: [
            FieldSpec("grant", .id, help: "the grant"),
            FieldSpec("reason", .text, help: "what the report must show before it can be accepted"),
        ],
        example: [("grant", ["grant-0001"]), ("reason", ["no evidence of the attendance figures"])])

    let grantId: String
    let reason: String

    public init(_ fields: CommandFields) throws {
        grantId = try fields.id("grant")
        reason = try fields.text("reason")
    }

    public func decide(_ decision: Decision) throws -> String {
        let grant = try decision.grantInOrder(grantId)
        try decision.requireGrantOpen(grant, grantId, to: "return a final report")
        try decision.requireFinalReport(grant, grantId, in: [.received], to: "return a final report")
        try decision.emit(FinalReportReturned(grantId: grantId, reason: reason), to: StreamId.entity(grantId))
        return "returned the final report of \(grantId): \(reason)"
    }
}
