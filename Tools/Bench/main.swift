import Foundation

// cledger-bench: the storage benchmark (`storage`, the default) measures the ledger store's
// batched and single durable appends, read-back and verify against a plain C loop of mdb_put and
// a bare SHA-256 chain loop on the same bytes; `history` measures projection rebuilds, point-in-
// time questions and decisions on demo histories; `codec` measures the payload encoder and
// decoder on a demo history's payloads. `Tools/bench [storage|history|codec] --help`.

private typealias F = TextFormatting

/// Writes a progress line to standard error, which is not buffered.
private func progress(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

private func runBenchmark(_ config: BenchConfig) throws {
    let started = ContinuousClock.now
    let workload = try Workload(events: config.events, streams: config.streams, eventBytes: config.eventBytes)
    progress("building the \(F.grouped(config.events)) stored envelopes for the C loop and the chain loop")
    let corpus = EventCorpus(workload)
    let runner = BenchRunner(config: config, workload: workload, corpus: corpus)

    print("cledger storage benchmark")
    print(
        "  workload  \(F.grouped(config.events)) events of \(F.grouped(corpus.averageEventBytes)) stored bytes over "
            + "\(F.grouped(config.streams)) streams (round-robin), \(F.grouped(config.batchEvents)) per write; "
            + "\(F.grouped(config.singleCommits)) single-event commits")
    print("  runs      \(config.runs); each measurement on a fresh directory, median, min and max over the runs")
    print(
        "  machine   \(ProcessInfo.processInfo.activeProcessorCount) cores, "
            + "\(ProcessInfo.processInfo.operatingSystemVersionString), \(CeilingBench.lmdbVersion)")
    print("  scratch   \(runner.scratch.parent) (\(runner.scratch.fileSystem))")
    #if DEBUG
        print("  WARNING   a debug build: the figures say nothing; build with -c release (Tools/bench does)")
    #endif
    if runner.scratch.isMemoryBacked {
        print("  WARNING   the scratch directory is in memory: durable commits cost nothing there; use --dir")
    }

    var samples = Samples()
    for run in 1...config.runs {
        let runStarted = ContinuousClock.now
        try runner.run(run - 1, into: &samples)
        func last(_ m: Measurement) -> String { F.grouped(samples.rates(of: m).last ?? 0) }
        progress(
            "run \(run)/\(config.runs) took \(F.seconds(seconds(since: runStarted))): "
                + "store append \(last(.storeAppend))/s, C ceiling \(last(.ceiling))/s, "
                + "verify \(last(.verify))/s, chain \(last(.chain))/s, "
                + "store single \(last(.storeSingle))/s, C single \(last(.ceilingSingle))/s")
    }
    Report(config: config, samples: samples).printReport()
    print("\nThe whole benchmark took \(F.seconds(seconds(since: started))).")
}

/// Global, so the signal sources live as long as the program.
let interruptSources = InterruptCleanup.install()
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    if arguments.first == "history" {
        try HistoryBench.run(try HistoryBenchConfig(arguments: Array(arguments.dropFirst())))
    } else if arguments.first == "codec" {
        try CodecBench.run(try CodecBenchConfig(arguments: Array(arguments.dropFirst())))
    } else {
        try runBenchmark(try BenchConfig(arguments: arguments.first == "storage" ? Array(arguments.dropFirst()) : arguments))
    }
} catch is BenchConfig.HelpRequested {
    switch arguments.first {
    case "history": print(HistoryBenchConfig.usage)
    case "codec": print(CodecBenchConfig.usage)
    default: print(BenchConfig.usage)
    }
} catch {
    progress("cledger-bench: \(error)")
    exit(1)
}
