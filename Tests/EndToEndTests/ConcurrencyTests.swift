import Foundation
import LedgerStore
import Testing

/// Several processes write one ledger at once: LMDB lets one write at a time, and the log stays
/// gapless, whole and verifiable (DESIGN.md, "Several processes may open the same ledger").
@Suite("Concurrency: processes writing one ledger at once")
struct ConcurrencyTests {
    static let commands = 300
    static let eventsPerCommand = 2
    static let streams = 16

    @Test("two writers on the same streams: each ack present once, sequences and stream versions gapless, verify passes")
    func twoWritersInterleave() throws {
        let temporary = TemporaryDirectory()
        let ledger = temporary.sub("ledger")
        let started = ContinuousClock.now
        try WriterChecks.createBareLedger(ledger)

        let arguments = [
            "--commands", "\(Self.commands)", "--events-per-command", "\(Self.eventsPerCommand)", "--streams", "\(Self.streams)",
        ]
        let writers = try ["a", "b"].map { try WriterChild.ledgerWriter(ledger, ["--writer", $0] + arguments) }
        for writer in writers {
            let ending = writer.wait()
            #expect(ending == .exited(0), "\(writer.commandLine) \(ending): \(writer.errorText)")
            #expect(writer.acks.count == Self.commands, "\(writer.commandLine) acknowledged \(writer.acks.count) commands")
        }
        let acks = writers.flatMap(\.acks)

        let (events, unreadable) = try WriterChecks.readLedger(ledger)
        #expect(unreadable.isEmpty)
        let total = acks.count * Self.eventsPerCommand
        #expect(events.count == total, "\(events.count) events in the log; the writers acknowledged \(total)")
        var seen = Set<String>()
        let problems =
            WriterChecks.wholeCommandProblems(events, streams: Self.streams, seen: &seen) + WriterChecks.gaplessProblems(events)
            + WriterChecks.ackProblems(acks, in: events)
        #expect(problems.isEmpty, "\(WriterChecks.listed(problems))")
        #expect(seen.count == acks.count)

        // The test means something only if the writers overlapped in time.
        let a = events.filter { $0.writer == "a" }.map(\.sequence)
        let b = events.filter { $0.writer == "b" }.map(\.sequence)
        let switches = zip(events, events.dropFirst()).filter { $0.writer != $1.writer }.count
        #expect(
            (a.min() ?? 0) < (b.max() ?? 0) && (b.min() ?? 0) < (a.max() ?? 0),
            "the writers did not overlap: a wrote \(a.min() ?? 0)...\(a.max() ?? 0), b \(b.min() ?? 0)...\(b.max() ?? 0)")

        let verified = try WriterChecks.verifyLedger(ledger)
        #expect(verified.status == 0, "cledger verify: \(verified.stdout)\(verified.stderr)")
        #expect(VerifyOutput(verified.stdout)?.events == total)
        let elapsed = WriterChecks.seconds(since: started)
        print("ConcurrencyTests: two writers, \(total) events, \(switches) switches between them, \(elapsed)")
    }

    /// `DataFileCheck.check` (Sources/LedgerStore/LMDB/DataFileCheck.swift) reads the meta pages
    /// before it takes data.mdb's size: a commit in between grows the file, never shrinks it, so
    /// the opener is never told "the file is truncated". strace delays each stat of the opener
    /// by 50 ms so that a commit lands in between.
    @Test(
        "a process that opens the ledger while another commits is not told that the ledger is damaged",
        .enabled(if: DurabilityTests.isOnPath("strace"), DurabilityTests.straceMissing))
    func openWhileAnotherCommits() throws {
        let temporary = TemporaryDirectory()
        let ledger = temporary.sub("ledger")
        let writer = try WriterChild.ledgerWriter(
            ledger, ["--create", "--writer", "w", "--commands", "0", "--events-per-command", "3", "--payload-bytes", "1000"])
        defer {
            writer.kill()
            _ = writer.wait()
        }
        try #require(writer.stdout.wait(forLines: 1, timeout: 60), "no ack within 60 s: \(writer.errorText)")
        var refusals: [String] = []
        for _ in 0..<3 {
            let result = try runProgram(
                URL(fileURLWithPath: "/usr/bin/env"),
                [
                    "strace", "-f", "-o", "/dev/null", "-e", "trace=newfstatat,fstat", "-e",
                    "inject=newfstatat,fstat:delay_exit=50000", Programs.cledger.path, "--store", ledger, "info",
                ])
            if result.status != 0 { refusals.append("exit \(result.status): \(result.stderr)") }
        }
        #expect(refusals.isEmpty, "cledger info while another process commits:\n\(WriterChecks.listed(refusals, count: 1))")
    }

    @Test("an append expecting a stream version another process has moved on is refused and appends nothing")
    func expectedVersionConflictAcrossProcesses() throws {
        let temporary = TemporaryDirectory()
        let ledger = temporary.sub("ledger")
        try WriterChecks.createBareLedger(ledger)

        // This process's store (the only one of this process on the ledger) reads the stream…
        let store = try LedgerStore(path: ledger)
        let version = try store.read { try $0.streamVersion("s-0") }
        #expect(version == 0)
        // …another process appends to it…
        let other = try runProgram(
            Programs.ledgerWriter,
            [ledger, "--writer", "other", "--commands", "1", "--events-per-command", "2", "--streams", "1"])
        #expect(other.status == 0, "ledger-writer: \(other.stderr)")
        #expect(other.stdout == "ack other 0 1 2\n")
        // …so this process's decision, made on version 0, is refused.
        let event = NewEvent(
            eventType: "TestEvent", schemaVersion: 1, effectiveDate: CalendarDate(year: 2018, month: 4, day: 6)!,
            actor: ActorRef(id: "writer-here", role: "test-writer"), payload: Array("here/0/0/1".utf8))
        #expect(throws: LedgerError.wrongExpectedVersion(streamId: "s-0", expected: .exactly(0), current: 2)) {
            try store.write { w in try w.append(to: "s-0", expectedVersion: .exactly(version), [event]) }
        }
        #expect(try store.read { try $0.eventCount() } == 2)
        // Decided again on the version now read, it is appended after the other process's events.
        let outcome = try store.write { w in try w.append(to: "s-0", expectedVersion: .exactly(2), [event]) }
        #expect(outcome.sequences == [3])
        #expect(store.openTransactionCount == 0)

        let verified = try WriterChecks.verifyLedger(ledger)
        #expect(verified.status == 0, "cledger verify: \(verified.stdout)\(verified.stderr)")
        #expect(VerifyOutput(verified.stdout)?.events == 3)
    }
}
