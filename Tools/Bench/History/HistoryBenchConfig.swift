/// The sizes and repetitions of `Tools/bench history`, read from the command line.
struct HistoryBenchConfig {
    /// Events of the large demo history (about; the demo grows in whole scales).
    var events = 1_000_000
    /// Events of the history the fixed-size questions are also answered at.
    var smallEvents = 100_000
    /// Events of the history a decision is also timed at.
    var decisionEvents = 10_000
    /// Random points each fixed-size question is answered at.
    var questions = 50
    /// Decisions timed at each size.
    var decisions = 200
    /// Rebuilds and scans of the large history; the median is reported.
    var runs = 3
    var seed: UInt64 = 2017
    /// Where the demo histories are written, and kept for the next run when given.
    var directory: String?

    static let usage = """
        usage: cledger-bench history [--events N] [--small N] [--decision-small N] [--questions N]
                                     [--decisions N] [--runs N] [--seed N] [--dir PATH]

        Writes demo histories (cledger demo --scale), then measures, side by side: a full
        rebuild of every projection (cledger rebuild, its peak memory) against a raw LMDB cursor
        scan of the same log; one fund's balances for one year and one bid's audit trail at
        random points (--as-of and --known-at) at two sizes; one decision at two sizes.

          --events N          the large history (1000000)
          --small N           the smaller history the questions are also answered at (100000)
          --decision-small N  the smaller history a decision is also timed at (10000)
          --questions N       random points per question and size (50)
          --decisions N       decisions timed per size (200)
          --runs N            rebuilds and scans of the large history (3)
          --seed N            the demo's seed (2017)
          --dir PATH          keep the histories here and reuse them next time ($TMPDIR, removed)
        """

    init() {}

    init(arguments: [String]) throws {
        try BenchConfig.readOptions(arguments) { flag, value in
            switch flag {
            case "--events": events = try BenchConfig.count(flag, value)
            case "--small": smallEvents = try BenchConfig.count(flag, value)
            case "--decision-small": decisionEvents = try BenchConfig.count(flag, value)
            case "--questions": questions = try BenchConfig.count(flag, value)
            case "--decisions": decisions = try BenchConfig.count(flag, value)
            case "--runs": runs = try BenchConfig.count(flag, value)
            case "--seed": seed = UInt64(try BenchConfig.count(flag, value))
            case "--dir": directory = value
            default: return false
            }
            return true
        }
    }

    var reproduceCommand: String {
        "Tools/bench history --events \(events) --small \(smallEvents) --decision-small \(decisionEvents) "
            + "--questions \(questions) --decisions \(decisions) --runs \(runs) --seed \(seed)"
    }
}
