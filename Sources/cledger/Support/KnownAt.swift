import LedgerStore

/// `--known-at`: an instant with offset, or a date meaning the end of that London day.
enum KnownAt {
    /// The head of the ledger as known at `text`: the last sequence recorded by then.
    /// - Throws: ``CommandFailure`` when `text` does not parse, is in the future, or is before
    ///   the ledger was created.
    static func lastSequence(_ text: String, _ reader: LedgerReader) throws -> UInt64 {
        guard let instant = LedgerInstant(parsing: text) else {
            throw CommandFailure(
                message: "--known-at: '\(text)' is neither a date (YYYY-MM-DD, meaning the end of that London day) "
                    + "nor an instant with offset (2018-04-06T10:30:00+01:00 or 2018-04-06T09:30:00Z)")
        }
        if instant > SystemClock().now() {
            throw CommandFailure(message: "--known-at: \(instant) is in the future; the ledger cannot know it yet")
        }
        if let created = try reader.createdAt(), instant < created {
            throw CommandFailure(message: "--known-at: \(instant) is before the ledger was created (\(created))")
        }
        return try reader.lastSequence(knownAt: instant)
    }
}
