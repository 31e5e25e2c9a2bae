/// A read transaction on the ledger: a consistent snapshot, reachable only inside
/// `store.read { reader in … }` (or as the ``LedgerWriter`` of a write). Not `Sendable`; any use
/// after its closure returns is a precondition failure.
public class LedgerReader {
    let txn: LMDBTransaction
    let dbs: LedgerDatabases
    let path: String
    private(set) var isOpen = true

    init(txn: LMDBTransaction, dbs: LedgerDatabases, path: String) {
        self.txn = txn
        self.dbs = dbs
        self.path = path
    }

    func close() { isOpen = false }

    func checkOpen() {
        precondition(isOpen, "a ledger transaction was used after its read or write closure returned")
    }

    /// Turns undecodable stored bytes into ``LedgerError/damaged(path:detail:)``.
    func damaged(_ detail: String) -> LedgerError { .damaged(path: path, detail: detail) }

    /// The last event's sequence, hash and recorded time; nil for an empty ledger.
    /// - Complexity: O(log n).
    public func head() throws -> LedgerHead? {
        checkOpen()
        let cursor = try LMDBCursor(txn, dbs.events)
        guard let last = try cursor.move(.last) else { return nil }
        let header = try decodeHeader(last.value, at: readBigEndianU64(last.key))
        return LedgerHead(sequence: header.sequence, hash: header.hash, recordedAt: header.recordedAt)
    }

    /// Number of events in the log.
    public func eventCount() throws -> UInt64 {
        checkOpen()
        return UInt64(try txn.entryCount(dbs.events))
    }

