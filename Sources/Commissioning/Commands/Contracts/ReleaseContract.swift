import LedgerStore

/// `contract release`: finance returns an unpaid part of one year's profile of a contract or
/// agreement, from one source, to the fund: work that will not be paid for. Never more than
/// the year's profile has left unpaid and unaccrued, and never in a closed year.
public struct ReleaseContract: LedgerCommand {
    public static let spec = CommandSpec(
        name: "contract release", summary: "Release an unpaid part of a year's profile of a contract or agreement back to the fund.",
        role: .financeOfficer,
        fields: [
            FieldSpec("contract", .id, help: "the contract or partnership agreement"),
            FieldSpec("amount", .money, help: "the amount released"),
            FieldSpec("year", .financialYear, help: "the financial year of the profile it comes from (an open year)"),
            FieldSpec("source", .choice(FundingSource.allCases.map(\.rawValue)), help: "the funding source it comes from"),
            FieldSpec("reason", .text, help: "why it will not be paid"),
        ],
        example: [("contract", ["contract-0001"]), ("amount", ["12500.00"]), ("year", ["2018-19"]), ("source", ["opcc"]), ("reason", ["underspend: fewer referrals"])])

    let commitmentId: String
    let amount: Money
    let year: FinancialYear
    let source: FundingSource
    let reason: String

    public init(_ fields: CommandFields) throws {
        commitmentId = try fields.id("contract")
        amount = try fields.money("amount")
        if amount == .zero { throw CommissioningError.field(name: "amount", problem: "is £0.00; release more than nothing") }
        year = try fields.financialYear("year")
        source = try fields.choice("source", FundingSource.self)
        reason = try fields.text("reason")
    }

    public func decide(_ decision: Decision) throws -> String {
        let commitment = try decision.commitment(commitmentId, toAct: "be released", allowEnded: true)
        try decision.requireOpen(year)
        let releasable = commitment.releasable(year, source)
        if amount > releasable {
            throw CommissioningError.rule(
                .profile,
                "\(commitmentId) has \(releasable) of its \(year) \(source.rawValue) profile to release (\(commitment.describeUse(year, source))); release at most \(releasable).")
        }
        let line = FundingLine(financialYear: year, source: source, amount: amount)
        try decision.emit(CommitmentReleased(commitmentId: commitmentId, fundId: commitment.fundId, line: line, reason: reason), to: StreamId.entity(commitmentId))
        return "released \(amount) of \(commitmentId)'s \(year) \(source.rawValue) profile to fund \(commitment.fundId)"
    }
}
