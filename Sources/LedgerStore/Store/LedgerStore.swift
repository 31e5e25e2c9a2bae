import Foundation

/// The ledger's event log on LMDB: append-only, hash-chained, bitemporal (DESIGN.md, "The event log").
///
/// One instance per process and thread: reads and writes are synchronous closures, and a write
/// transaction begins and commits on the calling thread (LMDB-NOTES pitfall 2). Several
/// processes may open the same ledger; LMDB lets one of them write at a time.
public final class LedgerStore {
    /// How a store is opened.
    public struct Options: Sendable {
        /// Where `recordedAt` comes from.
        public var clock: any LedgerClock = SystemClock()
        /// Keeps the decision state from the events appended.
        public var reducer: any DecisionStateReducer = NoDecisionState()
        /// Who runs the program: the envelope's `recordedBy`.
        public var recordedBy: String = OperatingSystemUser.current()
        /// The map is reserved address space, not disk: it starts large and doubles when full.
        public var mapSizeBytesInitial = 1 << 30
        /// No write can begin; the files are not changed.
        public var readOnly = false
        /// Commits are not flushed to disk until ``flush()``: for explicit bulk loads only, which
        /// must say so. A crash can lose the last commits (never part of one).
        public var bulk = false
        /// The domain whose events the ledger holds (`commissioning`), recorded when it is
        /// created; nil for a bare log. Opening a ledger of another domain is refused.
        public var domain: String?

        public init() {}
    }

    /// The ledger's storage layout (meta `format`) this build writes, and the only one it reads:
    /// 2, with stream heads and stream links (docs/event-format.md). Layout 1 was written only by
    /// development builds. The envelope has its own format byte, ``Envelope/formatVersion``.
    public static let formatVersionSupported: UInt32 = 2
    /// The map never grows past this.
    public static let mapSizeBytesMax = 1 << 40

    public let path: String
    let options: Options
    let environment: LMDBEnvironment
    let dbs: LedgerDatabases
    private var readsOpen = 0
    private var writeOpen = false

    /// Transactions this store has open now; zero whenever no closure of it is running.
    public var openTransactionCount: Int { readsOpen + (writeOpen ? 1 : 0) }

    var dataFilePath: String { path + "/data.mdb" }

