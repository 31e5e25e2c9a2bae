/// A command's idempotency key and the digest of its content (DESIGN.md, "Idempotency").
///
/// A retry with the same key and content gets the first result back and appends nothing; the
/// same key with other content is refused.
public struct IdempotencyClaim: Sendable {
    public static let keyBytesMax = 200

    public let key: String
    public let digest: EventHash

    /// - Parameter content: the command's explicit fields and the defaults resolved for it, in a
    ///   canonical encoding chosen by the caller.
    public init(key: String, content: [UInt8]) {
        self.key = key
        digest = SHA256Hasher.hash(content)
    }
}

/// The write transaction of one command: it reads like a ``LedgerReader`` (seeing its own
/// appends) and appends events, which the store's ``DecisionStateReducer`` folds into the
/// decision state in the same transaction. Reachable only inside `store.write { writer in … }`.
public final class LedgerWriter: LedgerReader {
    private let recordedBy: String
    private let clock: any LedgerClock
    let reducer: any DecisionStateReducer
    /// False for a bare log (``NoDecisionState``): no envelope is built for the reducer.
    let keepsState: Bool
    private let claim: IdempotencyClaim?
    /// Sequences appended so far by this transaction: one run, for every append of a write
    /// takes the next sequence of the log.
    public var appended: [UInt64] { appended(after: 0) }
    /// How many events this transaction has appended so far.
    /// - Complexity: O(1), so that a write deciding many commands can note it before each one.
    public var appendedCount: Int { appendedRun?.count ?? 0 }
    /// The sequences this transaction appended after its first `count`: what the appends since
    /// ``appendedCount`` was `count` added.
    /// - Complexity: O(k) for the k sequences returned.
    public func appended(after count: Int) -> [UInt64] {
        guard let run = appendedRun, count < run.count else { return [] }
        return Array(run.lowerBound + UInt64(count)...run.upperBound)
    }
    private var appendedRun: ClosedRange<UInt64>?
    /// Set when LMDB reported a full map, even if a caller swallowed the error: the store grows
    /// the map and decides again.
    private(set) var sawMapFull = false

    private var previous: LedgerHead?
    private var previousLoaded = false
    private var recordedAt: LedgerInstant?
    /// Whether this write has checked the decision state's version (``requireCurrentDecisionState()``).
    var stateVersionChecked = false
    /// The cursor `append` reads a stream's head through and then rewrites it in place: one
    /// search of the stream heads per call, not two. Opened on first use, closed with the writer.
    private var headsCursor: LMDBCursor?
    lazy var state = StoredDecisionState(writer: self)
    /// The environment the write is on, for snapshots read alongside it.
    let environment: LMDBEnvironment

    init(
        txn: LMDBTransaction, environment: LMDBEnvironment, dbs: LedgerDatabases, path: String, recordedBy: String,
        clock: any LedgerClock, reducer: any DecisionStateReducer, claim: IdempotencyClaim?
    ) {
        self.environment = environment
        self.recordedBy = recordedBy
        self.clock = clock
        self.reducer = reducer
        keepsState = !(reducer is NoDecisionState)
        self.claim = claim
        super.init(txn: txn, dbs: dbs, path: path)
    }

    /// Appends `events` to `streamId`, in order, if the stream is at `expectedVersion`.
    ///
    /// All events of one write share one `recordedAt`: the clock's time, or the previous event's
    /// if the clock is behind it.
    /// - Returns: the sequences of the appended events.
    /// - Complexity: O(log n) for the stream's head, then O(1) amortised per event: the event and
    ///   its stream link are appended at the end of their databases.
    @discardableResult
    public func append(
        to streamId: String, expectedVersion: ExpectedVersion = .any, _ events: [NewEvent]
    ) throws -> [UInt64] {
        try appendRun(to: streamId, expectedVersion: expectedVersion, count: events.count) { body in
            for i in events.indices { try body(events[i]) }
        }.map(Array.init) ?? []
    }

    /// Appends one event to `streamId` if the stream is at `expectedVersion`, as
    /// ``append(to:expectedVersion:_:)-([NewEvent])`` does, without an array on either side.
    /// - Returns: the event's sequence.
    @discardableResult
    public func append(to streamId: String, expectedVersion: ExpectedVersion = .any, _ event: NewEvent) throws -> UInt64 {
        try appendRun(to: streamId, expectedVersion: expectedVersion, count: 1) { body in try body(event) }!.upperBound
    }

