import LedgerStore

/// `grant recover`: cash clawed back from a grantee, up to what was paid and not yet recovered.
/// A closed grant may still have funds recovered (after an audit, say).
public struct RecoverFunds: LedgerCommand {
    public static let spec = CommandSpec(
        name: "grant recover", summary: "Record cash recovered (clawed back) from a grantee.",
        role: .financeOfficer,
        fields: [
            FieldSpec("grant", .id, help: "the grant"),
            FieldSpec("amount", .money, help: "the amount recovered, at most what was paid and not yet recovered"),
            FieldSpec("reference", .text, help: "the finance system's receipt reference"),
            FieldSpec("reason", .text, help: "why the money was recovered"),
        ],
        example: [("grant", ["grant-0001"]), ("amount", ["500.00"]), ("reference", ["REC-2291"]), ("reason", ["unspent at project end"])])

    let grantId: String
    let amount: Money
    let reference: String
    let reason: String

    public init(_ fields: CommandFields) throws {
        grantId = try fields.id("grant")
        amount = try fields.money("amount")
        if amount <= .zero { throw CommissioningError.field(name: "amount", problem: "\(amount) is not more than £0.00") }
        reference = try fields.text("reference")
        reason = try fields.text("reason")
    }

    public func decide(_ decision: Decision) throws -> String {
        let grant = try decision.grantInOrder(grantId)
        let recoverable = grant.recoverable
        if recoverable <= .zero {
            throw CommissioningError.wrongState(
                kind: "grant", id: grantId, state: "without any payment left to recover (paid \(grant.paid), recovered \(grant.recovered))",
                command: "have funds recovered", fitting: "only money paid to the grantee can be recovered")
        }
        if amount > recoverable {
            throw CommissioningError.field(
                name: "amount", problem: "\(amount) is more than the \(recoverable) paid on \(grantId) and not yet recovered (paid \(grant.paid), recovered \(grant.recovered)); recover at most \(recoverable)")
        }
        let fund = try decision.fund(grant.fundId)
        let line = FundingLine(financialYear: decision.year, source: grant.source(fund), amount: amount)
        try decision.emit(FundsRecovered(grantId: grantId, fundId: grant.fundId, line: line, reference: reference, reason: reason), to: StreamId.entity(grantId))
        return "recorded \(amount) recovered from \(grant.organisationId) on \(grantId) (\(reference)); \(recoverable - amount) more could be recovered"
    }
}
