import Foundation

extension LedgerWriter {
    /// Runs `here` on this thread and, at the same time, `elsewhere` on a second thread reading a
    /// snapshot of the ledger as last committed; returns both results once both have finished.
    ///
    /// While this write holds LMDB's writer lock nobody else can commit, so the snapshot is the
    /// ledger as this write began: it sees none of what the write has changed, before or during
    /// the call. Call it before changing anything `elsewhere` reads. The write itself stays on
    /// this thread (LMDB-NOTES pitfall 2); the snapshot's read transaction is begun and ended on
    /// this thread and used by the other one in between, which `MDB_NOTLS` allows (pitfall 3).
    /// - Throws: what `here` threw, else what `elsewhere` threw, once both have finished.
    public func alongside<Here, Elsewhere>(
        _ here: () throws -> Here, snapshot elsewhere: (LedgerReader) throws -> Elsewhere
    ) throws -> (Here, Elsewhere) {
        checkOpen()
        let txn = try LMDBTransaction(environment: environment, readOnly: true)
        let snapshot = LedgerReader(txn: txn, dbs: dbs, path: path)
        defer {
            snapshot.close()
            txn.abort()
        }
        return try withoutActuallyEscaping(elsewhere) { elsewhere in
            let job = ThreadJob { try elsewhere(snapshot) }
            let thread = Thread { job.run() }
            thread.stackSize = ThreadJob<Elsewhere>.stackBytes
            thread.start()
            let hereResult = Result { try here() }
            let elsewhereResult = job.waitForResult()
            return (try hereResult.get(), try elsewhereResult.get())
        }
    }
}

/// A closure run once on another thread, and its result. `@unchecked Sendable`: the closure is
/// called on that thread only, then dropped, before its result is handed over.
private final class ThreadJob<Value>: @unchecked Sendable {
    /// The same stack as the main thread's, for folds as deep as the caller's.
    static var stackBytes: Int { 8 << 20 }

    private var body: (() throws -> Value)?
    private let result = HandOff<Value>()

    init(_ body: @escaping () throws -> Value) { self.body = body }

    func run() {
        let value = Result { try body!() }
        // Dropped before the result is handed over: the caller's closure must not outlive its call.
        body = nil
        result.put(value)
    }

    func waitForResult() -> Result<Value, any Error> {
        Result { try result.take() }
    }
}
