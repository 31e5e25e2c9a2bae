import LedgerStore

/// `grant release`: an unpaid balance of a grant that will not be paid goes back to the fund.
public struct ReleaseCommitment: LedgerCommand {
    public static let spec = CommandSpec(
        name: "grant release", summary: "Release an unpaid balance of a grant that will not be paid: it goes back to the fund.",
        role: .financeOfficer,
        fields: [
            FieldSpec("grant", .id, help: "the grant"),
            FieldSpec("amount", .money, required: false, help: "the amount released (default: all that is outstanding)"),
            FieldSpec("reason", .text, help: "why it will not be paid"),
        ],
        example: [("grant", ["grant-0001"]), ("amount", ["1500.00"]), ("reason", ["project delivered under budget"])])

    let grantId: String
    let amount: Money?
    let reason: String

    public init(_ fields: CommandFields) throws {
        grantId = try fields.id("grant")
        amount = try fields.optionalMoney("amount")
        if let amount, amount <= .zero { throw CommissioningError.field(name: "amount", problem: "\(amount) is not more than £0.00") }
        reason = try fields.text("reason")
    }

    public func decide(_ decision: Decision) throws -> String {
        let grant = try decision.grantInOrder(grantId)
        try decision.requireGrantOpen(grant, grantId, to: "release a commitment")
        let outstanding = grant.outstanding
        if outstanding <= .zero {
            throw CommissioningError.wrongState(
                kind: "grant", id: grantId, state: "without anything outstanding (awarded \(grant.amount), paid \(grant.paid), released \(grant.released))",
                command: "release any of it", fitting: "close it with `cledger grant close`")
        }
        let releasing = amount ?? outstanding
        if releasing > outstanding {
            throw CommissioningError.field(
                name: "amount", problem: "\(releasing) is more than the \(outstanding) outstanding on \(grantId) (awarded \(grant.amount), paid \(grant.paid), released \(grant.released)); release at most \(outstanding)")
        }
        let fund = try decision.fund(grant.fundId)
        let line = FundingLine(financialYear: try decision.releaseYear(of: grant.fundingLines), source: grant.source(fund), amount: releasing)
        try decision.emit(CommitmentReleased(commitmentId: grantId, fundId: grant.fundId, line: line, reason: reason), to: StreamId.entity(grantId))
        return "released \(releasing) of \(grantId) back to fund \(grant.fundId) (\(line.source.rawValue), \(line.financialYear)); \(outstanding - releasing) outstanding"
    }
}