    /// Appends the `count` events that `forEachEvent` hands its body in order; returns their
    /// sequences, nil when there are none. Each event is lent, never copied: a copy of a
    /// `NewEvent` retains and releases its strings and payload, for every event appended.
    private func appendRun(
        to streamId: String, expectedVersion: ExpectedVersion, count: Int,
        _ forEachEvent: ((borrowing NewEvent) throws -> Void) throws -> Void
    ) throws -> ClosedRange<UInt64>? {
        checkOpen()
        try requireCurrentDecisionState()
        try Self.validate(streamId: streamId)
        // The transaction sees its own writes, so the stored head is current: no cache is needed.
        // The stream id's UTF-8 is the head's key, used where the string keeps it: `withUTF8`
        // needs a var, and copies only a string not stored as UTF-8.
        var headKey = streamId
        let heads = try streamHeads()
        let stream = try headKey.withUTF8 { try heads.seek(exactly: UnsafeRawBufferPointer($0)) }.map {
            try streamHead(stored: $0.value, of: streamId)
        }
        let current = stream?.version ?? 0
        switch expectedVersion {
        case .any: break
        case .noStream where current == 0: break
        case let .exactly(v) where v == current: break
        default:
            throw LedgerError.wrongExpectedVersion(streamId: streamId, expected: expectedVersion, current: current)
        }
        // All are checked before any is put, so a refused event leaves no part of the call behind.
        try forEachEvent { try Self.validate($0) }
        let head = try loadPrevious()
        var previous = head
        var version = current
        var previousInStream = stream?.lastSequence ?? 0
        if previousInStream > head?.sequence ?? 0 || current > previousInStream {
            throw damaged(
                "the stream head of \(streamId) says version \(current) at event \(previousInStream), which a log of "
                    + "\(head?.sequence ?? 0) events cannot hold")
        }
        let at = recordedAtOfThisWrite(after: head)
        try forEachEvent { event in
            let sequence = (previous?.sequence ?? 0) + 1
            version += 1
            let hash = try appendEvent(
                event, sequence, streamId: streamId, version: version, recordedAt: at,
                after: previous?.hash ?? .zero, linkedTo: previousInStream)
            if keepsState { try fold(event, sequence, streamId: streamId, version: version, recordedAt: at, hash: hash) }
            previous = LedgerHead(sequence: sequence, hash: hash, recordedAt: at)
            previousInStream = sequence
        }
        self.previous = previous
        guard let last = previous?.sequence, version > current else { return nil }
        let newHead = StreamHead(version: version, lastSequence: previousInStream)
        // Nothing has written the stream heads since the seek, so the cursor is still on this
        // stream's head, if it had one.
        try lmdb {
            try headKey.withUTF8 { key in
                try newHead.withEncoded {
                    try heads.put(key: UnsafeRawBufferPointer(key), value: $0, replacingCurrent: stream != nil)
                }
            }
        }
        let run = (last - UInt64(count) + 1)...last
        appendedRun = (appendedRun?.lowerBound ?? run.lowerBound)...last
        return run
    }

    /// Puts `event` as event `sequence`, encoded straight into the memory LMDB reserves for it,
    /// and returns its hash, `h(sequence)` after `previous`; then puts its stream link to the
    /// stream's previous event (0 for none). Both keys go past the last, so both puts append. The
    /// keys and the link are on the stack: this runs for every event appended.
    private func appendEvent(
        _ event: borrowing NewEvent, _ sequence: UInt64, streamId: String, version: UInt64, recordedAt: LedgerInstant,
        after previous: EventHash, linkedTo previousInStream: UInt64
    ) throws -> EventHash {
        let storedBytes = Envelope.storedByteCount(
            streamId: streamId, recordedBy: recordedBy, idempotencyKey: claim?.key, commandDigest: claim?.digest, event: event)
        var hash = EventHash.zero
        let (logged, linked) = try lmdb {
            try withUnsafeBytes(of: sequence.bigEndian) { key in
                try withUnsafeBytes(of: previousInStream.bigEndian) { link in
                    let logged = try txn.put(dbs.events, key: key, reserving: storedBytes, mode: .append) { stored in
                        hash = Envelope.encodeStored(
                            sequence: sequence, streamId: streamId, streamVersion: version, recordedAt: recordedAt,
                            recordedBy: recordedBy, idempotencyKey: claim?.key, commandDigest: claim?.digest, event: event,
                            previous: previous, into: stored)
                    }
                    return (logged, try txn.put(dbs.streamLinks, key: key, value: link, mode: .append))
                }
            }
        }
        guard logged else { throw damaged("the events database already holds a key at or past event \(sequence), the next one") }
        guard linked else { throw damaged("the stream links already reach event \(sequence), which the log does not hold") }
        return hash
    }

