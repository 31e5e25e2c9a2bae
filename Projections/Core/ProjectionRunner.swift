import Glibc
import LedgerStore
import Synchronization

/// Brings projections up to the ledger's head from their checkpoints, and hands reports rows
/// that are exactly the fold of the events through the snapshot they read.
///
/// A ledger the user may write keeps each projection's rows and checkpoint in it, saved in
/// batches of ``batchEventsMax`` events, each batch with its checkpoint in one write. A ledger
/// opened read-only (an auditor's copy) folds what its checkpoint lacks in memory. A checkpoint
/// that does not match the log (written by another version of the fold, or at an event this log
/// does not hold as it was, as after a restore of an older backup) is never read: the projection
/// is rebuilt from sequence 1, and the ``CatchUp`` says why.
public struct ProjectionRunner {
    public let store: LedgerStore
    /// Events folded per write when a catch-up is saved (``batchEventsDefault`` unless set).
    public var batchEventsMax = batchEventsDefault
    /// Each write rewrites the rows its events touched and flushes them, and holds the ledger's
    /// write lock (a command waits for it): at 25,000 a rebuild of 916,172 events took ~7% less
    /// time than at 10,000 and ~30 MiB more memory, and holds the lock for about a quarter of a
    /// second at a time.
    public static let batchEventsDefault = 25_000
    /// Rows removed per write when a projection's stored rows are removed before a rebuild.
    public var removalRowsMax = 20_000
    /// Events a batch must span before its projections are folded on two threads: some on this
    /// one through the write, the rest on another through a snapshot of the ledger as the write
    /// began (``secondThread(_:)`` says which). Shorter catch-ups are not worth a thread.
    public var concurrentFoldEventsMin = 2_000
    /// How long a catch-up or a removal of many writes waits after each write but the last, so
    /// that a command waiting for the ledger's write lock takes it. LMDB's lock goes to whoever
    /// asks first once it is free: without the pause the runner, asking again at once, took it
    /// back before a waiting command woke, and a command started beside a rebuild of 200 writes
    /// took 808 ms (median; at most 958 ms, most of the rebuild); with it, 101 ms, as alone
    /// (`Tools/bench history`). It costs a rebuild a millisecond a write: 37 ms for the
    /// 916,172-event demo history in writes of 25,000.
    public var pauseBetweenWrites: Duration = .milliseconds(1)

    /// Whether catch-ups are saved in the ledger (it is not open read-only).
    public let saves: Bool

    public init(store: LedgerStore, saves: Bool) {
        self.store = store
        self.saves = saves
    }

    /// What bringing a projection up to date did.
    public struct CatchUp: Sendable, Equatable {
        public var projection: String
        /// Events folded.
        public var folded: UInt64 = 0
        /// Why the stored rows were not used and the projection was rebuilt from sequence 1.
        public var rebuiltBecause: String?
    }

    /// Folds what `projection`'s checkpoint lacks and saves it, or does nothing when the ledger
    /// is read-only (then ``read(_:_:)`` folds in memory).
    /// - Complexity: O(k) for the k events after the checkpoint, O(n) when it is rebuilt.
    @discardableResult
    public func catchUp(_ projection: any Projection.Type) throws -> CatchUp {
        try catchUp([projection])[0]
    }

