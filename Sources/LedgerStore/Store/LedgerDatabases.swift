import CLMDB

/// The named databases of a ledger environment (DESIGN.md, "The event log").
struct LedgerDatabases {
    /// u64be sequence → stored envelope (body ‖ hash). Appended in order.
    let events: MDB_dbi
    /// The stream heads: stream id → u64be current stream version ‖ u64be sequence of its last event.
    let streams: MDB_dbi
    /// u64be sequence → u64be sequence of the previous event of the same stream (0 for the first).
    /// Appended in order.
    let streamLinks: MDB_dbi
    /// idempotency key → u64be first sequence ‖ u64be last sequence ‖ command digest.
    let idempotency: MDB_dbi
    /// decision-state key → value, kept by the ``DecisionStateReducer``.
    let state: MDB_dbi
    /// projection name → u64be sequence ‖ hash at that sequence ‖ projection bytes.
    let checkpoints: MDB_dbi
    /// `format`, `head`, `created`, `domain`, `state-version`.
    let meta: MDB_dbi

    static let names = (
        events: "events", streams: "streams", streamLinks: "stream-links", idempotency: "idempotency", state: "state",
        checkpoints: "checkpoints", meta: "meta"
    )

    init(_ txn: LMDBTransaction, create: Bool) throws {
        events = try txn.openDatabase(Self.names.events, create: create)
        streams = try txn.openDatabase(Self.names.streams, create: create)
        streamLinks = try txn.openDatabase(Self.names.streamLinks, create: create)
        idempotency = try txn.openDatabase(Self.names.idempotency, create: create)
        state = try txn.openDatabase(Self.names.state, create: create)
        checkpoints = try txn.openDatabase(Self.names.checkpoints, create: create)
        meta = try txn.openDatabase(Self.names.meta, create: create)
    }

    enum MetaKey {
        static let format = Array("format".utf8)
        static let head = Array("head".utf8)
        static let created = Array("created".utf8)
        static let domain = Array("domain".utf8)
        static let stateVersion = Array("state-version".utf8)
    }

    static let streamIdBytesMax = 200
}

/// A stream's entry in the stream heads (`streams`): its version and the sequence of its last event.
struct StreamHead {
    var version: UInt64
    var lastSequence: UInt64

    static let encodedBytes = 16

    /// Calls `body` with the 16 stored bytes, kept on the stack.
    func withEncoded<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(of: (version.bigEndian, lastSequence.bigEndian)) { try body($0) }
    }

    init(version: UInt64, lastSequence: UInt64) {
        self.version = version
        self.lastSequence = lastSequence
    }

    /// Nil unless `encoded` is 16 bytes.
    init?(encoded: UnsafeRawBufferPointer) {
        guard encoded.count == Self.encodedBytes else { return nil }
        version = readBigEndianU64(encoded)
        lastSequence = readBigEndianU64(UnsafeRawBufferPointer(rebasing: encoded[8...]))
    }
}

/// The last event of the log: what an auditor writes down and later checks with `verify --expect`.
public struct LedgerHead: Hashable, Sendable, CustomStringConvertible {
    public var sequence: UInt64
    public var hash: EventHash
    public var recordedAt: LedgerInstant

    /// `SEQ:HASH`, the form `verify --expect` takes.
    public var description: String { "\(sequence):\(hash)" }

    var encoded: [UInt8] {
        var w = ByteWriter(capacity: 48)
        w.u64(sequence)
        hash.withUnsafeBytes { w.raw($0) }
        w.i64(recordedAt.microsecondsSinceEpoch)
        return w.bytes
    }

    public init(sequence: UInt64, hash: EventHash, recordedAt: LedgerInstant) {
        self.sequence = sequence
        self.hash = hash
        self.recordedAt = recordedAt
    }

    init?(encoded: UnsafeRawBufferPointer) {
        guard encoded.count == 48 else { return nil }
        var r = ByteReader(encoded)
        guard let seq = try? r.u64("sequence"), let hash = try? r.raw(32, "hash"),
            let at = try? r.i64("recordedAt")
        else { return nil }
        self.init(sequence: seq, hash: EventHash(bytes: hash), recordedAt: LedgerInstant(microsecondsSinceEpoch: at))
    }
}
