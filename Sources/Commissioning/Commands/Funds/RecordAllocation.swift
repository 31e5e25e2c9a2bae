import LedgerStore

/// `allocation record`: money for a fund for a financial year: the MoJ Victims Services Grant,
/// property proceeds, OPCC budget or partner money.
public struct RecordAllocation: LedgerCommand {
    public static let spec = CommandSpec(
        name: "allocation record", summary: "Record money allocated to a fund for a financial year.",
        role: .financeOfficer,
        fields: [
            FieldSpec("fund", .id, help: "the fund"),
            FieldSpec("amount", .money, help: "the amount allocated"),
            FieldSpec("source", .choice(FundingSource.allCases.map(\.rawValue)), help: "where the money comes from"),
            FieldSpec("year", .financialYear, required: false, help: "the financial year (default: the year of the command's date)"),
            FieldSpec("reference", .text, required: false, help: "the grant letter or budget reference"),
            FieldSpec("id", .id, required: false, help: "an id for the allocation (default: allocation-NNNN)"),
        ],
        example: [("fund", ["victims"]), ("amount", ["812000.00"]), ("source", ["moj"]), ("year", ["2017-18"]), ("reference", ["MoJ grant agreement 2017-18"])])

    let fundId: String
    let amount: Money
    let source: FundingSource
    let year: FinancialYear?
    let reference: String
    let allocationId: String?

    public init(_ fields: CommandFields) throws {
        fundId = try fields.id("fund")
        amount = try fields.money("amount")
        if amount == .zero { throw CommissioningError.field(name: "amount", problem: "is £0.00; an allocation is more than nothing") }
        source = try fields.choice("source", FundingSource.self)
        year = fields.values["year"] != nil ? try fields.financialYear("year") : nil
        reference = try fields.optionalText("reference") ?? ""
        allocationId = try fields.optionalId("id")
    }

    public func decide(_ decision: Decision) throws -> String {
        let fund = try decision.fund(fundId)
        try decision.requireNotBefore(fund.lastEffective, of: "fund \(fundId)")
        let year = self.year ?? decision.year
        try decision.requireOpen(year)
        let id = try allocationId
            ?? decision.nextId("allocation", prefix: "allocation") { try decision.state.get(CorrectableState.self, StateKey.allocation($0)) != nil }
        if try decision.state.get(CorrectableState.self, StateKey.allocation(id)) != nil { throw CommissioningError.duplicate(kind: "allocation", id: id) }
        let line = FundingLine(financialYear: year, source: source, amount: amount)
        try decision.emit(AllocationRecorded(fundId: fundId, allocationId: id, line: line, reference: reference), to: StreamId.fund(fundId))
        return "recorded allocation \(id): \(amount) of \(source.rawValue) money to fund \(fundId) for \(year)"
    }
}
