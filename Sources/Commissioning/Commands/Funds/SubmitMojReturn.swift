import LedgerStore

/// `moj-return submit`: records that the MoJ return for a period was sent, with the victims'
/// grant figures for the year and the ledger head they were made from.
public struct SubmitMojReturn: LedgerCommand {
    public static let spec = CommandSpec(
        name: "moj-return submit", summary: "Record that the MoJ return for a period was submitted, with its figures and the ledger head.",
        role: .financeOfficer,
        fields: [
            FieldSpec("year", .financialYear, help: "the financial year"),
            FieldSpec("period", .choice(["Q1", "Q2", "Q3", "Q4", "year"]), help: "the period of the return"),
        ],
        example: [("year", ["2017-18"]), ("period", ["year"])])

    let year: FinancialYear
    let period: String

    public init(_ fields: CommandFields) throws {
        year = try fields.financialYear("year")
        period = try fields.text("period")
        _ = try fields.choice("period", MojPeriod.self)
    }

    enum MojPeriod: String { case q1 = "Q1", q2 = "Q2", q3 = "Q3", q4 = "Q4", year }

    public func decide(_ decision: Decision) throws -> String {
        var allocated = Money.zero, committed = Money.zero, paid = Money.zero, accrued = Money.zero
        var fundsSeen = 0
        for (fundId, fund) in try decision.funds() where fund.kind == .victims {
            fundsSeen += 1
            let line = try decision.state.fundLine(fundId, year, .mojVictimsGrant)
            allocated += line.allocated
            committed += line.netCommitted
            paid += line.paid
            accrued += line.accrued
        }
        if fundsSeen == 0 {
            throw CommissioningError.unknown(kind: "fund of kind", id: "victims", hint: "Establish the Victims' Services Fund before submitting an MoJ return.")
        }
        let head = try decision.writer.head()
        try decision.emit(
            MojReturnSubmitted(
                financialYear: year, period: period, allocated: allocated, committed: committed, paid: paid, accrued: accrued,
                headSequence: head?.sequence ?? 0, headHash: head?.hash.description ?? ""),
            to: StreamId.year(year))
        return "recorded the MoJ return for \(year) \(period): allocated \(allocated), committed \(committed), paid \(paid), accrued \(accrued), at head \(head.map(String.init(describing:)) ?? "none")"
    }
}
