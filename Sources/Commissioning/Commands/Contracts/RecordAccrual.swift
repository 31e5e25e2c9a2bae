import LedgerStore

/// `accrual record`: finance records a year-end accrual on a contract or agreement: work
/// delivered in a financial year and not yet paid, charged to that year's profile. It reverses
/// in the next year (the projections do that); a wrong one is reversed with `accrual reverse`.
public struct RecordAccrual: LedgerCommand {
    public static let spec = CommandSpec(
        name: "accrual record", summary: "Record a year-end accrual on a contract or agreement: delivered in the year, not yet paid.",
        role: .financeOfficer,
        fields: [
            FieldSpec("contract", .id, help: "the contract or partnership agreement"),
            FieldSpec("amount", .money, help: "the amount delivered and not yet paid"),
            FieldSpec("year", .financialYear, required: false, help: "the financial year it was delivered in, open and not after the date's (default: the year of the date)"),
            FieldSpec("source", .choice(FundingSource.allCases.map(\.rawValue)), required: false,
                      help: "the funding source (default: the first, MoJ money first, with anything left in the year's profile)"),
            FieldSpec("description", .text, help: "what was delivered, such as Q4 2017-18 service"),
            FieldSpec("id", .id, required: false, help: "an id (default: accrual-NNNN)"),
        ],
        example: [("contract", ["contract-0001"]), ("amount", ["31250.00"]), ("year", ["2017-18"]), ("description", ["Q4 2017-18 service, invoiced in April"])])

    let commitmentId: String
    let amount: Money
    let year: FinancialYear?
    let source: FundingSource?
    let description: String
    let accrualId: String?

    public init(_ fields: CommandFields) throws {
        commitmentId = try fields.id("contract")
        amount = try fields.money("amount")
        if amount == .zero { throw CommissioningError.field(name: "amount", problem: "is £0.00; accrue more than nothing") }
        year = fields.values["year"] != nil ? try fields.financialYear("year") : nil
        source = try fields.optionalChoice("source", FundingSource.self)
        description = try fields.text("description")
        accrualId = try fields.optionalId("id")
    }

    public func decide(_ decision: Decision) throws -> String {
        let commitment = try decision.commitment(commitmentId, toAct: "accrue", allowEnded: true)
        let year = self.year ?? decision.year
        if year > decision.year {
            throw CommissioningError.field(
                name: "year", problem: "\(year) is after \(decision.year), the year of the date \(decision.on); an accrual is for work already delivered")
        }
        try decision.requireOpen(year)
        // What each source of the year's profile has neither paid nor already accrued.
        let open = commitment.remaining(in: year)
        let source = self.source ?? open.first?.source ?? .mojVictimsGrant
        let left = FundingProfile.amount(open, year, source)
        if amount > left {
            let others = open.filter { $0.source != source }
            throw CommissioningError.rule(
                .overpayment,
                "an accrual of \(amount) is more than the \(left) of \(commitmentId)'s \(year) \(source.rawValue) profile neither paid nor accrued; accrue at most \(left)"
                    + (others.isEmpty ? "." : " (the year also has \(FundingProfile.describeBySource(others)) left: accrue that with --source separately)."))
        }
        let id = try accrualId
            ?? decision.nextId("accrual", prefix: "accrual") { try decision.state.get(CorrectableState.self, StateKey.accrual($0)) != nil }
        if try decision.state.get(CorrectableState.self, StateKey.accrual(id)) != nil { throw CommissioningError.duplicate(kind: "accrual", id: id) }
        let line = FundingLine(financialYear: year, source: source, amount: amount)
        try decision.emit(
            AccrualRecorded(accrualId: id, commitmentId: commitmentId, fundId: commitment.fundId, line: line, description: description),
            to: StreamId.entity(commitmentId))
        return "recorded accrual \(id) of \(amount) on \(commitmentId) for \(year) (\(source.rawValue))"
    }
}