    /// The ledger's storage layout version (meta `format`): ``LedgerStore/formatVersionSupported``.
    public func formatVersion() throws -> UInt32 {
        checkOpen()
        guard let value = try txn.value(dbs.meta, key: LedgerDatabases.MetaKey.format), value.count == 4 else {
            throw damaged("the format version is missing from the ledger's metadata")
        }
        return value.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The version of the reducer the decision state was kept by (meta `state-version`); 1 for
    /// a ledger written before the version was recorded.
    public func decisionStateVersion() throws -> UInt32 {
        checkOpen()
        guard let value = try txn.value(dbs.meta, key: LedgerDatabases.MetaKey.stateVersion) else { return 1 }
        guard value.count == 4 else { throw damaged("the decision state's version in the ledger's metadata is \(value.count) bytes, not 4") }
        return value.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The domain whose events the ledger holds; nil for a bare log.
    public func domain() throws -> String? {
        checkOpen()
        return try txn.value(dbs.meta, key: LedgerDatabases.MetaKey.domain).map { String(decoding: $0, as: UTF8.self) }
    }

    /// When the ledger was created (by its clock).
    public func createdAt() throws -> LedgerInstant? {
        checkOpen()
        return try txn.withValue(dbs.meta, key: LedgerDatabases.MetaKey.created) { bytes in
            var r = ByteReader(bytes)
            return LedgerInstant(microsecondsSinceEpoch: try r.i64("created"))
        }
    }

    /// The event at `sequence`, or nil past the head.
    /// - Complexity: O(log n).
    public func event(at sequence: UInt64) throws -> Envelope? {
        checkOpen()
        return try txn.withValue(dbs.events, key: bigEndianKey(sequence)) { try decode($0, at: sequence) }
    }

    /// Calls `body` with each event from `first` through `last` (or the head), in order.
    /// - Complexity: O(log n + k) for k events.
    public func forEachEvent(
        from first: UInt64 = 1, through last: UInt64 = .max, _ body: (Envelope) throws -> Void
    ) throws {
        try visitEvents(from: first, through: last, while: { try body($0); return true })
    }

    /// Calls `body` with each event from `first` through `last` (or the head), in order, while it
    /// returns true: a walk that ends where its caller has what it needs.
    /// - Complexity: O(log n + k) for the k events `body` is called with.
    public func visitEvents(
        from first: UInt64 = 1, through last: UInt64 = .max, while body: (Envelope) throws -> Bool
    ) throws {
        checkOpen()
        guard first <= last else { return }
        let cursor = try LMDBCursor(txn, dbs.events)
        var entry = try cursor.seek(atLeast: bigEndianKey(first))
        while let e = entry {
            let sequence = readBigEndianU64(e.key)
            if sequence > last { break }
            guard try body(try decode(e.value, at: sequence)) else { return }
            entry = try cursor.move(.next)
        }
    }

    /// The version of `streamId`: the number of events in it (0 when it has none).
    /// - Complexity: O(log n).
    public func streamVersion(_ streamId: String) throws -> UInt64 {
        checkOpen()
        return try streamHead(streamId)?.version ?? 0
    }

    /// Calls `body` with each event of `streamId` from stream version `first`, in order.
    ///
    /// The store keeps each stream's head and a link from each event to the one before it in
    /// its stream (docs/event-format.md): the read walks back from the head to version `first`,
    /// then reads the events forward.
    /// - Complexity: O((h − first + 1) log n) for a stream at version h, and memory for that
    ///   many sequences.
    public func forEachEvent(
        inStream streamId: String, fromVersion first: UInt64 = 1, _ body: (Envelope) throws -> Void
    ) throws {
        try visitEvents(inStream: streamId, fromVersion: first, while: { try body($0); return true })
    }

    /// Calls `body` with each event of `streamId` from stream version `first`, in order, while it
    /// returns true.
    /// - Complexity: O((h − first + 1) log n) to walk the links back, then O(log n) for each
    ///   event `body` is called with.
    public func visitEvents(
        inStream streamId: String, fromVersion first: UInt64 = 1, while body: (Envelope) throws -> Bool
    ) throws {
        checkOpen()
        let first = max(first, 1)
        guard let head = try streamHead(streamId), head.version >= first else { return }
        let sequences = try sequences(ofStream: streamId, from: head, backTo: first)
        var version = first
        for sequence in sequences.reversed() {
            guard let event = try event(at: sequence) else {
                throw damaged("stream \(streamId) version \(version) is linked to missing event \(sequence)")
            }
            guard event.streamId == streamId, event.streamVersion == version else {
                throw damaged(
                    "stream \(streamId) version \(version) is linked to event \(sequence), which is \(event.streamId) version \(event.streamVersion)")
            }
            guard try body(event) else { return }
            version += 1
        }
    }

    /// The last sequence recorded at or before `instant` (0 when none was): the head of the
    /// ledger "as known at" that instant.
    /// - Complexity: O(log² n): a binary search over sequences, as `recordedAt` never decreases.
    public func lastSequence(knownAt instant: LedgerInstant) throws -> UInt64 {
        checkOpen()
        guard let head = try head() else { return 0 }
        var low: UInt64 = 0  // recorded at or before `instant` (0 stands for "none")
        var high = head.sequence + 1  // recorded after `instant`
        while high - low > 1 {
            let middle = low + (high - low) / 2
            let recorded = try txn.withValue(dbs.events, key: bigEndianKey(middle)) {
                try decodeHeader($0, at: middle).recordedAt
            }
            guard let recorded else { throw damaged("event \(middle) is missing below the head \(head.sequence)") }
            if recorded <= instant { low = middle } else { high = middle }
        }
        return low
    }

    /// Called before the decision state is read: a writer refuses to decide against a state
    /// another version of the reducer kept; a reader (verify, tests) reads whatever is there.
    func willReadDecisionState() throws {}

    /// A decision-state value.
    public func stateValue(forKey key: [UInt8]) throws -> [UInt8]? {
        checkOpen()
        try willReadDecisionState()
        return try txn.value(dbs.state, key: key)
    }

    /// The decision-state value under the greatest key that starts with `prefix` and is not
    /// greater than `key`: the latest of a family of dated keys on or before a date.
    /// - Complexity: O(log n).
    public func stateValue(atOrBefore key: [UInt8], prefix: [UInt8]) throws -> [UInt8]? {
        checkOpen()
        try willReadDecisionState()
        let cursor = try LMDBCursor(txn, dbs.state)
        var entry = try cursor.seek(atLeast: key)
        if entry.map({ !$0.key.elementsEqual(key) }) ?? true {
            entry = entry == nil ? try cursor.move(.last) : try cursor.move(.previous)
        }
        guard let found = entry, found.key.starts(with: prefix) else { return nil }
        return Array(found.value)
    }

    /// A projection's checkpoint: the sequence it has folded through, the hash of that event,
    /// and its saved bytes.
    public func checkpoint(named name: String) throws -> (sequence: UInt64, hash: EventHash, state: [UInt8])? {
        checkOpen()
        return try txn.withValue(dbs.checkpoints, key: Array(name.utf8)) { bytes in
            var r = ByteReader(bytes)
            do {
                let sequence = try r.u64("sequence")
                let hash = EventHash(bytes: try r.raw(32, "hash"))
                return (sequence, hash, Array(try r.raw(r.remaining, "state")))
            } catch {
                throw damaged("checkpoint \(name) is shorter than its header")
            }
        }
    }

    func decode(_ stored: UnsafeRawBufferPointer, at sequence: UInt64) throws -> Envelope {
        do {
            let envelope = try Envelope(stored: stored)
            guard envelope.sequence == sequence else {
                throw Envelope.DecodingError(detail: "it says it is event \(envelope.sequence)")
            }
            return envelope
        } catch let error as Envelope.DecodingError {
            throw damaged("event \(sequence) cannot be read: \(error.detail)")
        }
    }

    func decodeHeader(_ stored: UnsafeRawBufferPointer, at sequence: UInt64) throws -> EnvelopeHeader {
        do {
            return try EnvelopeHeader(stored: stored)
        } catch let error as Envelope.DecodingError {
            throw damaged("event \(sequence) cannot be read: \(error.detail)")
        }
    }
}