    /// Has the reducer fold the envelope of `event`, appended as `sequence`.
    private func fold(
        _ event: borrowing NewEvent, _ sequence: UInt64, streamId: String, version: UInt64, recordedAt: LedgerInstant, hash: EventHash
    ) throws {
        let envelope = Envelope(
            sequence: sequence, streamId: streamId, streamVersion: version, eventType: event.eventType,
            schemaVersion: event.schemaVersion, recordedAt: recordedAt, recordedBy: recordedBy,
            effectiveDate: event.effectiveDate, actor: event.actor, correlationId: event.correlationId.nonEmpty,
            causationId: event.causationId.nonEmpty, idempotencyKey: claim?.key, commandDigest: claim?.digest,
            payload: event.payload, hash: hash)
        try reducer.apply(envelope, to: state)
    }

    private func streamHeads() throws -> LMDBCursor {
        if let headsCursor { return headsCursor }
        let cursor = try LMDBCursor(txn, dbs.streams)
        headsCursor = cursor
        return cursor
    }

    override func close() {
        headsCursor?.close()
        super.close()
    }

    override func willReadDecisionState() throws { try requireCurrentDecisionState() }

    /// Saves a projection's checkpoint: it has folded events through `sequence`.
    public func setCheckpoint(named name: String, sequence: UInt64, state: [UInt8]) throws {
        checkOpen()
        guard let hash = try event(at: sequence)?.hash ?? (sequence == 0 ? EventHash.zero : nil) else {
            throw LedgerError.invalidEvent(field: "checkpoint", detail: "sequence \(sequence) is past the head")
        }
        var w = ByteWriter(capacity: 40 + state.count)
        w.u64(sequence)
        hash.withUnsafeBytes { w.raw($0) }
        w.raw(state)
        try lmdb { try txn.put(dbs.checkpoints, key: Array(name.utf8), value: w.bytes, mode: .upsert) }
    }

    /// Writes the head and the idempotency record; called once, before commit.
    func finish() throws {
        guard let head = previous, let run = appendedRun else { return }
        try lmdb {
            try txn.put(dbs.meta, key: LedgerDatabases.MetaKey.head, value: head.encoded, mode: .upsert)
            if let claim {
                var w = ByteWriter(capacity: 48)
                w.u64(run.lowerBound)
                w.u64(run.upperBound)
                claim.digest.withUnsafeBytes { w.raw($0) }
                try txn.put(dbs.idempotency, key: Array(claim.key.utf8), value: w.bytes, mode: .insert)
            }
        }
    }

    /// Runs LMDB calls, noting a full map and naming corruption.
    @discardableResult
    func lmdb<R>(_ body: () throws -> R) throws -> R {
        do {
            return try body()
        } catch let error as LMDBError {
            if error.isMapFull { sawMapFull = true; throw error }
            if error.isCorruption { throw damaged(error.description) }
            throw LedgerError.storage(detail: error.description)
        }
    }

    private func loadPrevious() throws -> LedgerHead? {
        if !previousLoaded {
            previous = try head()
            previousLoaded = true
        }
        return previous
    }

    private func recordedAtOfThisWrite(after head: LedgerHead?) -> LedgerInstant {
        if let recordedAt { return recordedAt }
        let now = clock.now()
        let at = max(now, head?.recordedAt ?? now)
        recordedAt = at
        return at
    }

    static func validate(streamId: String) throws {
        let utf8 = streamId.utf8
        guard !utf8.isEmpty, utf8.count <= LedgerDatabases.streamIdBytesMax, !containsControl(streamId)
        else {
            throw LedgerError.invalidEvent(
                field: "stream id",
                detail: "'\(streamId)' must be 1 to \(LedgerDatabases.streamIdBytesMax) bytes with no control characters")
        }
    }

