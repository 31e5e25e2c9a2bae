import Foundation
import LedgerStore
import Testing

/// The map starts tiny and grows as the log does, while other processes read
/// (DESIGN.md: "on MDB_MAP_FULL: abort, grow, decide again; on MDB_MAP_RESIZED from another
/// process: adopt the new size; the user never sees either code").
@Suite("Map growth: from a 64 KiB map to 50 MiB while others read")
struct MapGrowthTests {
    static let dataBytesMin = 50 << 20
    static let mapBytesInitial = 64 << 10
    // 4,500 commands × 10 events of 1,000 bytes: ~62 MiB of data.mdb (~1,430 bytes an event).
    static let commands = 4_500
    static let eventsPerCommand = 10
    static let payloadBytes = 1_000

    @Test("a writer from a 64 KiB map to ≥ 50 MiB; cledger and a 64 KiB-map reader read throughout")
    func growsWhileOthersRead() throws {
        let temporary = TemporaryDirectory()
        let ledger = temporary.sub("ledger")
        let started = ContinuousClock.now
        let writer = try WriterChild.ledgerWriter(
            ledger,
            [
                "--create", "--writer", "g", "--map-size", "\(Self.mapBytesInitial)", "--commands", "\(Self.commands)",
                "--events-per-command", "\(Self.eventsPerCommand)", "--payload-bytes", "\(Self.payloadBytes)",
            ])
        // The readers begin once the ledger exists (its creation is not what this test is about).
        try #require(writer.stdout.wait(forLines: 1, timeout: 60), "no ack within 60 s: \(writer.errorText)")

        // Another process: cledger (its map is 1 GiB) verifies and shows the ledger, over and over.
        let cledgerLog = ReaderLog()
        let cledgerDone = Self.onThread {
            var verifyNext = true
            while !cledgerLog.shouldStop {
                do {
                    let result = try runProgram(Programs.cledger, ["--store", ledger, verifyNext ? "verify" : "info"])
                    if result.status != 0 {
                        cledgerLog.fail("cledger \(verifyNext ? "verify" : "info") exited \(result.status): \(result.stderr)")
                    } else if verifyNext, let report = VerifyOutput(result.stdout) {
                        cledgerLog.read(count: UInt64(report.events))
                    } else if !verifyNext {
                        cledgerLog.read(count: nil)
                    } else {
                        cledgerLog.fail("cledger verify printed: \(result.stdout)")
                    }
                } catch {
                    cledgerLog.fail("cledger could not run: \(error)")
                }
                verifyNext.toggle()
            }
        }
        // This process: a store opened with a 64 KiB map, which must adopt each size the writer
        // sets (MDB_MAP_RESIZED) to go on reading. The only store of this process on the ledger.
        let apiLog = ReaderLog()
        let apiDone = Self.onThread {
            do {
                var options = LedgerStore.Options()
                options.readOnly = true
                options.mapSizeBytesInitial = Self.mapBytesInitial
                let store: LedgerStore
                do {
                    store = try LedgerStore(path: ledger, options: options)
                } catch {
                    return apiLog.fail("the 64 KiB-map reader could not open the ledger: \(error)")
                }
                while !apiLog.shouldStop {
                    let count = try store.read { reader -> UInt64 in
                        guard let head = try reader.head() else { return 0 }
                        // The newest event, from the newest pages of the map.
                        guard let last = try reader.event(at: head.sequence), let event = WriterEvent(last) else {
                            apiLog.fail("event \(head.sequence), the head, cannot be read as a ledger-writer event")
                            return head.sequence
                        }
                        if event.payloadBytes != Self.payloadBytes {
                            apiLog.fail("event \(head.sequence) has \(event.payloadBytes) bytes")
                        }
                        return try reader.eventCount()
                    }
                    apiLog.read(count: count, mapSize: store.mapSizeBytes)
                    if store.openTransactionCount != 0 { apiLog.fail("a transaction was left open") }
                    usleep(5_000)
                }
            } catch {
                apiLog.fail("the 64 KiB-map reader: \(error)")
            }
        }

        let ending = writer.wait(timeout: 600)
        cledgerLog.stop()
        apiLog.stop()
        cledgerDone.wait()
        apiDone.wait()
        #expect(ending == .exited(0), "\(writer.commandLine) \(ending): \(writer.errorText)")
        #expect(writer.acks.count == Self.commands)
        #expect(cledgerLog.failures.isEmpty, "\(WriterChecks.listed(cledgerLog.failures))")
        #expect(apiLog.failures.isEmpty, "\(WriterChecks.listed(apiLog.failures))")
        #expect(cledgerLog.reads >= 2, "cledger read only \(cledgerLog.reads) times while the ledger grew")
        #expect(apiLog.mapSizes.count >= 2, "the 64 KiB-map reader saw map sizes \(apiLog.mapSizes): it never had to adopt one")

        let (events, unreadable) = try WriterChecks.readLedger(ledger)
        #expect(unreadable.isEmpty)
        var seen = Set<String>()
        let problems =
            WriterChecks.wholeCommandProblems(events, streams: 16, seen: &seen) + WriterChecks.gaplessProblems(events)
            + WriterChecks.ackProblems(writer.acks, in: events)
        #expect(problems.isEmpty, "\(WriterChecks.listed(problems))")
        #expect(events.count == Self.commands * Self.eventsPerCommand)
        let verified = try WriterChecks.verifyLedger(ledger)
        #expect(verified.status == 0, "cledger verify: \(verified.stdout)\(verified.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: ledger + "/data.mdb")
        let dataBytes = (attributes[.size] as? NSNumber)?.intValue ?? 0
        #expect(dataBytes >= Self.dataBytesMin, "data.mdb is \(dataBytes) bytes")
        print(
            "MapGrowthTests: data.mdb \(dataBytes >> 20) MiB, \(events.count) events in \(WriterChecks.seconds(since: started)); "
                + "cledger read \(cledgerLog.reads) times; the 64 KiB-map reader read \(apiLog.reads) times "
                + "at \(apiLog.mapSizes.count) map sizes up to \(apiLog.mapSizes.last ?? 0) bytes")
    }

