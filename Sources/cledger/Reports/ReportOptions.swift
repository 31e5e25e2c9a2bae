import ArgumentParser
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
    @Option(name: .customLong("as-of"), help: "Count only what is effective on or before this date (YYYY-MM-DD).")
    var asOf: String?

    @Option(
        name: .customLong("known-at"),
        help: "Count only what was recorded by this time: an instant with offset (2018-04-06T10:30:00+01:00) or a date (the end of that London day).")
    var knownAt: String?

    @Option(help: "table (for people), json or csv.")
    var format: ReportFormat = .table

    /// The events the report counts, in the snapshot `reader` reads.
    func pointInTime(_ reader: LedgerReader) throws -> PointInTime {
        var asOfDate: CalendarDate?
        if let asOf {
            guard let date = CalendarDate(iso8601: asOf) else {
                throw CommandFailure(message: "--as-of: '\(asOf)' is not a date YYYY-MM-DD (the last effective date to count)")
            }
            asOfDate = date
        }
        let head = try reader.head()?.sequence ?? 0
        let through = try knownAt.map { try KnownAt.lastSequence($0, reader) } ?? head
        return PointInTime(throughSequence: through, asOf: asOfDate)
    }

    /// The date a report judges what is due on: the `--as-of` date, else the London date of
    /// `--known-at`, else today in London. Call after ``pointInTime(_:)`` has checked both.
    func judgedOn(_ point: PointInTime) -> CalendarDate {
        point.asOf ?? LondonTime.date(at: knownAt.flatMap(LedgerInstant.init(parsing:)) ?? SystemClock().now())
    }

    /// The lines that say what a report was built from, for the top of a table.
    func provenance(_ reader: LedgerReader, _ point: PointInTime) throws -> [String] {
        var lines = ["ledger head  \(try reader.head().map(String.init(describing:)) ?? "0 (empty ledger)")"]
        if let knownAt { lines.append("known at     \(knownAt) (events 1 to \(point.throughSequence))") }
        if let asOf = point.asOf { lines.append("as of        \(asOf) (effective dates)") }
        return lines
    }

    /// The fields that say what a report was built from, for JSON and CSV.
    func provenanceFields(_ reader: LedgerReader, _ point: PointInTime) throws -> [(String, String?)] {
        [
            ("ledgerHead", try reader.head().map(String.init(describing:))),
            ("knownAt", knownAt), ("throughSequence", String(point.throughSequence)), ("asOf", point.asOf?.description),
        ]
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
