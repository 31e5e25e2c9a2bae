import DemoHistory
import Foundation
import LedgerStore
import Testing

/// A writer killed with SIGKILL at a random moment leaves whole commands: everything it
/// acknowledged, no part of any command, and a log that verifies.
///
/// A kill leaves the page cache intact, so this proves atomicity, not durability
/// (DurabilityTests checks that each acknowledgement follows a flush to disk).
///
/// `CLEDGER_CRASH_ROUNDS` sets the number of rounds (default 20; `Tools/crash-soak` runs 1,000);
/// `CLEDGER_CRASH_SEED` replays a run's kill schedule (the seed is printed in every failure).
@Suite("Crash: a writer killed at any moment leaves whole commands")
struct CrashTests {
    static let eventsPerCommand = 3
    static let streams = 16

    /// When a round's writer is killed.
    enum KillPlan: CustomStringConvertible {
        /// Milliseconds after it was started.
        case afterMilliseconds(Int)
        /// Just after its `count`-th acknowledgement arrives: during the next command's write.
        case afterAcks(Int)

        static func random(using rng: inout SplitMix64) -> KillPlan {
            switch Int.random(in: 0..<100, using: &rng) {
            case 0..<15: return .afterMilliseconds(Int.random(in: 0...8, using: &rng))  // while it starts and opens
            case 15..<30: return .afterAcks(Int.random(in: 1...40, using: &rng))
            default: return .afterMilliseconds(Int.random(in: 5...300, using: &rng))
            }
        }

        var description: String {
            switch self {
            case let .afterMilliseconds(ms): return "killed \(ms) ms after start"
            case let .afterAcks(count): return "killed after ack \(count)"
            }
        }
    }

    @Test("each round is killed at a seeded random moment; after each, acks are present, commands whole, verify passes")
    func killedWriterLeavesWholeCommands() throws {
        let rounds = WriterChecks.environmentInteger("CLEDGER_CRASH_ROUNDS", default: 20)
        let (seed, replay) = WriterChecks.killSchedule()
        var rng = SplitMix64(seed: seed)
        let temporary = TemporaryDirectory()
        let ledger = temporary.sub("ledger")
        let started = ContinuousClock.now

        // The ledger (a bare log, as ledger-writer --create makes) is created first: a kill during
        // creation is what `killedWhileCreating` is about.
        try WriterChecks.createBareLedger(ledger)

        var allAcks: [WriterAck] = []
        var head: String?  // as `cledger verify` printed it after the previous round
        var eventCount: UInt64 = 0
        var seenCommands = Set<String>()
        var kills = 0
        for round in 0..<rounds {
            let plan = KillPlan.random(using: &rng)
            let context = "round \(round) of \(rounds), \(plan), \(replay)"
            let writer = "c\(round)"  // a name per round: each run numbers its commands from 0
            let child = try WriterChild.ledgerWriter(
                ledger,
                [
                    "--writer", writer, "--commands", "0", "--events-per-command", "\(Self.eventsPerCommand)",
                    "--streams", "\(Self.streams)",
                ])
            switch plan {
            case let .afterMilliseconds(ms):
                if ms > 0 { usleep(UInt32(ms) * 1000) }
            case let .afterAcks(count):
                #expect(child.stdout.wait(forLines: count, timeout: 60), "no ack \(count) within 60 s; \(context)")
            }
            child.kill()
            let ending = child.wait()
            guard ending == .signalled(SIGKILL) else {
                Issue.record("ledger-writer \(ending), not killed: \(child.errorText); \(context)")
                break
            }
            kills += 1
            let acks = child.acks
            allAcks += acks

            // The events this round appended, read through the API.
            let (events, unreadable) = try WriterChecks.readLedger(ledger, from: eventCount + 1)
            #expect(unreadable.isEmpty, "events whose payload is not a ledger-writer payload: \(unreadable); \(context)")
            let problems =
                WriterChecks.wholeCommandProblems(events, streams: Self.streams, seen: &seenCommands)
                + WriterChecks.gaplessProblems(events, firstSequence: eventCount + 1)
                + WriterChecks.ackProblems(acks, in: events)
            #expect(problems.isEmpty, "\(WriterChecks.listed(problems))\n\(context)")
            // The writer runs its commands one after another: the log holds commands 0...m of this
            // round, and all but perhaps the last were acknowledged (a kill can fall between a
            // commit and its ack).
            let commands = Array(Set(events.map(\.command))).sorted()
            #expect(events.allSatisfy { $0.writer == writer }, "events of another writer appeared; \(context)")
            #expect(commands == Array(0..<commands.count), "commands committed: \(commands); \(context)")
            #expect(
                commands.count - acks.count == 0 || commands.count - acks.count == 1,
                "\(commands.count) commands committed, \(acks.count) acknowledged; \(context)")

            // The whole log verifies and still holds the head of the round before.
            let verified = try WriterChecks.verifyLedger(ledger, expecting: head)
            #expect(verified.status == 0, "cledger verify: \(verified.stdout)\(verified.stderr)\n\(context)")
            let report = try #require(VerifyOutput(verified.stdout), "cledger verify printed: \(verified.stdout); \(context)")
            eventCount += UInt64(events.count)
            #expect(report.events == Int(eventCount), "verify counts \(report.events) events, the API \(eventCount); \(context)")
            if report.head != nil { head = report.head }
            if !problems.isEmpty || verified.status != 0 { break }
            if (round + 1) % 100 == 0 {
                let elapsed = WriterChecks.seconds(since: started)
                print("CrashTests: round \(round + 1) of \(rounds), \(eventCount) events, \(elapsed)")
            }
        }