    @Test("two writers, each from a 64 KiB map, grow the same ledger: each adopts the other's size")
    func twoTinyMapWriters() throws {
        let temporary = TemporaryDirectory()
        let ledger = temporary.sub("ledger")
        let started = ContinuousClock.now
        try WriterChecks.createBareLedger(ledger)
        let commands = 500
        let arguments = [
            "--map-size", "\(Self.mapBytesInitial)", "--commands", "\(commands)", "--events-per-command", "4",
            "--payload-bytes", "\(Self.payloadBytes)",
        ]
        let writers = try ["a", "b"].map { try WriterChild.ledgerWriter(ledger, ["--writer", $0] + arguments) }
        for writer in writers {
            let ending = writer.wait(timeout: 300)
            #expect(ending == .exited(0), "\(writer.commandLine) \(ending): \(writer.errorText)")
            #expect(writer.acks.count == commands)
        }
        let (events, _) = try WriterChecks.readLedger(ledger)
        var seen = Set<String>()
        let problems =
            WriterChecks.wholeCommandProblems(events, streams: 16, seen: &seen) + WriterChecks.gaplessProblems(events)
            + WriterChecks.ackProblems(writers.flatMap(\.acks), in: events)
        #expect(problems.isEmpty, "\(WriterChecks.listed(problems))")
        #expect(events.count == writers.flatMap(\.acks).count * 4)
        let verified = try WriterChecks.verifyLedger(ledger)
        #expect(verified.status == 0, "cledger verify: \(verified.stdout)\(verified.stderr)")
        print("MapGrowthTests: two 64 KiB-map writers, \(events.count) events in \(WriterChecks.seconds(since: started))")
    }

    /// What the readers running beside a growing ledger saw. `@unchecked Sendable`: every stored
    /// property is read and written only while `lock` is held.
    final class ReaderLog: @unchecked Sendable {
        private let lock = NSLock()
        private var _failures: [String] = []
        private var _reads = 0
        private var _mapSizes = Set<Int>()
        private var _lastCount: UInt64 = 0
        private var _stop = false

        var failures: [String] { lock.withLock { _failures } }
        var reads: Int { lock.withLock { _reads } }
        var mapSizes: [Int] { lock.withLock { _mapSizes.sorted() } }
        var shouldStop: Bool { lock.withLock { _stop } }

        func stop() { lock.withLock { _stop = true } }

        func fail(_ text: String) { lock.withLock { if _failures.count < 20 { _failures.append(text) } } }

        /// Notes a read that saw `count` events (never fewer than the read before), and `mapSize`.
        func read(count: UInt64?, mapSize: Int? = nil) {
            lock.withLock {
                _reads += 1
                if let count {
                    if count < _lastCount { _failures.append("a read saw \(count) events after one saw \(_lastCount)") }
                    _lastCount = max(_lastCount, count)
                }
                if let mapSize { _mapSizes.insert(mapSize) }
            }
        }
    }

    /// Runs `body` on a thread of its own; the returned semaphore is signalled when it is done.
    static func onThread(_ body: @escaping @Sendable () -> Void) -> DispatchSemaphore {
        let done = DispatchSemaphore(value: 0)
        Thread {
            body()
            done.signal()
        }.start()
        return done
    }
}
