import Foundation

/// Commands beside a rebuild: `cledger rebuild --batch-events 500` of a copy of a history, and
/// `cledger allocation record` run one after the other while it runs, each timed from its start
/// to its end. A command waits for the ledger's write lock, which the rebuild takes for each of
/// its writes: the figure says whether a command waits for one write or for the rebuild.
///
/// The copy is the history's backup, so the history itself gains no event. The demo's years may
/// all be closed by today, and then each command is refused; it is refused inside its write, after
/// the wait for the lock, so the wait is timed the same.
enum CommandBesideRebuildBench {
    struct Result {
        /// The rebuild's own time, as it printed it.
        var rebuildSeconds: Double
        /// The time of each command started while the rebuild ran, start to end, in milliseconds.
        var commandMilliseconds: [Double]
        /// One command's time with no rebuild beside it, in milliseconds.
        var aloneMilliseconds: Double
    }

    static let batchEvents = 500

    static func measure(_ ledger: String, scratch: ScratchSpace) throws -> Result {
        try scratch.withDirectory { directory in
            let copy = directory + "/ledger"
            try run(["--store", ledger, "backup", copy])
            try run(["--store", copy, "rebuild"])
            let alone = try milliseconds { try command(copy) }
            let rebuild = Process()
            rebuild.executableURL = URL(fileURLWithPath: RebuildBench.cledgerPath)
            rebuild.arguments = ["--store", copy, "rebuild", "--batch-events", String(batchEvents)]
            let output = Pipe()
            rebuild.standardOutput = output
            try rebuild.run()
            var commands: [Double] = []
            while rebuild.isRunning { commands.append(try milliseconds { try command(copy) }) }
            // Its last line: "in 1.23 s, reading the log once for all 5".
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            rebuild.waitUntilExit()
            guard rebuild.terminationStatus == 0 else {
                throw BenchConfig.UsageError(description: "cledger rebuild --batch-events \(batchEvents) of \(copy) failed (status \(rebuild.terminationStatus))")
            }
            guard let last = printed.split(separator: "\n").last, let rebuildSeconds = last.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else {
                throw BenchConfig.UsageError(description: "cledger rebuild did not end by printing its time in seconds: \(printed)")
            }
            return Result(rebuildSeconds: rebuildSeconds, commandMilliseconds: commands, aloneMilliseconds: alone)
        }
    }

    /// One allocation of £1.00 on the Community Fund, recorded or refused.
    private static func command(_ store: String) throws {
        _ = try cledger(["--store", store, "allocation", "record", "--fund", "community", "--amount", "1.00", "--source", "opcc", "--actor", "finance-0001"])
    }

    private static func run(_ arguments: [String]) throws {
        let status = try cledger(arguments)
        guard status == 0 else {
            throw BenchConfig.UsageError(description: "cledger \(arguments.joined(separator: " ")) failed (status \(status))")
        }
    }

    /// Runs the `cledger` beside this benchmark with `arguments`, its output discarded.
    /// - Returns: its exit status.
    private static func cledger(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RebuildBench.cledgerPath)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    private static func milliseconds(_ body: () throws -> Void) rethrows -> Double { try secondsTaken(body) * 1000 }
}