    /// Folds what each projection's checkpoint lacks, reading each event once for all of them
    /// (and decoding its payload at most once), and saves them batch by batch.
    /// - Returns: what was done for each projection, in the order given.
    @discardableResult
    public func catchUp(_ projections: [any Projection.Type]) throws -> [CatchUp] {
        var results = projections.map { CatchUp(projection: $0.name) }
        guard saves else { return results }
        // Where each checkpoint stands, in one read. Most reports find their projection up to
        // date: then they write nothing, so they neither wait for the write lock nor flush a commit.
        let (head, starts) = try store.read { reader in
            (try reader.head()?.sequence ?? 0, try projections.indices.map { try Self.checkpointStart(projections[$0], reader, noting: &results[$0]) })
        }
        if starts.allSatisfy({ $0 == head }) { return results }
        for (projection, start) in zip(projections, starts) where start == nil { try remove(projection) }
        var finished = false
        // How long each projection's fold of the last batch took: the next batch's split balances them.
        var took: [Duration]?
        // The events after the last batch, read and decoded on its second thread while its rows were saved.
        var ahead: [RecordedEvent] = []
        while !finished {
            // The closure may run again if the map grows: it reports, and the loop counts.
            let batch = try store.write { writer -> (folded: [UInt64], took: [Duration], finished: Bool, ahead: [RecordedEvent]) in
                var starts: [UInt64] = []
                var removedHere = false
                for (index, projection) in projections.enumerated() {
                    if let start = try Self.checkpointStart(projection, writer, noting: &results[index]) {
                        starts.append(start)
                    } else {
                        // Made stale since the read before the first write looked (another process wrote it): removed in this write.
                        try writer.removeProjection(projection.name)
                        starts.append(0)
                        removedHere = true
                    }
                }
                let head = try writer.head()?.sequence ?? 0
                let first = starts.min() ?? head
                // What was read ahead is this batch, when it follows on from the checkpoints.
                let readAhead = ahead.first?.sequence == first + 1 ? ahead : []
                let last = readAhead.last?.sequence ?? min(head, first + UInt64(batchEventsMax))
                let folds = projections.indices.map { Fold(projection: projections[$0], start: starts[$0]) }
                // A snapshot would still hold the rows this write removed.
                let split = !removedHere && projections.count > 1 && last - first >= UInt64(concurrentFoldEventsMin)
                let next = split && last < head ? (last + 1)...min(head, last + UInt64(batchEventsMax)) : nil
                let (done, readNext) = try Self.foldAndSave(
                    folds, writer, from: first + 1, through: last, readAhead: readAhead, onTwoThreads: split, costs: took, readingAhead: next)
                for (index, projection) in projections.enumerated() {
                    try writer.setCheckpoint(named: projection.name, sequence: max(last, starts[index]), state: Self.checkpointState(projection))
                }
                return (done.map(\.folded), done.map(\.took), last == head, readNext)
            }
            guard let done = batch.value else { break }
            for index in results.indices { results[index].folded += done.folded[index] }
            took = done.took
            finished = done.finished
            ahead = done.ahead
            if !finished { giveWayToWaitingWriters() }
        }
        return results
    }

    /// Pauses for ``pauseBetweenWrites`` between two writes of one catch-up or removal.
    private func giveWayToWaitingWriters() {
        let (seconds, attoseconds) = pauseBetweenWrites.components
        usleep(UInt32(seconds * 1_000_000 + attoseconds / 1_000_000_000_000))
    }

    /// Removes each projection's rows and folds the whole log again, once for all of them, saving it.
    @discardableResult
    public func rebuild(_ projections: [any Projection.Type]) throws -> [CatchUp] {
        guard saves else {
            throw LedgerError.readOnly(path: store.path)
        }
        // In one write when they are all the ledger keeps (a rebuild of every projection), else one by one.
        let names = Set(projections.map { $0.name })
        if try store.write({ try $0.removeAllProjections(ifOnly: names) }).value != true {
            for projection in projections { try remove(projection) }
        }
        return try catchUp(projections)
    }

    /// Removes `projection`'s stored rows and checkpoint, ``removalRowsMax`` rows per write. Each
    /// write marks the checkpoint as being removed before it removes rows, so that until the last
    /// one no reader of any version takes the rows left for a model.
    private func remove(_ projection: any Projection.Type) throws {
        var finished = false
        while !finished {
            finished = try store.write { writer -> Bool in
                try writer.setCheckpoint(named: projection.name, sequence: 0, state: Self.removingState)
                return try writer.removeProjection(projection.name, rowsMax: removalRowsMax).finished
            }.value ?? true
            if !finished { giveWayToWaitingWriters() }
        }
    }

