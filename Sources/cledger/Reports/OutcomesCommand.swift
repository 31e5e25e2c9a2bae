import ArgumentParser
import Commissioning
import LedgerStore
import Projections

/// `cledger report outcomes`: the outcome dashboard, per plan objective, fund and area.
struct OutcomesCommand: IssuableReport {
    static let configuration = CommandConfiguration(
        commandName: "outcomes",
        abstract: "Outcome dashboard: grants, contracts and agreements, money, expected against achieved outcomes, and final reports owed, per objective, fund and area.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ReportOptions

    @Option(help: "Only what counts under this plan objective or sub-priority (its code, such as 3 or 3.1).")
    var objective: String?

    @Option(help: "Only this fund (its id, such as community).")
    var fund: String?

    @Option(help: "Only this area (its ONS GSS code, such as E07000026, or countywide).")
    var area: String?

    func run() throws { try runReport() }

    func render(pinnedHead: UInt64?) throws -> String {
        try withProjection(global, OutcomesProjection.self) { rows, reader in
            let point = try options.pointInTime(reader, pinned: pinnedHead)
            try requireKnown(objective, option: "--objective", kind: "objective", known: try OutcomesReport.defined(.objectives, rows).map(\.code))
            try requireKnown(fund, option: "--fund", kind: "fund", known: try OutcomesReport.defined(.funds, rows).map(\.code))
            let areas = try OutcomesReport.defined(.areas, rows).map(\.code) + [OutcomesReport.countywide]
            try requireKnown(area, option: "--area", kind: "area", known: areas)
            let filter = OutcomesReport.Filter(objective: objective, fundId: fund, areaCode: area)
            let report = try OutcomesReport.build(rows, at: point, overdueOn: options.judgedOn(point), filter: filter)
            return try Self.output(report, options: options, reader: reader, point: point, pinned: pinnedHead).rendered(as: options.format)
        }
    }

    static let columns: [ReportOutput.Column] = [
        .init(field: "code", heading: "code"), .init(field: "name", heading: "name"),
        .init(field: "grants", heading: "grants", isMoney: true), .init(field: "contracts", heading: "contracts", isMoney: true),
        .init(field: "agreements", heading: "agreements", isMoney: true), .init(field: "awarded", heading: "awarded", isMoney: true),
        .init(field: "paid", heading: "paid", isMoney: true), .init(field: "outcomesExpected", heading: "expected", isMoney: true),
        .init(field: "targetsExpected", heading: "targets", isMoney: true), .init(field: "reportsAccepted", heading: "accepted", isMoney: true),
        .init(field: "outcomesReported", heading: "reported", isMoney: true), .init(field: "targetsReported", heading: "their targets", isMoney: true),
        .init(field: "achieved", heading: "achieved", isMoney: true), .init(field: "outcomesMet", heading: "met", isMoney: true),
        .init(field: "outcomesMissed", heading: "missed", isMoney: true), .init(field: "reportsOutstanding", heading: "owed", isMoney: true),
        .init(field: "reportsOverdue", heading: "overdue", isMoney: true), .init(field: "learningShared", heading: "learning shared", isMoney: true),
        .init(field: "kpis", heading: "KPIs", isMoney: true), .init(field: "reviewed", heading: "reviewed", isMoney: true),
        .init(field: "kpisMet", heading: "KPIs met", isMoney: true), .init(field: "kpisMissed", heading: "KPIs missed", isMoney: true),
        .init(field: "reviewsOfConcern", heading: "of concern", isMoney: true),
    ]

    static func cells(_ f: OutcomeFigures) -> [ReportOutput.Cell] {
        [String(f.grants), String(f.contracts), String(f.agreements)].map(ReportOutput.Cell.text) + [.money(f.awarded), .money(f.paid)]
            + [
                f.outcomesExpected, Int(f.targetsExpected), f.reportsAccepted, f.outcomesReported, Int(f.targetsReported), Int(f.achieved),
                f.outcomesMet, f.outcomesMissed, f.reportsOutstanding, f.reportsOverdue, f.learningShared,
                f.kpis, f.reviewed, f.kpisMet, f.kpisMissed, f.reviewsOfConcern,
            ].map { .text(String($0)) }
    }

    static func output(
        _ report: OutcomesReport, options: ReportOptions, reader: LedgerReader, point: PointInTime, pinned: UInt64?
    ) throws -> ReportOutput {
        func rows(_ lines: [OutcomesReport.Line]) -> [[ReportOutput.Cell]] { lines.map { [.text($0.code), .text($0.name)] + cells($0.figures) } }
        let totals: [ReportOutput.Cell] = [.text("total"), .text("")] + cells(report.total)
        var provenance = try options.provenanceFields(reader, point, pinned: pinned)
        provenance.append(("overdueOn", report.overdueOn.description))
        return ReportOutput(
            report: "outcomes", columns: columns,
            sections: [
                .init(name: "objectives", title: "By plan objective and sub-priority (an objective counts its sub-priorities)", rows: rows(report.objectives)),
                .init(name: "funds", title: "By fund", rows: rows(report.funds), totals: totals),
                .init(name: "areas", title: "By area", rows: rows(report.areas), totals: totals),
            ],
            provenance: provenance,
            headerLines: ["Outcomes"] + (try options.provenance(reader, point, pinned: pinned)) + ["overdue on   \(report.overdueOn) (final reports owed after the planned end)"],
            footerLines: [
                "",
                "A grant, contract or agreement that names several objectives counts in full under each, and an objective counts those",
                "of its sub-priorities: money is not split, so the objective rows do not add up to the fund total.",
                "A final report is overdue when it is owed after the bid's planned end (as varied): the strategy sets no grace period.",
                "A grant released in full before anything was paid owes none. KPIs met and missed are those of each",
                "contract's or agreement's latest review; of concern: its latest review rated it requires-improvement or inadequate.",
            ])
    }
}
