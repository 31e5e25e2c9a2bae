import ArgumentParser
import Commissioning
import LedgerStore
import Projections

/// `cledger report victims`: the victims' grant reconciliation, per financial year.
struct VictimsCommand: IssuableReport {
    static let configuration = CommandConfiguration(
        commandName: "victims",
        abstract: "The MoJ Victims Services Grant per year: allocated against committed, paid and accrued, by provider and objective; top-ups; underspend; late payments.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ReportOptions

    @Option(help: "Only this financial year (2018-19).")
    var year: String?

    func run() throws { try runReport() }

    func render(pinnedHead: UInt64?) throws -> String {
        let financialYear = try financialYearOption(year)
        return try withProjection(global, VictimsGrantProjection.self) { rows, reader in
            let point = try options.pointInTime(reader, pinned: pinnedHead)
            let known = try VictimsGrantReport.years(rows)
            if let financialYear, !known.contains(financialYear) {
                let years = known.isEmpty ? "it has none" : "the years with money are " + known.map(\.description).joined(separator: ", ")
                throw CommandFailure(message: "--year: \(financialYear) has no victims' fund money in this ledger; \(years)")
            }
            let report = try VictimsGrantReport.build(rows, at: point, year: financialYear)
            return try Self.output(report, options: options, reader: reader, point: point, pinned: pinnedHead).rendered(as: options.format)
        }
    }

    static func money(_ field: String, _ heading: String) -> ReportOutput.Column { .init(field: field, heading: heading, isMoney: true) }

    /// The columns of a provider's or an objective's line, after its name.
    static let lineColumns: [ReportOutput.Column] = [
        .init(field: "commitments", heading: "commitments"),
        money("mojCommitted", "MoJ committed"), money("mojReleased", "MoJ released"), money("mojPaid", "MoJ paid"),
        money("mojAccrued", "MoJ accrued"), money("otherCommitted", "other committed"), money("otherReleased", "other released"),
        money("otherPaid", "other paid"), money("otherAccrued", "other accrued"), .init(field: "otherSources", heading: "other sources"),
    ]

    static let yearColumns: [ReportOutput.Column] = [
        .init(field: "financialYear", heading: "year"), money("mojAllocated", "MoJ allocated"), money("mojCommitted", "MoJ committed"),
        money("mojReleased", "MoJ released"), money("mojPaid", "MoJ paid"), money("mojAccrued", "MoJ accrued"),
        money("mojRecovered", "MoJ recovered"), money("underspend", "underspend"), money("mojUncommitted", "MoJ uncommitted"),
        money("otherCommitted", "other committed"), money("otherReleased", "other released"), money("otherPaid", "other paid"),
        money("otherAccrued", "other accrued"), .init(field: "otherSources", heading: "other sources"),
    ]

    static let lateColumns: [ReportOutput.Column] = [
        .init(field: "sequence", heading: "seq"), .init(field: "financialYear", heading: "year"), .init(field: "provider", heading: "provider"),
        .init(field: "commitment", heading: "commitment"), .init(field: "paymentReference", heading: "payment ref"),
        money("moj", "MoJ"), money("other", "other"), money("amount", "amount"),
        .init(field: "effectiveDate", heading: "effective"), .init(field: "recordedDate", heading: "recorded"),
        .init(field: "reversedBy", heading: "reversed by"),
    ]

    static func sources(_ split: VictimsGrantReport.Split) -> ReportOutput.Cell {
        split.otherSources.isEmpty ? .none : .text(split.otherSources.map(\.rawValue).joined(separator: " "))
    }

    static func lineCells(_ commitments: ReportOutput.Cell, _ split: VictimsGrantReport.Split) -> [ReportOutput.Cell] {
        let (moj, other) = (split.moj, split.other)
        return [commitments] + [moj.committed, moj.released, moj.paid, moj.accrued, other.committed, other.released, other.paid, other.accrued]
            .map(ReportOutput.Cell.money) + [sources(split)]
    }

    static func output(
        _ report: VictimsGrantReport, options: ReportOptions, reader: LedgerReader, point: PointInTime, pinned: UInt64?
    ) throws -> ReportOutput {
        let yearRows: [[ReportOutput.Cell]] = report.years.map { year in
            let (moj, other) = (year.money.moj, year.money.other)
            return [.text(year.financialYear.description)]
                + [moj.allocated, moj.committed, moj.released, moj.paid, moj.accrued, moj.recovered, year.underspend, year.uncommitted,
                   other.committed, other.released, other.paid, other.accrued].map(ReportOutput.Cell.money) + [sources(year.money)]
        }
        func lineRows(_ lines: [VictimsGrantReport.Line]) -> [[ReportOutput.Cell]] {
            lines.map { [.text($0.financialYear.description), .text($0.name)] + lineCells(.text($0.commitments.joined(separator: " ")), $0.money) }
        }
        // Each commitment once: the years' figures, which the objective lines may exceed.
        let totals: [ReportOutput.Cell]? = report.years.isEmpty ? nil : [.text("total"), .text("")] + lineCells(.text(""), report.total)
        let lateRows: [[ReportOutput.Cell]] = report.latePayments.map { p in
            [.text(String(p.sequence)), .text(p.financialYear.description), .text(p.providerId), .text(p.commitmentId), .text(p.paymentReference),
             .money(p.moj), .money(p.other), .money(p.moj + p.other), .text(p.effective.description), .text(p.recorded.description),
             p.reversedBy.map { .text(String($0)) } ?? .none]
        }
        let provider = [ReportOutput.Column(field: "financialYear", heading: "year"), .init(field: "provider", heading: "provider")] + lineColumns
        let objective = [ReportOutput.Column(field: "financialYear", heading: "year"), .init(field: "objective", heading: "objective")] + lineColumns
        return ReportOutput(
            report: "victims", columns: yearColumns,
            sections: [
                .init(name: "years", title: "MoJ Victims Services Grant by financial year", rows: yearRows),
                .init(name: "providers", title: "By provider", rows: lineRows(report.byProvider), totals: totals, columns: provider),
                .init(
                    name: "objectives", title: "By plan objective (a commitment naming several objectives is shown in full under each)",
                    rows: lineRows(report.byObjective), totals: totals, columns: objective),
                .init(name: "latePayments", title: "Payments recorded after the year end they fall within", rows: lateRows, columns: lateColumns),
            ],
            provenance: try options.provenanceFields(reader, point, pinned: pinned),
            headerLines: ["Victims' grant reconciliation"] + (try options.provenance(reader, point, pinned: pinned)),
            footerLines: [
                "", "underspend = MoJ allocated - MoJ paid - MoJ accrued (payments net of reversals, accruals net of reversed accruals).",
                "The objective lines do not add up when a commitment names several objectives; the totals count each commitment once.",
            ])
    }
}
