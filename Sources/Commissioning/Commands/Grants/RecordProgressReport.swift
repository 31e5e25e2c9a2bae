import LedgerStore

/// `grant progress-report`: a progress report on a grant being delivered.
public struct RecordProgressReport: LedgerCommand {
    public static let spec = CommandSpec(
        name: "grant progress-report", summary: "Record a progress report on a grant being delivered.",
        role: .commissioningOfficer,
        fields: [
            FieldSpec("grant", .id, help: "the grant"),
            FieldSpec("summary", .text, help: "what the report says: delivery so far against the expected outcomes"),
        ],
        example: [("grant", ["grant-0001"]), ("summary", ["12 sessions run, 31 young people attending"])])

    let grantId: String
    let summary: String

    public init(_ fields: CommandFields) throws {
        grantId = try fields.id("grant")
        summary = try fields.text("summary")
    }

    public func decide(_ decision: Decision) throws -> String {
        let grant = try decision.grantInOrder(grantId)
        try decision.requireGrantOpen(grant, grantId, to: "take a progress report")
        try decision.requireSigned(grant, grantId, to: "take a progress report")
        try decision.emit(ProgressReportReceived(grantId: grantId, summary: summary), to: StreamId.entity(grantId))
        return "recorded a progress report on \(grantId)"
    }
}