    /// A checkpoint's state while its rows are being removed: no version of a fold has it.
    static let removingState: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF]

    /// Removes `projection`'s rows and folds the whole log again, saving it.
    @discardableResult
    public func rebuild(_ projection: any Projection.Type) throws -> CatchUp {
        try rebuild([projection])[0]
    }

    /// Calls `body` with `projection`'s rows folded through the head of one snapshot, and that
    /// snapshot; what the stored rows lack is folded in memory first.
    public func read<R>(
        _ projection: any Projection.Type, _ body: (ProjectionRows, LedgerReader, CatchUp) throws -> R
    ) throws -> R {
        try store.read { reader in
            var result = CatchUp(projection: projection.name)
            let start = try Self.checkpointStart(projection, reader, noting: &result)
            let rows: OverlayRows = start == nil ? MemoryRows() : StoredRows(projection.name, reader: reader)
            result.folded = try Self.fold(projection, reader, from: (start ?? 0) + 1, through: .max, into: rows)
            return try body(rows, reader, result)
        }
    }

    /// Where folding resumes: the checkpoint's sequence (0 when there is none), or nil when the
    /// checkpoint does not match the log, with the reason noted in `result`.
    static func checkpointStart(_ projection: any Projection.Type, _ reader: LedgerReader, noting result: inout CatchUp) throws -> UInt64? {
        guard let checkpoint = try reader.checkpoint(named: projection.name) else { return 0 }
        let state = checkpointState(projection)
        if checkpoint.state == removingState {
            result.rebuiltBecause = result.rebuiltBecause ?? "the removal of its rows before a rebuild was interrupted"
            return nil
        }
        if checkpoint.state != state {
            result.rebuiltBecause = "its checkpoint was written by another version of the projection"
            return nil
        }
        let head = try reader.head()?.sequence ?? 0
        if checkpoint.sequence > head {
            result.rebuiltBecause =
                "its checkpoint is at event \(checkpoint.sequence), past this log's head \(head) (restored from an older backup?)"
            return nil
        }
        let hash = checkpoint.sequence == 0 ? EventHash.zero : try reader.event(at: checkpoint.sequence)?.hash
        if hash != checkpoint.hash {
            result.rebuiltBecause = "its checkpoint is at event \(checkpoint.sequence), which this log does not hold as it was folded"
            return nil
        }
        return checkpoint.sequence
    }

    /// A checkpoint's saved bytes: the version of the fold that wrote it, big-endian.
    static func checkpointState(_ projection: any Projection.Type) -> [UInt8] {
        withUnsafeBytes(of: projection.version.bigEndian) { Array($0) }
    }

    /// A projection to fold, and the sequence its checkpoint is at.
    struct Fold {
        var projection: any Projection.Type
        var start: UInt64
    }

    /// What folding a batch did for one projection: its rows, encoded, how many events it
    /// folded, and how long that took.
    typealias Folded = (rows: StoredRows, folded: UInt64, took: Duration)

    /// Folds the events `first` through `last` that each of `folds` lacks, reading them once for
    /// all (or taking them from `readAhead`, when it holds them), into rows backed by `writer`,
    /// and saves the rows through it.
    ///
    /// `onTwoThreads`, some projections fold on a second thread through a snapshot of the ledger
    /// as the write began: those ``secondThread(_:)`` picks from `costs`, each projection's time
    /// on the batch before, or every other one without them. The second thread hands its rows
    /// over as soon as they are folded, and this one saves them; then each thread, once it is
    /// done, reads and decodes events of `next` for the batch after, a chunk at a time, until
    /// none is left (``SharedEventRead``).
    /// - Returns: what was done for each projection, in the order given, and the events of `next`.
    static func foldAndSave(
        _ folds: [Fold], _ writer: LedgerWriter, from first: UInt64, through last: UInt64, readAhead: [RecordedEvent],
        onTwoThreads: Bool, costs: [Duration]?, readingAhead next: ClosedRange<UInt64>?
    ) throws -> (done: [Folded], ahead: [RecordedEvent]) {
        guard onTwoThreads else {
            // Alone, a payload is decoded when a projection first asks for it.
            let events = readAhead.isEmpty ? try events(writer, from: first, through: last, decodingNow: false) : readAhead
            let done = try fold(folds, events, rowsFrom: writer)
            for folded in done { try folded.rows.save(through: writer) }
            return (done, [])
        }
        let events = readAhead.isEmpty ? try decodedOnTwoThreads(writer, from: first, through: last) : readAhead
        let there = costs.map(secondThread) ?? folds.indices.filter { $0 % 2 == 1 }
        let here = folds.indices.filter { !there.contains($0) }
        let farRows = HandOff<[Folded]>()
        let ahead = next.map(SharedEventRead.init)
        let ((near, far), _) = try writer.alongside(
            {
                let near = try fold(here.map { folds[$0] }, events, rowsFrom: writer)
                for folded in near { try folded.rows.save(through: writer) }
                let far = try farRows.take()
                for folded in far { try folded.rows.save(through: writer) }
                try ahead?.read(through: writer)
                return (near, far)
            },
            snapshot: { reader in
                let far = Result { try fold(there.map { folds[$0] }, events, rowsFrom: reader) }
                farRows.put(far)
                _ = try far.get()
                try ahead?.read(through: reader)
            })
        var done = [Folded?](repeating: nil, count: folds.count)
        for (index, folded) in zip(here + there, near + far) { done[index] = folded }
        return (done.map { $0! }, ahead?.events ?? [])
    }

    /// The events `first` through `last`, their payloads decoded now or when first asked for.
    static func events(_ reader: LedgerReader, from first: UInt64, through last: UInt64, decodingNow: Bool) throws -> [RecordedEvent] {
        guard first <= last else { return [] }
        var events: [RecordedEvent] = []
        events.reserveCapacity(Int(min(last - first, 1 << 16)) + 1)
        try reader.forEachEvent(from: first, through: last) { events.append(decodingNow ? RecordedEvent(decodingNow: $0) : RecordedEvent($0)) }
        return events
    }

    /// The events `first` through `last`, read and their payloads decoded by this thread and
    /// another together, so that the folds on both can share them.
    static func decodedOnTwoThreads(_ writer: LedgerWriter, from first: UInt64, through last: UInt64) throws -> [RecordedEvent] {
        guard first <= last else { return [] }
        let read = SharedEventRead(first...last)
        _ = try writer.alongside({ try read.read(through: writer) }, snapshot: { try read.read(through: $0) })
        return read.events
    }

    /// The projections, by index, that fold on the second thread: the costliest first, each on
    /// the thread with less to do so far, so that neither waits long for the other.
    static func secondThread(_ costs: [Duration]) -> [Int] {
        var loads = (here: Duration.zero, there: Duration.zero)
        var there: [Int] = []
        for index in costs.indices.sorted(by: { costs[$0] > costs[$1] }) {
            if loads.there < loads.here {
                loads.there += costs[index]
                there.append(index)
            } else {
                loads.here += costs[index]
            }
        }
        return there.sorted()
    }

    /// Folds the events each of `folds` lacks into its rows, backed by `reader`, one projection
    /// after the other, and encodes the rows each changed.
    /// - Returns: what was done for each projection, in the order given.
    static func fold(_ folds: [Fold], _ events: [RecordedEvent], rowsFrom reader: LedgerReader) throws -> [Folded] {
        let clock = ContinuousClock()
        return try folds.map { fold in
            let started = clock.now
            let rows = StoredRows(fold.projection.name, reader: reader)
            var folded: UInt64 = 0
            for event in events where fold.start < event.sequence {
                try fold.projection.apply(event, to: rows)
                folded += 1
            }
            try rows.encodeAll()
            return (rows, folded, clock.now - started)
        }
    }

    /// Folds the events `first` through `last` into `rows`; returns how many there were.
    static func fold(
        _ projection: any Projection.Type, _ reader: LedgerReader, from first: UInt64, through last: UInt64, into rows: OverlayRows
    ) throws -> UInt64 {
        var folded: UInt64 = 0
        try reader.forEachEvent(from: first, through: last) { envelope in
            try projection.apply(RecordedEvent(envelope), to: rows)
            folded += 1
        }
        return folded
    }
}