    /// Creates a new, empty ledger in the directory `path` (created if missing).
    public static func create(at path: String, options: Options = Options()) throws -> LedgerStore {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw LedgerError.notALedger(path: path, detail: "it is a file, and a ledger is a directory")
            }
            if FileManager.default.fileExists(atPath: path + "/data.mdb") {
                throw LedgerError.alreadyALedger(path: path)
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw LedgerError.storage(detail: "cannot create the directory \(path): \(error.localizedDescription)")
            }
        }
        try createStaged(in: path, options: options)
        return try LedgerStore(path: path, options: options)
    }

    /// Writes the new ledger in a staging directory inside `path` and links its `data.mdb` into
    /// `path` only when it is whole, so that a creation killed at any moment leaves no ledger
    /// rather than a half-made one, and two creations at once make one ledger, not two.
    private static func createStaged(in path: String, options: Options) throws {
        removeAbandonedStagings(in: path)
        let staging = path + "/" + stagingPrefix + String(getpid())
        try? FileManager.default.removeItem(atPath: staging)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw LedgerError.storage(detail: "cannot create the directory \(staging): \(error.localizedDescription)")
        }
        do {
            let store = try LedgerStore(path: staging, options: options, creating: true)
            try store.initialize()
            try store.flush()
        }
        guard link(staging + "/data.mdb", path + "/data.mdb") == 0 else {
            if errno == EEXIST { throw LedgerError.alreadyALedger(path: path) }
            throw LedgerError.storage(detail: "cannot link \(path)/data.mdb: \(String(cString: strerror(errno)))")
        }
        let directory = open(path, O_RDONLY | O_DIRECTORY)
        if directory >= 0 {
            _ = fsync(directory)  // the new name is durable before the ledger is reported made
            close(directory)
        }
    }

    /// The name of a staging directory, followed by the id of the process that made it.
    private static let stagingPrefix = ".creating-"

    /// Removes the staging directories in `path` of creations whose process no longer runs.
    private static func removeAbandonedStagings(in path: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in names where name.hasPrefix(stagingPrefix) {
            guard let pid = Int32(name.dropFirst(stagingPrefix.count)), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: path + "/" + name)
        }
    }

    /// Opens the existing ledger in the directory `path`.
    public convenience init(path: String, options: Options = Options()) throws {
        try self.init(path: path, options: options, creating: false)
    }

    /// - Parameter upgrading: opens a ledger of an older layout too, creating the databases it
    ///   lacks (for ``upgrade(at:options:)`` only).
    init(path: String, options: Options, creating: Bool, upgrading: Bool = false) throws {
        self.path = path
        self.options = options
        if !creating { try Self.checkIsLedger(path) }
        do {
            environment = try Self.openEnvironment(path, options, readOnly: options.readOnly && !creating)
            // The databases of an existing ledger are opened in a read: a write would wait for
            // the ledger's write lock, so every command, report and `info` would wait for any
            // long write of another process (an import, a rebuild's batch) before it began.
            // LMDB keeps the handles of a read that commits.
            let txn = try Self.beginTransaction(environment, readOnly: !(creating || upgrading), mayAdoptMapSize: true)
            do {
                dbs = try LedgerDatabases(txn, create: creating || upgrading)
            } catch let error as LMDBError where error.isNotFound {
                // A ledger of layout 1 has no stream-links database.
                if let format = Self.storedFormat(txn), format < Self.formatVersionSupported {
                    throw LedgerError.olderFormat(path: path, found: format, supported: Self.formatVersionSupported)
                }
                throw Self.missingDatabases(txn, path: path)
            }
            try txn.commit()
        } catch let error as LMDBError {
            throw Self.mapped(error, path: path)
        }
        if !creating { try checkFormat(allowingOlder: upgrading) }
    }

    /// Opens the LMDB environment; a ledger the user may not write, not even its lock file (an
    /// auditor's copy on read-only media), is opened read-only without LMDB's lock, as LMDB
    /// allows for read-only media: nobody may write that copy meanwhile.
    private static func openEnvironment(_ path: String, _ options: Options, readOnly: Bool) throws -> LMDBEnvironment {
        do {
            return try LMDBEnvironment(path: path, mapSizeBytes: options.mapSizeBytesInitial, readOnly: readOnly, bulk: options.bulk)
        } catch let error as LMDBError where readOnly && error.code == EACCES {
            return try LMDBEnvironment(
                path: path, mapSizeBytes: options.mapSizeBytesInitial, readOnly: true, bulk: options.bulk, withoutLock: true)
        }
    }

    /// The format version in the `meta` database, read before the other databases are opened;
    /// nil when there is none to read.
    private static func storedFormat(_ txn: LMDBTransaction) -> UInt32? {
        guard let meta = try? txn.openDatabase(LedgerDatabases.names.meta, create: false),
            let value = try? txn.value(meta, key: LedgerDatabases.MetaKey.format), value.count == 4
        else { return nil }
        return value.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Why the ledger's databases cannot be found: an LMDB environment of another program (its
    /// main database names other databases), or a ledger whose page naming them is garbled.
    private static func missingDatabases(_ txn: LMDBTransaction, path: String) -> LedgerError {
        let names = try? LMDBCursor(txn, 1).allKeys()
        guard let names, names.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 >= 0x20 && $0 < 0x7f } }) else {
            return .damaged(path: path, detail: "the page of data.mdb that names the ledger's databases is garbled")
        }
        let listed = names.isEmpty ? "none" : names.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ", ")
        return .notALedger(path: path, detail: "an LMDB environment without the ledger's databases (it has: \(listed))")
    }

    private static func checkIsLedger(_ path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LedgerError.notALedger(path: path, detail: "no such directory")
        }
        guard isDirectory.boolValue else {
            throw LedgerError.notALedger(path: path, detail: "it is a file, and a ledger is a directory")
        }
        guard FileManager.default.fileExists(atPath: path + "/data.mdb") else {
            throw LedgerError.notALedger(path: path, detail: "no data.mdb in it")
        }
        try DataFileCheck.check(path: path + "/data.mdb")
    }

    private func initialize() throws {
        _ = try write { writer in
            try writer.recordFormatVersion()
            if writer.keepsState { try writer.recordDecisionStateVersion() }
            var created = ByteWriter(capacity: 8)
            created.i64(options.clock.now().microsecondsSinceEpoch)
            try writer.lmdb {
                try writer.txn.put(dbs.meta, key: LedgerDatabases.MetaKey.created, value: created.bytes, mode: .upsert)
                if let domain = options.domain {
                    try writer.txn.put(dbs.meta, key: LedgerDatabases.MetaKey.domain, value: Array(domain.utf8), mode: .upsert)
                }
            }
        }
    }

    private func checkFormat(allowingOlder: Bool) throws {
        let (format, domain) = try read { (try $0.formatVersion(), try $0.domain()) }
        if format > Self.formatVersionSupported {
            throw LedgerError.newerFormat(path: path, found: format, supported: Self.formatVersionSupported)
        }
        if format < Self.formatVersionSupported && !allowingOlder {
            throw LedgerError.olderFormat(path: path, found: format, supported: Self.formatVersionSupported)
        }
        if let wanted = options.domain, domain != wanted {
            throw LedgerError.wrongDomain(path: path, found: domain, wanted: wanted)
        }
    }

    /// The domain recorded in the ledger at `path` (nil for a bare log), read without keeping
    /// it open: what a program needs to choose the reducer it opens the ledger with.
    public static func domain(at path: String) throws -> String? {
        var options = Options()
        options.readOnly = true
        return try LedgerStore(path: path, options: options).read { try $0.domain() }
    }

    /// Runs `body` on a consistent snapshot of the ledger.
    /// - Complexity: O(1) to begin; readers never wait for the writer.
    public func read<T>(_ body: (LedgerReader) throws -> T) throws -> T {
        precondition(!writeOpen, "a read cannot begin inside a write of the same store: read through the writer")
        let txn = try beginTransaction(readOnly: true)
        readsOpen += 1
        let reader = LedgerReader(txn: txn, dbs: dbs, path: path)
        defer {
            reader.close()
            txn.abort()
            readsOpen -= 1
        }
        do {
            return try body(reader)
        } catch let error as LMDBError {
            throw Self.mapped(error, path: path)
        }
    }

    /// What a write did: committed new events, or replayed an idempotent retry.
    public enum WriteOutcome<Value> {
        case committed(Value, sequences: [UInt64])
        /// A retry of a command already recorded with the same idempotency key and content:
        /// nothing was appended; these are the sequences the first attempt appended.
        case replayed(sequences: [UInt64])

        public var sequences: [UInt64] {
            switch self {
            case let .committed(_, sequences), let .replayed(sequences): return sequences
            }
        }

        public var value: Value? {
            if case let .committed(value, _) = self { return value }
            return nil
        }

        public var wasReplayed: Bool {
            if case .replayed = self { return true }
            return false
        }
    }

    /// Decides and appends in one LMDB write transaction, durably committed before it returns
    /// (unless the store is in bulk mode).
    ///
    /// `decide` reads the state it needs through the writer and appends events, or throws to
    /// append nothing. It may run more than once (after the map grows), so it must not have
    /// effects outside the writer.
    /// - Parameter claim: an idempotency key with the command's content digest.
    @discardableResult
    public func write<T>(
        idempotency claim: IdempotencyClaim? = nil, _ decide: (LedgerWriter) throws -> T
    ) throws -> WriteOutcome<T> {
        precondition(readsOpen == 0 && !writeOpen, "a write cannot begin inside another read or write of the same store")
        if options.readOnly { throw LedgerError.readOnly(path: path) }
        if let claim { try Self.validate(claim) }
        writeOpen = true
        defer { writeOpen = false }
        while true {
            let txn = try beginTransaction(readOnly: false)
            if let claim, let prior = try idempotencyRecord(txn, key: claim.key) {
                txn.abort()
                guard prior.digest == claim.digest else {
                    throw LedgerError.idempotencyKeyReused(key: claim.key, firstSequence: prior.first, lastSequence: prior.last)
                }
                return .replayed(sequences: Array(prior.first...prior.last))
            }
            let writer = LedgerWriter(
                txn: txn, environment: environment, dbs: dbs, path: path, recordedBy: options.recordedBy, clock: options.clock,
                reducer: options.reducer, claim: claim)
            do {
                let value = try decide(writer)
                try writer.finish()
                writer.close()
                try txn.commit()
                return .committed(value, sequences: writer.appended)
            } catch {
                writer.close()
                txn.abort()
                if writer.sawMapFull || (error as? LMDBError)?.isMapFull == true {
                    try growMap()
                    continue
                }
                if let error = error as? LMDBError { throw Self.mapped(error, path: path) }
                throw error
            }
        }
    }

    /// Flushes commits made in bulk mode to disk.
    public func flush() throws {
        do { try environment.sync() } catch let error as LMDBError { throw Self.mapped(error, path: path) }
    }

    /// Whether every commit is flushed to disk before it returns.
    public var isDurable: Bool { environment.isDurable() }

    /// The size of `data.mdb` in bytes.
    public func dataFileBytes() -> Int {
        let attributes = try? FileManager.default.attributesOfItem(atPath: dataFilePath)
        return (attributes?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// The current map size in bytes.
    public var mapSizeBytes: Int { environment.mapSizeBytes }

    private func beginTransaction(readOnly: Bool) throws -> LMDBTransaction {
        do {
            return try Self.beginTransaction(environment, readOnly: readOnly, mayAdoptMapSize: readsOpen == 0)
        } catch let error as LMDBError {
            throw Self.mapped(error, path: path)
        }
    }

    /// Begins a transaction; when another process has grown the map (`MDB_MAP_RESIZED`), adopts
    /// its size and begins again, which LMDB allows only while the process has no transaction open.
    private static func beginTransaction(
        _ environment: LMDBEnvironment, readOnly: Bool, mayAdoptMapSize: Bool
    ) throws -> LMDBTransaction {
        while true {
            do {
                return try LMDBTransaction(environment: environment, readOnly: readOnly)
            } catch let error as LMDBError where error.isMapResized && mayAdoptMapSize {
                try environment.adoptMapSize()
            }
        }
    }

    private func growMap() throws {
        let current = environment.mapSizeBytes
        guard current < Self.mapSizeBytesMax else {
            throw LedgerError.storage(detail: "the ledger's map reached its limit of \(Self.mapSizeBytesMax) bytes")
        }
        do {
            try environment.setMapSize(min(current * 2, Self.mapSizeBytesMax))
        } catch let error as LMDBError {
            throw Self.mapped(error, path: path)
        }
    }

    private func idempotencyRecord(_ txn: LMDBTransaction, key: String) throws -> (first: UInt64, last: UInt64, digest: EventHash)? {
        do {
            return try txn.withValue(dbs.idempotency, key: Array(key.utf8)) { bytes in
                guard bytes.count == 48 else {
                    throw LedgerError.damaged(path: path, detail: "the idempotency record of '\(key)' is \(bytes.count) bytes, not 48")
                }
                return (
                    readBigEndianU64(bytes), readBigEndianU64(UnsafeRawBufferPointer(rebasing: bytes[8..<16])),
                    EventHash(bytes: UnsafeRawBufferPointer(rebasing: bytes[16..<48]))
                )
            }
        } catch let error as LMDBError {
            throw Self.mapped(error, path: path)
        }
    }

    private static func validate(_ claim: IdempotencyClaim) throws {
        let count = claim.key.utf8.count
        guard count > 0, count <= IdempotencyClaim.keyBytesMax, !claim.key.utf8.contains(where: isControl) else {
            throw LedgerError.invalidEvent(
                field: "idempotency key", detail: "is \(count) bytes; 1 to \(IdempotencyClaim.keyBytesMax) without control characters are accepted")
        }
    }

    static func mapped(_ error: LMDBError, path: String) -> LedgerError {
        if error.isCorruption { return .damaged(path: path, detail: error.description) }
        return .storage(detail: error.description)
    }
}
