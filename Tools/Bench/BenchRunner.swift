/// Runs every measurement once per run, interleaved, so that the machine's drift during the
/// benchmark reaches all of them alike and same-run ratios stay meaningful. The durable ones come
/// first, the `MDB_NOSYNC` ones last, so no durable commit waits behind their unflushed pages;
/// the three single-commit measurements take turns at going first, as the first commits after
/// a million-event ledger is removed can be slow.
struct BenchRunner {
    let config: BenchConfig
    let scratch: ScratchSpace
    let store: StoreBench
    let ceiling: CeilingBench
    let chain: ChainBench

    init(config: BenchConfig, workload: Workload, corpus: EventCorpus) {
        self.config = config
        scratch = ScratchSpace(parent: config.parentDirectory)
        store = StoreBench(workload: workload, corpus: corpus)
        ceiling = CeilingBench(corpus: corpus)
        chain = ChainBench(corpus: corpus)
    }

    /// Run `index` (from 0) of every measurement; the rates and bytes written go into `samples`.
    func run(_ index: Int, into samples: inout Samples) throws {
        let events = config.events
        let batch = config.batchEvents
        let singles = config.singleCommits
        try scratch.withDirectory { directory in
            let writtenBefore = WriteCounter.bytesWritten()
            let (ledger, seconds) = try store.appendBatched(in: directory, batchEvents: batch, bulk: false)
            samples.add(.storeAppend, items: events, seconds: seconds)
            samples.add(.storeAppend, items: events, bytesWritten: WriteCounter.bytesWritten() - writtenBefore)
            samples.add(.readBack, items: events, seconds: try store.readBack(ledger))
            samples.add(.verify, items: events, seconds: try store.verify(ledger))
        }
        samples.add(.chain, items: events, seconds: try chain.run())
        try measure(.ceiling, items: events, into: &samples) {
            try ceiling.append(in: $0, events: events, batchEvents: batch)
        }
        try measure(.ceilingStoreShaped, items: events, into: &samples) {
            try ceiling.append(in: $0, events: events, batchEvents: batch, options: .storeShaped)
        }
        let singleMeasurements: [(Measurement, (String) throws -> Double)] = [
            (.storeSingle, { try store.appendSingly(in: $0, commits: singles) }),
            (.ceilingSingle, { try ceiling.append(in: $0, events: singles, batchEvents: 1) }),
            (
                .ceilingSingleStoreShaped,
                { try ceiling.append(in: $0, events: singles, batchEvents: 1, options: .storeShaped) }
            ),
        ]
        for turn in 0..<singleMeasurements.count {
            let (measurement, body) = singleMeasurements[(index + turn) % singleMeasurements.count]
            try measure(measurement, items: singles, into: &samples, body)
        }
        try measure(.ceilingStoreShapedNoSync, items: events, into: &samples) {
            try ceiling.append(in: $0, events: events, batchEvents: batch, options: [.storeShaped, .noSync])
        }
        try measure(.storeAppendNoSync, items: events, into: &samples) {
            try store.appendBatched(in: $0, batchEvents: batch, bulk: true).seconds
        }
    }

    /// Runs `body` on a fresh directory and records the seconds it returns and the bytes it
    /// wrote (opening and closing included) for `items` events or commits.
    private func measure(
        _ measurement: Measurement, items: Int, into samples: inout Samples, _ body: (String) throws -> Double
    ) throws {
        try scratch.withDirectory { directory in
            let writtenBefore = WriteCounter.bytesWritten()
            samples.add(measurement, items: items, seconds: try body(directory))
            samples.add(measurement, items: items, bytesWritten: WriteCounter.bytesWritten() - writtenBefore)
        }
    }
}
