import ArgumentParser
import Commissioning
import Foundation
import LedgerStore
import Projections

/// How a report is printed.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    /// Aligned columns for people: £ with thousands separators, a totals row.
    case table
    /// One JSON object, field names as docs/reports.md gives them, money as "1234.56" strings.
    case json
    /// Comma-separated values with a header line, the same fields as JSON.
    case csv
}

/// Options every report takes: the point in time and the format.
struct ReportOptions: ParsableArguments {
    @OptionGroup var point: PointInTimeOptions

    @Option(help: "table (for people), json or csv.")
    var format: ReportFormat = .table

    @Flag(help: "Record that this report was issued (its parameters, head and output hash), so that `cledger reissue SEQ` can check it later.")
    var issue = false

    @Option(name: .customLong("issued-by"), help: "With --issue: who issues the report (default: $CLEDGER_ACTOR).")
    var issuedBy: String?

    /// The events the report counts, in the snapshot `reader` reads, up to `pinned` when given.
    func pointInTime(_ reader: LedgerReader, pinned: UInt64? = nil) throws -> PointInTime {
        try point.pointInTime(reader, pinned: pinned)
    }

    /// The date a report judges what is due on: the `--as-of` date, else the London date of
    /// `--known-at`, else today in London. Call after ``pointInTime(_:)`` has checked both.
    func judgedOn(_ point: PointInTime) -> CalendarDate {
        point.asOf ?? LondonTime.date(at: self.point.knownAt.flatMap(LedgerInstant.init(parsing:)) ?? SystemClock().now())
    }

    /// The lines that say what a report was built from, for the top of a table.
    func provenance(_ reader: LedgerReader, _ point: PointInTime, pinned: UInt64? = nil) throws -> [String] {
        try self.point.provenance(reader, point, pinned: pinned)
    }

    /// The fields that say what a report was built from, for JSON and CSV.
    func provenanceFields(_ reader: LedgerReader, _ point: PointInTime, pinned: UInt64? = nil) throws -> [(String, String?)] {
        try self.point.provenanceFields(reader, point, pinned: pinned)
    }
}

/// `--year`: one financial year, or nil when it is not given.
/// - Throws: ``CommandFailure`` naming the form accepted when `text` is not a financial year.
func financialYearOption(_ text: String?) throws -> FinancialYear? {
    try text.map { text in
        guard let year = FinancialYear(parsing: text) else {
            throw CommandFailure(message: "--year: '\(text)' is not a financial year such as 2018-19 (1 April to 31 March)")
        }
        return year
    }
}

/// Opens the ledger for a report: writable when the user may write it, so projections save
/// their catch-up; read-only otherwise, and they catch up in memory.
func openForReports(_ global: GlobalOptions) throws -> (store: LedgerStore, runner: ProjectionRunner) {
    let path = global.storePath
    let writable = access(path, W_OK) == 0 && access(path + "/data.mdb", W_OK) == 0
    let store = try global.openStore(writable: writable)
    return (store, ProjectionRunner(store: store, saves: writable))
}

/// Brings `projection` up to date and says on standard error when it had to be rebuilt.
func caughtUp(_ runner: ProjectionRunner, _ projection: any Projection.Type) throws {
    let result = try runner.catchUp(projection)
    if let reason = result.rebuiltBecause {
        FileHandle.standardError.write(Data("cledger: rebuilt projection \(projection.name) from event 1: \(reason)\n".utf8))
    }
}
