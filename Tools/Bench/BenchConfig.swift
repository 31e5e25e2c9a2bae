/// The scale and repetitions of a benchmark run, read from the command line.
struct BenchConfig {
    /// Events appended in batches, read back and verified.
    var events = 1_000_000
    /// Streams the events are spread over, round-robin.
    var streams = 10_000
    /// Events per `store.write` (and per C write transaction).
    var batchEvents = 1_000
    /// Bytes of each stored envelope (body ‖ hash); the payload length is chosen to fit.
    var eventBytes = 300
    /// Single-event durable commits, for the store and for the C loop.
    var singleCommits = 2_000
    /// Times each measurement is repeated; the median is reported. Three, not five: a run at the
    /// full scale takes about a minute on a quiet 2-core machine and up to four under load.
    var runs = 3
    /// The directory the scratch ledgers are made in (the default is `$TMPDIR`, else `/tmp`).
    var parentDirectory: String?

    static let usage = """
        usage: cledger-bench [--events N] [--streams N] [--batch N] [--event-bytes N]
                             [--singles N] [--runs N] [--dir PATH]

        Measures the ledger store against a plain C loop of mdb_put on the same bytes, and
        verify against a bare SHA-256 chain loop, repeating each measurement and printing the
        median, minimum and maximum.

          --events N       events appended in batches, read back and verified (1000000)
          --streams N      streams the events are spread over, round-robin (10000)
          --batch N        events per store.write and per C write transaction (1000)
          --event-bytes N  bytes of each stored envelope, hash included (300)
          --singles N      single-event durable commits, store and C (2000); at most --events
          --runs N         repetitions of every measurement (3; 5 gives steadier medians and
                           takes 5 to 20 minutes on 2 cores, depending on other load)
          --dir PATH       where the scratch ledgers go; must be a real disk for durable
                           commits to mean anything ($TMPDIR, else /tmp)
        """

    /// A command line that cannot be run, with what to do about it.
    struct UsageError: Error, CustomStringConvertible {
        let description: String
    }

    /// `--help` was asked for.
    struct HelpRequested: Error {}

    init() {}

    /// Reads `arguments` (without the program name).
    init(arguments: [String]) throws {
        try Self.readOptions(arguments) { flag, value in
            switch flag {
            case "--events": events = try Self.count(flag, value)
            case "--streams": streams = try Self.count(flag, value)
            case "--batch": batchEvents = try Self.count(flag, value)
            case "--event-bytes": eventBytes = try Self.count(flag, value)
            case "--singles": singleCommits = try Self.count(flag, value)
            case "--runs": runs = try Self.count(flag, value)
            case "--dir": parentDirectory = value
            default: return false
            }
            return true
        }
        if singleCommits > events {
            throw UsageError(
                description: "--singles \(singleCommits) is more than --events \(events): the single commits "
                    + "append the first events of the batched run. Lower --singles or raise --events.")
        }
    }

    /// Reads `arguments` (without the program name) as `--flag value` pairs, handing each to
    /// `set`, which returns false for a flag it does not take; `--help` or `-h` asks for the usage.
    static func readOptions(_ arguments: [String], _ set: (_ flag: String, _ value: String) throws -> Bool) throws {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            if flag == "--help" || flag == "-h" { throw HelpRequested() }
            guard let value = rest.popFirst() else { throw UsageError(description: "\(flag) needs a value; see --help") }
            guard try set(flag, value) else { throw UsageError(description: "unknown option \(flag); see --help") }
        }
    }

    /// A positive whole number; `_` and `,` may group digits.
    static func count(_ flag: String, _ text: String) throws -> Int {
        guard let n = Int(text.filter { $0 != "_" && $0 != "," }), n > 0 else {
            throw UsageError(description: "\(flag) takes a whole number above zero, not '\(text)'")
        }
        return n
    }

    /// The command that repeats this run, every option spelled out, from the package root.
    var reproduceCommand: String {
        var command =
            "Tools/bench --events \(events) --streams \(streams) --batch \(batchEvents) "
            + "--event-bytes \(eventBytes) --singles \(singleCommits) --runs \(runs)"
        if let parentDirectory { command += " --dir '\(parentDirectory)'" }
        return command
    }
}