    static func validate(_ event: borrowing NewEvent) throws {
        // Field by field, not through an array of them: this runs for every event appended.
        try validate(field: "event type", event.eventType)
        try validate(field: "actor id", event.actor.id)
        try validate(field: "actor role", event.actor.role)
        if let id = event.correlationId { try validate(field: "correlation id", id) }
        if let id = event.causationId { try validate(field: "causation id", id) }
        if event.eventType.isEmpty {
            throw LedgerError.invalidEvent(field: "event type", detail: "is empty; every event needs a type")
        }
        if event.payload.count > Envelope.payloadBytesMax {
            throw LedgerError.invalidEvent(
                field: "payload", detail: "is \(event.payload.count) bytes; at most \(Envelope.payloadBytesMax) are accepted")
        }
    }
}

extension LedgerWriter {
    /// An envelope string: at most ``Envelope/stringBytesMax`` bytes, no control characters.
    private static func validate(field: String, _ value: String) throws {
        let utf8 = value.utf8
        if utf8.count > Envelope.stringBytesMax {
            throw LedgerError.invalidEvent(field: field, detail: "is \(utf8.count) bytes; at most \(Envelope.stringBytesMax) are accepted")
        }
        if containsControl(value) {
            throw LedgerError.invalidEvent(field: field, detail: "'\(value.debugDescription)' holds a control character such as a line break; none are accepted")
        }
    }
}

extension Optional where Wrapped == String {
    /// An empty id is stored as no id (docs/event-format.md): the reducer sees the envelope as it reads back.
    var nonEmpty: String? { flatMap { $0.isEmpty ? nil : $0 } }
}

/// A control character: envelope strings are printed one event per line, so none may hold one.
func isControl(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x7f }

/// Whether `string` holds a control character: over its contiguous UTF-8 where it has it (a
/// native string), eight bytes at a time, which is several times faster than through the UTF-8
/// view's iterator.
func containsControl(_ string: String) -> Bool {
    string.utf8.withContiguousStorageIfAvailable { containsControl(UnsafeRawBufferPointer($0)) }
        ?? string.utf8.contains(where: isControl)
}

/// Eight bytes at a time, with the exact word tests for "some byte is less than n" and "some
/// byte is zero" (Bit Twiddling Hacks, `hasless` and `haszero`): a word has a byte below 0x20
/// when `(w − 0x2020…20) & ~w & 0x8080…80` is not zero, and a byte 0x7f when the same test with
/// n = 1 holds for `w ^ 0x7f7f…7f`. The few bytes past the last whole word are tested as one
/// more word.
private func containsControl(_ bytes: UnsafeRawBufferPointer) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highBits = ones &* 0x80
    func holdsControl(_ word: UInt64) -> Bool {
        let delete = word ^ (ones &* 0x7f)
        return ((word &- ones &* 0x20) & ~word | (delete &- ones) & ~delete) & highBits != 0
    }
    var i = 0
    while i + 8 <= bytes.count {
        if holdsControl(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return true }
        i += 8
    }
    guard i < bytes.count else { return false }
    // The last few bytes as one word, padded with spaces, which are no control characters.
    var tail = ones &* 0x20
    withUnsafeMutableBytes(of: &tail) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[i...])) }
    return holdsControl(tail)
}

/// The decision state in the write transaction's `state` database.
final class StoredDecisionState: DecisionStateAccess {
    unowned let writer: LedgerWriter
    static let keyBytesMax = 511  // LMDB's default key size limit

    init(writer: LedgerWriter) { self.writer = writer }

    func value(forKey key: [UInt8]) throws -> [UInt8]? {
        try writer.lmdb { try writer.txn.value(writer.dbs.state, key: key) }
    }

    func setValue(_ value: [UInt8], forKey key: [UInt8]) throws {
        precondition(!key.isEmpty && key.count <= Self.keyBytesMax, "a decision-state key is 1 to 511 bytes, not \(key.count)")
        try writer.lmdb { try writer.txn.put(writer.dbs.state, key: key, value: value, mode: .upsert) }
    }

    func removeValue(forKey key: [UInt8]) throws {
        try writer.lmdb { _ = try writer.txn.delete(writer.dbs.state, key: key) }
    }
}
