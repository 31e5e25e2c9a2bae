import ArgumentParser
import LedgerStore

/// Which events `log` and `export` show.
struct EventSelection: ParsableArguments {
    @Option(help: "Only the events of this stream (for example bid-0042).")
    var stream: String?

    @Option(help: "Start at this sequence.")
    var from: UInt64 = 1

    @Option(
        name: .customLong("known-at"),
        help: "Only what was recorded by this time: an instant with offset (2018-04-06T10:30:00+01:00) or a date (the end of that London day).")
    var knownAt: String?

    /// The last sequence to show, from `--known-at`.
    func lastSequence(_ reader: LedgerReader) throws -> UInt64 {
        try knownAt.map { try KnownAt.lastSequence($0, reader) } ?? .max
    }

    /// Calls `body` with each selected event, in order, while it returns true: `log --limit`
    /// and output nobody reads any more end the walk, so the events after are never decoded.
    func forEach(_ reader: LedgerReader, while body: (Envelope) throws -> Bool) throws {
        if from == 0 { throw CommandFailure(message: "--from: sequences start at 1") }
        let last = try lastSequence(reader)
        if let stream {
            try reader.visitEvents(inStream: stream, while: { e in
                // A stream's events come in sequence order: past `last`, none is selected.
                guard e.sequence <= last else { return false }
                guard e.sequence >= from else { return true }
                return try body(e)
            })
        } else {
            try reader.visitEvents(from: from, through: last, while: body)
        }
    }
}
