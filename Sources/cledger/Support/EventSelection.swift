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
        // The store's walks have no way to stop but an error: this one is caught here.
        struct Enough: Error {}
        do {
            if let stream {
                try reader.forEachEvent(inStream: stream) { e in
                    if e.sequence >= from && e.sequence <= last, !(try body(e)) { throw Enough() }
                }
            } else {
                try reader.forEachEvent(from: from, through: last) { e in
                    if !(try body(e)) { throw Enough() }
                }
            }
        } catch is Enough {}
    }
}
