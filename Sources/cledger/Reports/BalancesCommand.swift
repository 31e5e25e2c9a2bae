import ArgumentParser
import Commissioning
import LedgerStore
import Projections

/// `cledger report balances`: per fund and financial year by source, and per fund over its period.
struct BalancesCommand: IssuableReport {
    static let configuration = CommandConfiguration(
        commandName: "balances",
        abstract: "Fund balances: allocated, committed, released, paid, outstanding, recovered, accrued and available, by fund, year and source.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ReportOptions

    @Option(help: "Only this fund (its id, such as community).")
    var fund: String?

    @Option(help: "Only this financial year (2018-19).")
    var year: String?

    func run() throws { try runReport() }

    func render(pinnedHead: UInt64?) throws -> String {
        let financialYear = try financialYearOption(year)
        return try withProjection(global, FundBalancesProjection.self) { rows, reader in
            let point = try options.pointInTime(reader, pinned: pinnedHead)
            try requireKnown(fund, option: "--fund", kind: "fund", known: try FundBalancesReport.funds(rows).map(\.fundId))
            let report = try FundBalancesReport.build(rows, at: point, fundId: fund, year: financialYear)
            return try Self.output(report, options: options, reader: reader, point: point, pinned: pinnedHead).rendered(as: options.format)
        }
    }

    static let columns: [ReportOutput.Column] = [
        .init(field: "fund", heading: "fund"), .init(field: "financialYear", heading: "year"), .init(field: "source", heading: "source"),
        .init(field: "allocated", heading: "allocated", isMoney: true), .init(field: "committed", heading: "committed", isMoney: true),
        .init(field: "released", heading: "released", isMoney: true), .init(field: "paid", heading: "paid", isMoney: true),
        .init(field: "outstanding", heading: "outstanding", isMoney: true), .init(field: "recovered", heading: "recovered", isMoney: true),
        .init(field: "accrued", heading: "accrued", isMoney: true), .init(field: "available", heading: "available", isMoney: true),
        .init(field: "pot", heading: "pot", isMoney: true),
    ]

    static func cells(_ figures: BalanceFigures) -> [ReportOutput.Cell] {
        [figures.allocated, figures.committed, figures.released, figures.paid, figures.outstanding, figures.recovered, figures.accrued]
            .map(ReportOutput.Cell.money)
    }

    static func output(
        _ report: FundBalancesReport, options: ReportOptions, reader: LedgerReader, point: PointInTime, pinned: UInt64?
    ) throws -> ReportOutput {
        var yearRows: [[ReportOutput.Cell]] = []
        for year in report.years {
            for line in year.sources {
                yearRows.append([.text(year.fundId), .text(year.financialYear.description), .text(line.source.rawValue)] + cells(line.figures) + [.none, .none])
            }
            yearRows.append([.text(year.fundId), .text(year.financialYear.description), .text("all")] + cells(year.total) + [.money(year.available), .none])
        }
        let periodRows: [[ReportOutput.Cell]] = report.funds.map { fund in
            let period = fund.firstYear == fund.lastYear ? fund.firstYear.description : "\(fund.firstYear) to \(fund.lastYear)"
            return [.text(fund.fundId), .text(period), .text("all")] + cells(fund.total)
                + [fund.available.map(ReportOutput.Cell.money) ?? .none, fund.pot.map(ReportOutput.Cell.money) ?? .none]
        }
        var totals: [ReportOutput.Cell] = [.text("total"), .text(""), .text("")]
        var all = BalanceFigures()
        for fund in report.funds { all.add(fund.total) }
        totals += cells(all) + [.none, .none]
        return ReportOutput(
            report: "balances", columns: columns,
            sections: [
                .init(name: "years", title: "By fund, financial year and funding source", rows: yearRows),
                .init(name: "funds", title: "By fund over its whole period", rows: periodRows, totals: report.funds.isEmpty ? nil : totals),
            ],
            provenance: try options.provenanceFields(reader, point, pinned: pinned),
            headerLines: ["Fund balances"] + (try options.provenance(reader, point, pinned: pinned)))
    }
}