        // Once more over the whole log: every acknowledgement of every round is there.
        let (events, _) = try WriterChecks.readLedger(ledger)
        var seen = Set<String>()
        let problems =
            WriterChecks.wholeCommandProblems(events, streams: Self.streams, seen: &seen) + WriterChecks.gaplessProblems(events)
            + WriterChecks.ackProblems(allAcks, in: events)
        #expect(problems.isEmpty, "whole log: \(WriterChecks.listed(problems))\n\(replay)")
        #expect(events.count == Int(eventCount))
        print(
            "CrashTests: \(kills) kills in \(WriterChecks.seconds(since: started)), \(allAcks.count) acks, "
                + "\(events.count) events; \(replay)")
    }

    /// `LedgerStore.create` writes the ledger in a staging directory and links its data.mdb into
    /// place only when whole: a kill at any moment leaves no ledger, or a whole empty one.
    @Test("a writer killed while it creates the ledger leaves no ledger, or an empty one that verifies and continues")
    func killedWhileCreating() throws {
        let attempts = WriterChecks.environmentInteger("CLEDGER_CREATE_KILLS", default: 40)
        let seed = WriterChecks.environmentSeed("CLEDGER_CRASH_SEED")
        var rng = SplitMix64(seed: seed)
        // The creation lies between the start and the first ack: measure that time once.
        let probeDirectory = TemporaryDirectory()
        let probe = try WriterChild.ledgerWriter(probeDirectory.sub("ledger"), ["--create", "--commands", "0"])
        let probeStart = ContinuousClock.now
        #expect(probe.stdout.wait(forLines: 1, timeout: 60), "no ack within 60 s: \(probe.errorText)")
        let toFirstAck = ContinuousClock.now - probeStart
        probe.kill()
        _ = probe.wait()
        let toFirstAckMicroseconds =
            Int(toFirstAck.components.seconds) * 1_000_000 + Int(toFirstAck.components.attoseconds / 1_000_000_000_000)

        var broken: [String] = []
        for _ in 0..<attempts {
            let temporary = TemporaryDirectory()
            let ledger = temporary.sub("ledger")
            let delay = Int.random(in: 0...max(1, toFirstAckMicroseconds * 12 / 10), using: &rng)
            let child = try WriterChild.ledgerWriter(ledger, ["--create", "--commands", "0"])
            usleep(UInt32(delay))
            child.kill()
            let ending = child.wait()
            #expect(ending == .signalled(SIGKILL) || ending == .exited(0), "ledger-writer \(ending): \(child.errorText)")
            guard FileManager.default.fileExists(atPath: ledger + "/data.mdb") else { continue }
            let verified = try WriterChecks.verifyLedger(ledger)
            let continued = try runProgram(Programs.ledgerWriter, [ledger, "--create", "--commands", "1", "--writer", "after"])
            if verified.status != 0 || continued.status != 0 {
                broken.append(
                    "killed \(delay) µs after start (first ack at \(toFirstAckMicroseconds) µs): "
                        + "verify exited \(verified.status) "
                        + "\(verified.stderr.trimmingCharacters(in: .whitespacesAndNewlines)); ledger-writer exited "
                        + "\(continued.status) \(continued.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
            }
        }
        let examples = WriterChecks.listed(broken, count: 3)
        #expect(broken.isEmpty, "\(broken.count) of \(attempts) kills left an unusable ledger:\n\(examples)\nseed \(seed)")
    }
}
