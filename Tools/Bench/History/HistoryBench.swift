import Foundation
import LedgerStore
import Projections

/// `Tools/bench history`: the projections and decisions on demo histories of two sizes, side by side.
enum HistoryBench {
    private typealias F = TextFormatting

    static func run(_ config: HistoryBenchConfig) throws {
        let started = ContinuousClock.now
        let scratch = ScratchSpace(parent: nil)
        if let directory = config.directory {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try measure(config, in: directory)
        } else {
            try scratch.withDirectory { try measure(config, in: $0) }
        }
        print("\nThe whole benchmark took \(F.seconds(seconds(since: started))).")
    }

    private static func measure(_ config: HistoryBenchConfig, in directory: String) throws {
        let histories = DemoHistories(directory: directory, seed: config.seed)
        let large = try histories.history(events: config.events, progress: progress)
        let small = try histories.history(events: config.smallEvents, progress: progress)
        let decisionSmall = try histories.history(events: config.decisionEvents, progress: progress)

        print("cledger history benchmark (release build; demo seed \(config.seed))")
        print("  histories  \(F.grouped(Int(large.events))), \(F.grouped(Int(small.events))) and \(F.grouped(Int(decisionSmall.events))) events")
        if let seconds = large.writeSeconds {
            print("  writing the large demo history took \(F.seconds(seconds)): \(F.grouped(Double(large.events) / seconds)) events/s through the decisions, bulk mode")
        }
        #if DEBUG
            print("  WARNING    a debug build: the figures say nothing; build with -c release (Tools/bench does)")
        #endif

        progress("rebuilding every projection of the large history \(config.runs) times, beside a raw scan")
        let rebuild = try RebuildBench.measure(large.path, runs: config.runs, scratch: ScratchSpace(parent: directory), progress: progress)
        let scanRate = Double(rebuild.events) / (median(of: rebuild.scanSeconds) ?? .infinity)
        let rebuildRate = Double(rebuild.events) / (median(of: rebuild.rebuildSeconds) ?? .infinity)
        let ratios = zip(rebuild.rebuildSeconds, rebuild.scanSeconds).map { $1 / $0 }
        print("\nFull rebuild of every projection (\(allProjections.map { $0.name }.joined(separator: ", "))), \(F.grouped(Int(rebuild.events))) events, median of \(config.runs)")
        print("  raw LMDB cursor scan       \(F.right(F.grouped(scanRate), 12)) events/s")
        print("  cledger rebuild            \(F.right(F.grouped(rebuildRate), 12)) events/s   (\(F.seconds(median(of: rebuild.rebuildSeconds) ?? 0)))")
        print("  rebuild / scan             \(F.right(F.percent(median(of: ratios) ?? 0), 12))   runs \(ratios.map(F.percent).joined(separator: ", "))   target ≥ 10%  \(verdict((median(of: ratios) ?? 0) >= 0.10))")
        let rowsWrite = median(of: rebuild.rowsWriteSeconds) ?? 0
        let targetSeconds = 10 * (median(of: rebuild.scanSeconds) ?? 0)
        print("  its rows, C loop writing   \(F.right(F.seconds(rowsWrite), 12))   \(F.grouped(Int(rebuild.rows))) rows, \(rebuild.rowBytes >> 20) MiB, one durable write")
        print("    of the \(F.seconds(targetSeconds)) the 10% target allows: \(F.percent(rowsWrite / targetSeconds)), before any event is read or folded")
        let decode = median(of: rebuild.decodeSeconds) ?? 0
        print("  its events, read and decoded \(F.right(F.seconds(decode), 10))   \(F.grouped(Double(rebuild.events) / decode)) events/s, on two threads, by the runner for two folds that keep nothing")
        print("    of the \(F.seconds(targetSeconds)) the 10% target allows: \(F.percent(decode / targetSeconds)), before any event is folded or row written")
        let floorSeconds = (median(of: rebuild.scanSeconds) ?? 0) + rowsWrite
        print("  rebuild / (scan + that C loop) \(F.right(F.percent(floorSeconds / (median(of: rebuild.rebuildSeconds) ?? .infinity)), 8))   (against the least that reading the log and writing its rows take)")
        print("  peak private memory        \(F.right("\(rebuild.anonymousBytesMax >> 20) MiB", 12))   target < 500 MiB  \(verdict(rebuild.anonymousBytesMax < 500 << 20))")
        print("  peak resident set          \(F.right("\(rebuild.peakBytes >> 20) MiB", 12))   (with the ledger's mapped pages, which are the page cache's)")

        progress("timing commands beside a rebuild of a copy of the smaller history")
        let beside = try CommandBesideRebuildBench.measure(small.path, scratch: ScratchSpace(parent: directory))
        let batch = CommandBesideRebuildBench.batchEvents
        print("\nA command beside a rebuild (writes of \(batch) events, \(F.grouped(Int(small.events))) events: \((Int(small.events) + batch - 1) / batch) writes), milliseconds")
        print("  one allocation record, alone           \(F.right(String(format: "%.0f", beside.aloneMilliseconds), 6))")
        let longest = beside.commandMilliseconds.max() ?? 0
        print("  each started beside the rebuild, median / max  \(String(format: "%.0f / %.0f", median(of: beside.commandMilliseconds) ?? 0, longest))   \(beside.commandMilliseconds.count) commands started in the rebuild's \(F.seconds(beside.rebuildSeconds)); the longest \(F.percent(longest / 1000 / beside.rebuildSeconds)) of it")

        progress("exporting the large history for hledger and timing hledger balance")
        if let hledger = try HledgerBench.measure(large.path, in: directory) {
            print("\nhledger on the exported journal (\(hledger.journalBytes >> 20) MiB), one run each, seconds")
            print("  cledger export hledger       \(F.seconds(hledger.exportSeconds))")
            print("  hledger balance              \(F.seconds(hledger.hledgerSeconds))")
            print("  cledger report balances      \(F.seconds(hledger.reportSeconds))   (its projection already caught up)")
            print("  hledger / cledger report     \(String(format: "%.1f", hledger.hledgerSeconds / hledger.reportSeconds))×")
        } else {
            print("\nhledger is not installed (apt-get install hledger, or run Tools/test once): its timing is left out")
        }

        progress("answering the fixed-size questions at \(config.questions) random points")
        let atSmall = try QuestionBench.measure(small.path, questions: config.questions, seed: config.seed)
        let atLarge = try QuestionBench.measure(large.path, questions: config.questions, seed: config.seed)
        print("\nFixed-size questions at random points (--as-of and --known-at), \(config.questions) each, milliseconds")
        print("  question                          \(F.right(F.grouped(Int(small.events)), 10)) events      \(F.right(F.grouped(Int(large.events)), 10)) events   ratio of medians")
        for (name, a, b) in [
            ("one fund's balances for one year", atSmall.fundYearMilliseconds, atLarge.fundYearMilliseconds),
            ("one bid's audit trail", atSmall.auditTrailMilliseconds, atLarge.auditTrailMilliseconds),
        ] {
            let ratio = (median(of: b) ?? 0) / (median(of: a) ?? .infinity)
            print(
                "  \(F.left(name, 32))  \(quantiles(a))   \(quantiles(b))   \(String(format: "%.2f", ratio))×  "
                    + "targets < 50 ms, ≤ 1.5×  \(verdict((percentile(90, of: b) ?? .infinity) < 50 && ratio <= 1.5))")
        }
        print("  (each: median / 90th percentile)")

        progress("timing \(config.decisions) decisions at two sizes")
        let decideSmall = try DecisionBench.measure(decisionSmall.path, decisions: config.decisions)
        let decideLarge = try DecisionBench.measure(large.path, decisions: config.decisions)
        let decisionRatio = (median(of: decideLarge) ?? 0) / (median(of: decideSmall) ?? .infinity)
        print("\nOne decision (allocation record on the Community Fund; bulk mode, so no fdatasync), \(config.decisions) each, microseconds")
        print("  at \(F.grouped(Int(decisionSmall.events))) events  \(F.grouped(median(of: decideSmall) ?? 0)) median, \(F.grouped(percentile(90, of: decideSmall) ?? 0)) p90")
        print("  at \(F.grouped(Int(large.events))) events  \(F.grouped(median(of: decideLarge) ?? 0)) median, \(F.grouped(percentile(90, of: decideLarge) ?? 0)) p90")
        print("  ratio of medians  \(String(format: "%.2f", decisionRatio))×  (near 1: a decision reads its state, never the history)")

        print("\nReproduce (from the package root):\n  \(config.reproduceCommand)")
    }

    private static func quantiles(_ values: [Double]) -> String {
        F.right(String(format: "%.2f / %.2f", median(of: values) ?? 0, percentile(90, of: values) ?? 0), 17)
    }

    private static func verdict(_ pass: Bool) -> String { pass ? "PASS" : "BELOW TARGET" }

    private static func progress(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
