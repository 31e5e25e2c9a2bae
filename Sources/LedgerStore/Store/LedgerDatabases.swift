import CLMDB

/// The named databases of a ledger environment (DESIGN.md, "The event log").
struct LedgerDatabases {
    /// u64be sequence → stored envelope (body ‖ hash). Appended in order.
    let events: MDB_dbi
    /// stream id ‖ 0x00 ‖ u64be stream version → u64be sequence.
    let streams: MDB_dbi
    /// idempotency key → u64be first sequence ‖ u64be last sequence ‖ command digest.
    let idempotency: MDB_dbi
    /// decision-state key → value, kept by the ``DecisionStateReducer``.
    let state: MDB_dbi
    /// projection name → u64be sequence ‖ hash at that sequence ‖ projection bytes.
    let checkpoints: MDB_dbi
    /// `format`, `head`, `created`, `domain`.
    let meta: MDB_dbi

    static let names = (
        events: "events", streams: "streams", idempotency: "idempotency", state: "state",
        checkpoints: "checkpoints", meta: "meta"
    )

    init(_ txn: LMDBTransaction, create: Bool) throws {
        events = try txn.openDatabase(Self.names.events, create: create)
        streams = try txn.openDatabase(Self.names.streams, create: create)
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
    }

    static let streamIdBytesMax = 200

    /// The stream-index key of `streamId` at `version`.
    static func streamKey(_ streamId: String, version: UInt64) -> [UInt8] {
        var w = ByteWriter(capacity: streamId.utf8.count + 9)
        w.raw(streamId.utf8)
        w.u8(0)
        w.u64(version)
        return w.bytes
    }

    /// The stream id and version in a stream-index key.
    static func parseStreamKey(_ key: UnsafeRawBufferPointer) -> (streamId: UnsafeRawBufferPointer, version: UInt64)? {
        guard key.count >= 10, key[key.count - 9] == 0 else { return nil }
        return (
            UnsafeRawBufferPointer(rebasing: key[..<(key.count - 9)]),
            readBigEndianU64(UnsafeRawBufferPointer(rebasing: key[(key.count - 8)...]))
        )
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
