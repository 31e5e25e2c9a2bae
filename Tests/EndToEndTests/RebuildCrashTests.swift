import DemoHistory
import Foundation
import Glibc
import Testing

/// A `cledger rebuild` killed with SIGKILL at a random moment (while it removes the old rows,
/// between two of its writes, or inside one) loses nothing: the log is untouched and verifies,
/// and every report afterwards prints what it printed after a whole rebuild, its projection
/// caught up from whatever checkpoint the kill left, or rebuilt from event 1 when the kill left
/// a removal half done.
///
/// `CLEDGER_REBUILD_KILLS` sets the number of kills (default 12); `CLEDGER_CRASH_SEED` replays a
/// run's kill schedule (the seed is printed in every failure).
@Suite("Crash: a rebuild killed at any moment leaves every report as a whole rebuild gives it")
struct RebuildCrashTests {
    /// Events per write: few enough that the rebuild of a demo of scale 3 (8,645 events) makes
    /// several writes to be killed between and inside, and enough that each folds on two
    /// threads (``ProjectionRunner/concurrentFoldEventsMin``).
    static let batchEvents = "2000"

    /// Every report, and the audit trail of a bid as well as a fund's.
    static let reports = ReportCommandTests.everyReport + [["audit-trail", "--bid", "bid-0001"]]

    @Test("each kill lands at a seeded random moment of a rebuild; after each, the log verifies and every report is unchanged")
    func killedRebuildLosesNothing() throws {
        let kills = WriterChecks.environmentInteger("CLEDGER_REBUILD_KILLS", default: 12)
        let (seed, replay) = WriterChecks.killSchedule()
        var rng = SplitMix64(seed: seed)
        let temporary = TemporaryDirectory()
        let store = try Self.demoAtScale3(temporary)

        let started = ContinuousClock.now
        let whole = try WriterChild.cledgerRebuild(store)
        let wholeEnding = whole.wait()
        let rebuildTime = ContinuousClock.now - started
        try #require(wholeEnding == .exited(0), "a whole rebuild \(wholeEnding): \(whole.errorText)")
        let log = try Self.logRows(store)
        let expected = try Self.reportOutputs(store)
        let rebuildMicroseconds = Int(rebuildTime.components.seconds) * 1_000_000 + Int(rebuildTime.components.attoseconds / 1_000_000_000_000)

        var killedMidway = 0
        var removalsInterrupted = 0
        for kill in 1...kills {
            let delay = Int.random(in: 0...max(1, rebuildMicroseconds * 11 / 10), using: &rng)
            let context = "kill \(kill) of \(kills), \(delay) µs into a rebuild that took \(rebuildMicroseconds) µs whole; \(replay)"
            let child = try WriterChild.cledgerRebuild(store)
            usleep(UInt32(delay))
            child.kill()
            let ending = child.wait()
            #expect(ending == .signalled(SIGKILL) || ending == .exited(0), "cledger rebuild \(ending): \(child.errorText); \(context)")
            if ending == .signalled(SIGKILL) { killedMidway += 1 }

            for (report, output) in zip(Self.reports, expected) {
                let result = try runProgram(Programs.cledger, ["--store", store, "report"] + report + ["--format", "csv"])
                #expect(result.status == 0, "report \(report.joined(separator: " ")): \(result.stderr); \(context)")
                #expect(result.stdout == output, "report \(report.joined(separator: " ")) differs from the whole rebuild's; \(context)")
                if result.stderr.contains("the removal of its rows before a rebuild was interrupted") { removalsInterrupted += 1 }
            }
            let verified = try cledger("--store", store, "verify")
            #expect(verified.status == 0, "verify: \(verified.stdout) \(verified.stderr); \(context)")
            #expect(try Self.logRows(store) == log, "the log changed; \(context)")
        }
        // Most kills must land inside a rebuild, or the test says nothing of one.
        #expect(killedMidway * 2 >= kills, "only \(killedMidway) of \(kills) kills landed before the rebuild ended; \(replay)")
        print("rebuild kills: \(killedMidway) of \(kills) mid-rebuild, \(removalsInterrupted) reports found a removal interrupted; \(replay)")
    }

    /// What `cledger info` says of the log: its events, head and first and last recorded times
    /// (not the file's size or its rows, which a rebuild changes).
    static func logRows(_ store: String) throws -> [String?] {
        let rows = EndToEndLedger.infoRows(try cledger("--store", store, "info").stdout)
        return ["events", "head", "created", "last recorded"].map { rows[$0] }
    }

    /// A fresh demo ledger of scale 3 (seed 2017, 8,645 events) in its own directory.
    static func demoAtScale3(_ temporary: TemporaryDirectory) throws -> String {
        let store = temporary.sub("ledger")
        let made = try cledger("--store", store, "demo", "--scale", "3")
        try #require(made.status == 0, "cledger demo --scale 3: \(made.stderr)")
        return store
    }

    /// Each of ``reports`` as CSV, asked of `store` one after the other.
    static func reportOutputs(_ store: String) throws -> [String] {
        try reports.map { report in
            let result = try runProgram(Programs.cledger, ["--store", store, "report"] + report + ["--format", "csv"])
            try #require(result.status == 0, "report \(report.joined(separator: " ")): \(result.stderr)")
            try #require(result.stdout.split(separator: "\n").count > 2, "report \(report.joined(separator: " ")) has no rows")
            return result.stdout
        }
    }
}

extension WriterChild {
    /// Starts `cledger rebuild` of every projection of `store`, `batchEvents` per write.
    static func cledgerRebuild(_ store: String, batchEvents: String = RebuildCrashTests.batchEvents) throws -> WriterChild {
        try WriterChild(Programs.cledger, ["--store", store, "rebuild", "--batch-events", batchEvents])
    }
}
