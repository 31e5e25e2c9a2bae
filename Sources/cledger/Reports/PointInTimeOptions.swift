import ArgumentParser
import LedgerStore
import Projections

/// `--as-of` and `--known-at`: the point in time a report or an export counts the events at.
struct PointInTimeOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Count only what is effective on or before this date (YYYY-MM-DD).")
    var asOf: String?

    @Option(
        name: .customLong("known-at"),
        help: "Count only what was recorded by this time: an instant with offset (2018-04-06T10:30:00+01:00) or a date (the end of that London day).")
    var knownAt: String?

    /// The head figures are built from: the snapshot's, or `pinned` when rebuilding an issued report.
    func builtFrom(_ reader: LedgerReader, pinned: UInt64?) throws -> LedgerHead? {
        guard let pinned else { return try reader.head() }
        guard let event = try reader.event(at: pinned) else { return nil }
        return LedgerHead(sequence: event.sequence, hash: event.hash, recordedAt: event.recordedAt)
    }

    /// The events counted, in the snapshot `reader` reads, up to `pinned` when given.
    func pointInTime(_ reader: LedgerReader, pinned: UInt64? = nil) throws -> PointInTime {
        var asOfDate: CalendarDate?
        if let asOf {
            guard let date = CalendarDate(iso8601: asOf) else {
                throw CommandFailure(message: "--as-of: '\(asOf)' is not a date YYYY-MM-DD (the last effective date to count)")
            }
            asOfDate = date
        }
        let head = try builtFrom(reader, pinned: pinned)?.sequence ?? 0
        let through = min(head, try knownAt.map { try KnownAt.lastSequence($0, reader) } ?? head)
        return PointInTime(throughSequence: through, asOf: asOfDate)
    }

    /// The lines that say what the figures were built from: the head and the point in time.
    func provenance(_ reader: LedgerReader, _ point: PointInTime, pinned: UInt64? = nil) throws -> [String] {
        var lines = ["ledger head  \(try builtFrom(reader, pinned: pinned).map(String.init(describing:)) ?? "0 (empty ledger)")"]
        if let knownAt { lines.append("known at     \(knownAt) (events 1 to \(point.throughSequence))") }
        if let asOf = point.asOf { lines.append("as of        \(asOf) (effective dates)") }
        return lines
    }

    /// The fields that say what the figures were built from, for JSON and CSV.
    func provenanceFields(_ reader: LedgerReader, _ point: PointInTime, pinned: UInt64? = nil) throws -> [(String, String?)] {
        [
            ("ledgerHead", try builtFrom(reader, pinned: pinned).map(String.init(describing:))),
            ("knownAt", knownAt), ("throughSequence", String(point.throughSequence)), ("asOf", point.asOf?.description),
        ]
    }
}
