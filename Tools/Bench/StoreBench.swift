import LedgerStore

/// The ledger store, timed through its public API on the benchmark's workload.
struct StoreBench {
    let workload: Workload
    let corpus: EventCorpus

    /// A store that did not end up holding the corpus's bytes.
    struct Mismatch: Error, CustomStringConvertible {
        let description: String
    }

    /// Creates a ledger in `directory` and appends every event, `batchEvents` per `store.write`,
    /// one single-event `append` call per event; the time covers the writes only.
    func appendBatched(in directory: String, batchEvents: Int, bulk: Bool) throws -> (LedgerStore, seconds: Double) {
        let store = try LedgerStore.create(at: directory, options: workload.storeOptions(bulk: bulk))
        var next = 0
        let seconds = try secondsTaken {
            while next < workload.count {
                let end = min(next + batchEvents, workload.count)
                _ = try store.write { (writer: LedgerWriter) in
                    for i in next..<end {
                        try writer.append(to: workload.streamId(of: i), expectedVersion: .any, workload.event(i))
                    }
                }
                next = end
            }
        }
        try checkHead(of: store, events: workload.count)
        return (store, seconds)
    }

    /// Creates a ledger in `directory` and appends `commits` events, one `store.write` each.
    func appendSingly(in directory: String, commits: Int) throws -> Double {
        let store = try LedgerStore.create(at: directory, options: workload.storeOptions(bulk: false))
        let seconds = try secondsTaken {
            for i in 0..<commits {
                _ = try store.write { (writer: LedgerWriter) in
                    try writer.append(to: workload.streamId(of: i), expectedVersion: .any, workload.event(i))
                }
            }
        }
        try checkHead(of: store, events: commits)
        return seconds
    }

    /// Reads every event back through `forEachEvent`, decoding each envelope.
    func readBack(_ store: LedgerStore) throws -> Double {
        var events = 0
        var payloadBytes = 0
        let seconds = try secondsTaken {
            try store.read { (reader: LedgerReader) in
                try reader.forEachEvent { (envelope: Envelope) in
                    events += 1
                    payloadBytes &+= envelope.payload.count
                }
            }
        }
        guard events == workload.count, payloadBytes > 0 else {
            throw Mismatch(description: "read back \(events) events of \(workload.count)")
        }
        return seconds
    }

    /// Runs `verify()`, which must find the ledger valid.
    func verify(_ store: LedgerStore) throws -> Double {
        var report: VerificationReport?
        let seconds = try secondsTaken { report = try store.verify() }
        guard let report, report.isValid, report.eventCount == UInt64(workload.count) else {
            throw Mismatch(
                description: "verify found \(report?.eventCount ?? 0) events and these problems: "
                    + (report?.problems ?? []).joined(separator: "; "))
        }
        return seconds
    }

    /// The store's head must be the corpus's event `events`: its hash covers every byte before
    /// it, so this proves the C loop and the chain loop work on the store's exact bytes.
    private func checkHead(of store: LedgerStore, events: Int) throws {
        let head = try store.read { (reader: LedgerReader) in try reader.head() }
        guard let head, head.sequence == UInt64(events), head.hash.bytes == corpus.hash(ofEvent: events - 1) else {
            throw Mismatch(
                description: "the store's head is \(head.map(String.init(describing:)) ?? "none"), not event \(events) "
                    + "of the corpus: Tools/Bench/EnvelopeLayout.swift no longer mirrors the envelope format")
        }
    }
}
