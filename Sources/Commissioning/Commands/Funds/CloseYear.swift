import LedgerStore

/// `year close`: a financial year closed once it has ended; nothing is dated in it afterwards.
public struct CloseYear: LedgerCommand {
    public static let spec = CommandSpec(
        name: "year close", summary: "Close a financial year that has ended: nothing can be dated in it afterwards.",
        role: .financeOfficer,
        fields: [FieldSpec("year", .financialYear, help: "the financial year")],
        example: [("year", ["2017-18"])])

    let year: FinancialYear

    public init(_ fields: CommandFields) throws { year = try fields.financialYear("year") }

    public func decide(_ decision: Decision) throws -> String {
        try decision.requireOpen(year)
        if decision.on <= year.lastDay {
            throw CommissioningError.rule(.closedYear, "financial year \(year) ends on \(year.lastDay); close it after that day, not on \(decision.on)")
        }
        try decision.emit(YearClosed(financialYear: year), to: StreamId.year(year))
        return "closed financial year \(year)"
    }
}