/// The events of a range, read and decoded by two threads together: each takes the next chunk
/// not yet taken, so the one that finished its other work first does more.
/// `@unchecked Sendable`: each chunk's slot is written by the one thread that took it, and the
/// slots are read only once both threads have finished (``LedgerWriter/alongside(_:snapshot:)``
/// joins them).
private final class SharedEventRead: @unchecked Sendable {
    /// Events per chunk: small enough that neither thread waits long for the other's last one.
    static let chunkEvents: UInt64 = 1_000

    let range: ClosedRange<UInt64>
    private let taken = Atomic<Int>(0)
    /// One slot per chunk, written through the pointer, so that the threads never write the same
    /// array value at once.
    private let chunks: UnsafeMutableBufferPointer<[RecordedEvent]>

    init(_ range: ClosedRange<UInt64>) {
        self.range = range
        let count = (UInt64(range.count) + Self.chunkEvents - 1) / Self.chunkEvents
        chunks = .allocate(capacity: Int(count))
        chunks.initialize(repeating: [])
    }

    deinit {
        chunks.deinitialize()
        chunks.deallocate()
    }

    /// Reads and decodes chunks through `reader` until every chunk is taken.
    func read(through reader: LedgerReader) throws {
        while true {
            let index = taken.add(1, ordering: .relaxed).oldValue
            guard index < chunks.count else { return }
            let first = range.lowerBound + UInt64(index) * Self.chunkEvents
            let last = min(range.upperBound, first + Self.chunkEvents - 1)
            chunks[index] = try ProjectionRunner.events(reader, from: first, through: last, decodingNow: true)
        }
    }

    /// Every event of the range, in order, once both threads have read.
    var events: [RecordedEvent] { chunks.flatMap { $0 } }
}
