import LedgerStore

/// A commitment's value by financial year and funding source (`2017-18:moj:150000.00`), as
/// `contract let`, `agreement make`, `contract vary` and `contract extend` take it, and the
/// checks of its shape every one of them makes.
enum FundingProfile {
    static let form = "YEAR:SOURCE:AMOUNT, such as 2017-18:moj:150000.00"

    static func field(required: Bool, help: String) -> FieldSpec {
        FieldSpec("profile", .compound(form), required: required, repeatable: true, help: help)
    }

    /// The lines given, in year and source order; each year and source at most once, each
    /// amount more than nothing.
    static func parse(_ fields: CommandFields) throws -> [FundingLine] {
        var lines: [FundingLine] = []
        for parts in try fields.compound("profile", parts: 3) {
            let line = FundingLine(
                financialYear: try fields.part("profile", parts, { FinancialYear(parsing: $0) }, at: 0),
                source: try fields.part("profile", parts, { FundingSource(rawValue: $0) }, at: 1),
                amount: try fields.part("profile", parts, { Money(parsing: $0) }, at: 2))
            if line.amount == .zero {
                throw CommissioningError.field(name: "profile", problem: "'\(parts.joined(separator: ":"))' profiles £0.00; leave the line out")
            }
            if lines.contains(where: { $0.financialYear == line.financialYear && $0.source == line.source }) {
                throw CommissioningError.field(
                    name: "profile", problem: "\(line.financialYear):\(line.source.rawValue) is given twice; give each year and source once, with its whole amount")
            }
            lines.append(line)
        }
        return lines.sorted { ($0.financialYear, $0.source) < ($1.financialYear, $1.source) }
    }

    /// The profile sums to the value, and has money only in years the term reaches.
    static func check(_ lines: [FundingLine], value: Money, start: CalendarDate, end: CalendarDate) throws {
        let total = lines.sum(\.amount)
        if total != value {
            throw CommissioningError.rule(
                .profile, "the profile sums to \(total), not the value of \(value); make the years and sources add up to the value.")
        }
        if let outside = lines.first(where: { $0.financialYear.lastDay < start || $0.financialYear.firstDay > end }) {
            throw CommissioningError.rule(
                .profile,
                "the profile has money in \(outside.financialYear), which the term \(start) to \(end) does not reach; profile only the years the term covers.")
        }
    }

    /// `2017-18 moj £150,000.00, 2017-18 opcc £50,000.00`.
    static func describe(_ lines: [FundingLine]) -> String {
        lines.map { "\($0.financialYear) \($0.source.rawValue) \($0.amount)" }.joined(separator: ", ")
    }

    /// `moj £37,500.00, opcc £12,500.00`: lines of one year by source, or "nothing".
    static func describeBySource(_ lines: [FundingLine]) -> String {
        lines.isEmpty ? "nothing" : lines.map { "\($0.source.rawValue) \($0.amount)" }.joined(separator: ", ")
    }

    /// The amount `lines` hold for `year` and `source`.
    static func amount(_ lines: [FundingLine], _ year: FinancialYear, _ source: FundingSource) -> Money {
        lines.filter { $0.financialYear == year && $0.source == source }.sum(\.amount)
    }
}
