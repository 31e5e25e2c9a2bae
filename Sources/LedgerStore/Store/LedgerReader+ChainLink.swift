extension LedgerReader {
    /// Whether event `sequence` still holds as it was appended: its stored bytes hash, with the
    /// stored hash of the event before it, to its stored hash (docs/event-format.md). It checks
    /// one link of the chain, for a report that shows a few events; `verify` checks them all.
    /// - Returns: nil when there is no event `sequence`.
    /// - Complexity: O(log n) and two events' bytes.
    public func chainLinkHolds(at sequence: UInt64) throws -> Bool? {
        checkOpen()
        guard sequence > 0 else { return nil }
        let previous: EventHash?
        if sequence == 1 {
            previous = .zero
        } else {
            previous = try txn.withValue(dbs.events, key: bigEndianKey(sequence - 1)) { try decodeHeader($0, at: sequence - 1).hash }
        }
        let holds = try txn.withValue(dbs.events, key: bigEndianKey(sequence)) { stored -> Bool in
            guard let header = try? EnvelopeHeader(stored: stored), let previous else { return false }
            return header.sequence == sequence && EventHash.chain(sequence: sequence, previous: previous, body: header.body) == header.hash
        }
        return holds
    }
}
