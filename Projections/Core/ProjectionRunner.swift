import LedgerStore

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
    /// Events folded per write when a catch-up is saved. Each write rewrites the rows its events
    /// touched and flushes them, and holds the ledger's write lock (a command waits for it): at
    /// 25,000 a rebuild of 916,172 events took ~7% less time than at 10,000 and ~30 MiB more
    /// memory, and holds the lock for about a quarter of a second at a time.
    public var batchEventsMax = 25_000
    /// Rows removed per write when a projection's stored rows are removed before a rebuild.
    public var removalRowsMax = 20_000
    /// Events a batch must span before its projections are folded on two threads: some on this
    /// one through the write, the rest on another through a snapshot of the ledger as the write
    /// began (``secondThread(_:)`` says which). Shorter catch-ups are not worth a thread.
    public var concurrentFoldEventsMin = 2_000

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
        for index in projections.indices { try removeIfStale(projections[index], noting: &results[index]) }
        var finished = false
        // How long each projection's fold of the last batch took: the next batch's split balances them.
        var took: [Duration]?
        while !finished {
            // The closure may run again if the map grows: it reports, and the loop counts.
            let batch = try store.write { writer -> (folded: [UInt64], took: [Duration], finished: Bool) in
                var starts: [UInt64] = []
                var removedHere = false
                for (index, projection) in projections.enumerated() {
                    if let start = try Self.checkpointStart(projection, writer, noting: &results[index]) {
                        starts.append(start)
                    } else {
                        // Made stale since removeIfStale looked (another process wrote it): removed in this write.
                        try writer.removeProjection(projection.name)
                        starts.append(0)
                        removedHere = true
                    }
                }
                let head = try writer.head()?.sequence ?? 0
                let first = starts.min() ?? head
                let last = min(head, first + UInt64(batchEventsMax))
                let folds = projections.indices.map { Fold(projection: projections[$0], start: starts[$0]) }
                // A snapshot would still hold the rows this write removed.
                let split = !removedHere && projections.count > 1 && last - first >= UInt64(concurrentFoldEventsMin)
                let done = try Self.fold(folds, writer, from: first + 1, through: last, onTwoThreads: split, costs: took)
                for (index, projection) in projections.enumerated() {
                    try done[index].rows.save(through: writer)
                    try writer.setCheckpoint(named: projection.name, sequence: max(last, starts[index]), state: Self.checkpointState(projection))
                }
                return (done.map(\.folded), done.map(\.took), last == head)
            }
            guard let done = batch.value else { break }
            for index in results.indices { results[index].folded += done.folded[index] }
            took = done.took
            finished = done.finished
        }
        return results
    }

    /// Removes each projection's rows and folds the whole log again, once for all of them, saving it.
    @discardableResult
    public func rebuild(_ projections: [any Projection.Type]) throws -> [CatchUp] {
        guard saves else {
            throw LedgerError.readOnly(path: store.path)
        }
        for projection in projections { try remove(projection) }
        return try catchUp(projections)
    }

    /// Removes `projection`'s stored rows when its checkpoint does not match the log, noting why.
    private func removeIfStale(_ projection: any Projection.Type, noting result: inout CatchUp) throws {
        let stale = try store.read { try Self.checkpointStart(projection, $0, noting: &result) == nil }
        if stale { try remove(projection) }
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
    /// all, into rows backed by `writer`. `onTwoThreads`, some projections fold on a second thread
    /// through a snapshot of the ledger as the write began: those ``secondThread(_:)`` picks from
    /// `costs`, each projection's time on the batch before, or every other one without them.
    /// - Returns: what was done for each projection, in the order given.
    static func fold(
        _ folds: [Fold], _ writer: LedgerWriter, from first: UInt64, through last: UInt64, onTwoThreads: Bool, costs: [Duration]?
    ) throws -> [Folded] {
        var envelopes: [Envelope] = []
        try writer.forEachEvent(from: first, through: last) { envelopes.append($0) }
        // Alone, a payload is decoded when a projection first asks for it; on two threads, half
        // of them on each before the folds, which share them.
        guard onTwoThreads else { return try fold(folds, envelopes.map { RecordedEvent($0) }, rowsFrom: writer) }
        let middle = envelopes.count / 2
        let (front, back) = try writer.alongside(
            { envelopes[..<middle].map(RecordedEvent.init(decodingNow:)) }, snapshot: { _ in envelopes[middle...].map(RecordedEvent.init(decodingNow:)) })
        let events = front + back
        let there = costs.map(secondThread) ?? folds.indices.filter { $0 % 2 == 1 }
        let here = folds.indices.filter { !there.contains($0) }
        let (near, far) = try writer.alongside(
            { try fold(here.map { folds[$0] }, events, rowsFrom: writer) }, snapshot: { try fold(there.map { folds[$0] }, events, rowsFrom: $0) })
        var done = [Folded?](repeating: nil, count: folds.count)
        for (index, folded) in zip(here + there, near + far) { done[index] = folded }
        return done.map { $0! }
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
