/// The corpus and repetitions of `Tools/bench codec`, read from the command line.
struct CodecBenchConfig {
    /// Events of the demo history whose payloads are the corpus (about; the demo grows in whole scales).
    var events = 12_000
    /// Passes over the corpus in one run.
    var passes = 10
    /// Runs of each measurement; the median is reported.
    var runs = 7
    var seed: UInt64 = 2017
    /// Where the demo history is written, and kept for the next run when given.
    var directory: String?

    static let usage = """
        usage: cledger-bench codec [--events N] [--passes N] [--runs N] [--seed N] [--dir PATH]

        Writes a demo history (cledger demo --scale), then times BinaryEncoder and BinaryDecoder
        on its stored payloads (as CommissioningEvent.decode and EventPayload.encoded see them)
        and on one projection-like row per event (strings, money, dates, optionals, arrays).

          --events N   events of the demo history (12000)
          --passes N   passes over the corpus per run (10)
          --runs N     runs of each measurement; the median is reported (7)
          --seed N     the demo's seed (2017)
          --dir PATH   keep the history here and reuse it next time ($TMPDIR, removed)
        """

    init(arguments: [String]) throws {
        try BenchConfig.readOptions(arguments) { flag, value in
            switch flag {
            case "--events": events = try BenchConfig.count(flag, value)
            case "--passes": passes = try BenchConfig.count(flag, value)
            case "--runs": runs = try BenchConfig.count(flag, value)
            case "--seed": seed = UInt64(try BenchConfig.count(flag, value))
            case "--dir": directory = value
            default: return false
            }
            return true
        }
    }

    var reproduceCommand: String {
        "Tools/bench codec --events \(events) --passes \(passes) --runs \(runs) --seed \(seed)"
    }
}
