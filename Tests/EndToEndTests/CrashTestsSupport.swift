// Support for the crash, durability, concurrency and map-growth tests: a seeded generator, a
// `ledger-writer` child whose acknowledgements are read as they come, and checks of what the
// ledger holds against what was acknowledged.
import Foundation
import DemoHistory
import Glibc
import LedgerStore
import Testing


/// `ack <writer> <command> <first sequence> <last sequence>`, as `ledger-writer` prints it once
/// the command's write has committed.
struct WriterAck: Hashable, Sendable, CustomStringConvertible {
    var writer: String
    var command: Int
    var first: UInt64
    var last: UInt64

    init?(line: String) {
        let parts = line.split(separator: " ")
        guard parts.count == 5, parts[0] == "ack", let command = Int(parts[2]), let first = UInt64(parts[3]),
            let last = UInt64(parts[4])
        else { return nil }
        writer = String(parts[1])
        self.command = command
        self.first = first
        self.last = last
    }

    var description: String { "ack \(writer) \(command) \(first) \(last)" }
}

/// Lines one thread reads from a pipe while another waits for them.
///
/// `@unchecked Sendable`: every stored property is read and written only while `condition` is
/// locked.
final class WriterOutputLines: @unchecked Sendable {
    private let condition = NSCondition()
    private var partial: [UInt8] = []
    private var lines: [String] = []
    private var ended = false

    /// Adds bytes read from the pipe; an empty chunk is the end of the stream.
    func append(_ chunk: [UInt8]) {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        if chunk.isEmpty {
            if !partial.isEmpty { lines.append(String(decoding: partial, as: UTF8.self)) }
            partial = []
            ended = true
            return
        }
        for byte in chunk {
            if byte == UInt8(ascii: "\n") {
                lines.append(String(decoding: partial, as: UTF8.self))
                partial.removeAll(keepingCapacity: true)
            } else {
                partial.append(byte)
            }
        }
    }

    /// The complete lines so far (and, after the end, the last unterminated one).
    var snapshot: [String] {
        condition.lock()
        defer { condition.unlock() }
        return lines
    }

    /// Waits until there are `count` lines or the stream ended; false after `timeout` seconds.
    func wait(forLines count: Int, timeout: TimeInterval) -> Bool {
        wait(timeout: timeout) { lines.count >= count || ended }
    }

    /// Waits until the stream ends; false after `timeout` seconds.
    func waitForEnd(timeout: TimeInterval) -> Bool {
        wait(timeout: timeout) { ended }
    }

    private func wait(timeout: TimeInterval, until done: () -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while !done() {
            if !condition.wait(until: deadline) { return done() }
        }
        return true
    }

    /// Reads `handle` to its end on a thread of its own, adding what it reads to `self` as soon
    /// as each `read(2)` returns. (`FileHandle.read(upToCount:)` waits until it has the whole
    /// count or the end, so lines would arrive 64 KiB at a time.)
    func startReading(_ handle: FileHandle) {
        let thread = Thread { [self] in
            let fd = handle.fileDescriptor
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let got = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { break }
                append(Array(buffer[..<got]))
            }
            append([])
            try? handle.close()
        }
        thread.start()
    }
}

/// A program running as a child of the test, its standard output read line by line as it
/// comes and its standard error kept for failure messages.
final class WriterChild {
    let process = Process()
    let stdout = WriterOutputLines()
    let stderr = WriterOutputLines()
    let commandLine: String

    init(_ program: URL, _ arguments: [String]) throws {
        process.executableURL = program
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CLEDGER_STORE"] = nil
        environment["CLEDGER_CONTAINED"] = nil
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        commandLine = ([program.lastPathComponent] + arguments).joined(separator: " ")
        try process.run()
        stdout.startReading(out.fileHandleForReading)
        stderr.startReading(err.fileHandleForReading)
    }

    /// A child still running when its test ends (a failed `#require`) is killed, not left behind.
    deinit {
        if process.isRunning { kill() }
    }

    /// Sends SIGKILL: the process ends at once, without running any more of its code. Only while
    /// it runs, so that a reused process id is never signalled.
    func kill() {
        if process.isRunning { _ = Glibc.kill(process.processIdentifier, SIGKILL) }
    }

    /// How the process ended.
    enum Ending: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)
        /// It did not end, or its output did not, within the time allowed.
        case hung

        var description: String {
            switch self {
            case let .exited(status): return "exited with status \(status)"
            case let .signalled(signal): return "ended by signal \(signal)"
            case .hung: return "did not end in time"
            }
        }
    }

    /// Waits for the process and the end of its output.
    func wait(timeout: TimeInterval = 120) -> Ending {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while process.isRunning {
            if Date() > deadline {
                kill()
                return .hung
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        guard stdout.waitForEnd(timeout: 30), stderr.waitForEnd(timeout: 30) else { return .hung }
        return process.terminationReason == .uncaughtSignal
            ? .signalled(process.terminationStatus) : .exited(process.terminationStatus)
    }

    /// The acknowledgements printed so far, in order.
    var acks: [WriterAck] { stdout.snapshot.compactMap(WriterAck.init(line:)) }

    /// Standard error so far, for failure messages.
    var errorText: String { stderr.snapshot.joined(separator: "\n") }

    /// Starts `ledger-writer` on the ledger `directory`.
    static func ledgerWriter(_ directory: String, _ arguments: [String]) throws -> WriterChild {
        try WriterChild(Programs.ledgerWriter, [directory] + arguments)
    }
}

/// One event of the ledger as the tests look at it: where it is and the command it came from.
struct WriterEvent: Sendable {
    var sequence: UInt64
    var streamId: String
    var streamVersion: UInt64
    /// `<writer>/<command>/<index>/<K>` from the payload, without the dots after it.
    var writer: String
    var command: Int
    var index: Int
    var eventsPerCommand: Int
    var payloadBytes: Int

    /// `<writer>/<command>`: the events of one command share it.
    var commandKey: String { "\(writer)/\(command)" }

    init?(_ envelope: Envelope) {
        sequence = envelope.sequence
        streamId = envelope.streamId
        streamVersion = envelope.streamVersion
        payloadBytes = envelope.payload.count
        let text = String(decoding: envelope.payload.prefix { $0 != UInt8(ascii: ".") }, as: UTF8.self)
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, let command = Int(parts[1]), let index = Int(parts[2]), let k = Int(parts[3]) else {
            return nil
        }
        writer = String(parts[0])
        self.command = command
        self.index = index
        eventsPerCommand = k
    }
}

/// The head `cledger verify` printed (`verified N events; head SEQ:HASH`), and N.
struct VerifyOutput {
    var events: Int
    var head: String?

    init?(_ output: String) {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("verified ") }) else { return nil }
        let words = line.split(separator: " ")
        guard words.count >= 5, let count = Int(words[1].filter { $0.isNumber }) else { return nil }
        events = count
        let last = words[4].trimmingCharacters(in: CharacterSet(charactersIn: ";"))
        head = last == "none" ? nil : last
    }
}

/// The checks and helpers the crash, durability, concurrency and map-growth tests share.
enum WriterChecks {
    /// A positive integer from the environment variable `name`, else `fallback`.
    static func environmentInteger(_ name: String, default fallback: Int) -> Int {
        guard let text = ProcessInfo.processInfo.environment[name], let value = Int(text), value > 0 else { return fallback }
        return value
    }

    /// A seed from the environment variable `name` (decimal or 0x-hexadecimal), else a fresh one.
    static func environmentSeed(_ name: String) -> UInt64 {
        if let text = ProcessInfo.processInfo.environment[name] {
            let value = text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
            if let value { return value }
        }
        return UInt64.random(in: 1...UInt64.max)
    }

    /// The kill schedule's seed, from `CLEDGER_CRASH_SEED` or fresh, and the words every failure
    /// message ends with to replay it.
    static func killSchedule() -> (seed: UInt64, replay: String) {
        let seed = environmentSeed("CLEDGER_CRASH_SEED")
        return (seed, "seed \(seed) (replay the kill schedule with CLEDGER_CRASH_SEED=\(seed))")
    }

    /// Creates an empty bare log (no domain, so no domain reducer checks ledger-writer's synthetic
    /// events) at `directory`, as `ledger-writer --create` does, and closes it.
    static func createBareLedger(_ directory: String) throws {
        let store = try LedgerStore.create(at: directory)
        #expect(store.openTransactionCount == 0, "a transaction was left open")
    }

    /// Reads the ledger at `directory` through the LedgerStore API, read-only, in this process.
    ///
    /// LMDB allows one environment per directory in a process, so no other store of this process
    /// may have `directory` open meanwhile; the store is closed before this returns.
    static func readLedger(_ directory: String, from first: UInt64 = 1, mapSizeBytes: Int? = nil) throws -> (
        events: [WriterEvent], unreadable: [UInt64]
    ) {
        var options = LedgerStore.Options()
        options.readOnly = true
        if let mapSizeBytes { options.mapSizeBytesInitial = mapSizeBytes }
        let store = try LedgerStore(path: directory, options: options)
        var events: [WriterEvent] = []
        var unreadable: [UInt64] = []
        try store.read { reader in
            try reader.forEachEvent(from: first) { envelope in
                if let event = WriterEvent(envelope) { events.append(event) } else { unreadable.append(envelope.sequence) }
            }
        }
        #expect(store.openTransactionCount == 0, "a transaction was left open")
        return (events, unreadable)
    }

    /// What is wrong with `events` (in sequence order) as a log of whole `ledger-writer` commands:
    /// each command's events must be exactly K, indexes 0 to K−1, at consecutive sequences, in the
    /// stream `s-<command mod streams>` at consecutive stream versions, and no command may appear twice.
    static func wholeCommandProblems(_ events: [WriterEvent], streams: Int, seen: inout Set<String>) -> [String] {
        var problems: [String] = []
        var i = 0
        while i < events.count {
            let head = events[i]
            var group = [head]
            var j = i + 1
            while j < events.count, events[j].commandKey == head.commandKey, events[j].index > events[j - 1].index {
                group.append(events[j])
                j += 1
            }
            let where_ = "command \(head.commandKey) at sequences \(head.sequence)...\(group.last!.sequence)"
            if !seen.insert(head.commandKey).inserted {
                problems.append("\(where_): the command appears again (or its events are not contiguous)")
            }
            if group.count != head.eventsPerCommand || group.map(\.index) != Array(0..<head.eventsPerCommand) {
                problems.append(
                    "\(where_): \(group.count) events with indexes \(group.map(\.index)); a whole command has "
                        + "\(head.eventsPerCommand), indexes 0..<\(head.eventsPerCommand)")
            }
            let expectedStream = "s-\(head.command % streams)"
            for (offset, event) in group.enumerated() {
                if event.sequence != head.sequence + UInt64(offset) {
                    problems.append("\(where_): event \(offset) is at sequence \(event.sequence), not contiguous")
                }
                if event.streamId != expectedStream || event.streamVersion != head.streamVersion + UInt64(offset) {
                    problems.append(
                        "\(where_): event \(offset) is \(event.streamId) version \(event.streamVersion); expected "
                            + "\(expectedStream) version \(head.streamVersion + UInt64(offset))")
                }
            }
            i = j
        }
        return problems
    }

    /// What is wrong with the ledger as a whole: sequences must be gapless from `firstSequence`,
    /// and every stream's versions gapless from 1 (when `firstSequence` is 1).
    static func gaplessProblems(_ events: [WriterEvent], firstSequence: UInt64 = 1) -> [String] {
        var problems: [String] = []
        for (offset, event) in events.enumerated() where event.sequence != firstSequence + UInt64(offset) {
            problems.append("event at position \(offset) has sequence \(event.sequence), not \(firstSequence + UInt64(offset))")
            break
        }
        guard firstSequence == 1 else { return problems }
        var versions: [String: UInt64] = [:]
        for event in events {
            let expected = versions[event.streamId, default: 0] + 1
            if event.streamVersion != expected {
                problems.append(
                    "stream \(event.streamId): event \(event.sequence) is version \(event.streamVersion), not \(expected)")
            }
            versions[event.streamId] = event.streamVersion
        }
        return problems
    }

    /// What is wrong with `acks` against the events: each acknowledged command must be in the log,
    /// whole, at exactly the sequences its acknowledgement gave.
    static func ackProblems(_ acks: [WriterAck], in events: [WriterEvent]) -> [String] {
        var byCommand: [String: [WriterEvent]] = [:]
        for event in events { byCommand["\(event.writer)/\(event.command)", default: []].append(event) }
        var problems: [String] = []
        for ack in acks {
            let found = byCommand["\(ack.writer)/\(ack.command)"] ?? []
            let sequences = found.map(\.sequence)
            if sequences != Array(ack.first...ack.last) {
                problems.append("\(ack) was acknowledged, but the log holds that command at sequences \(sequences)")
            }
        }
        return problems
    }

    /// Runs `cledger --store DIR verify` (with `--expect HEAD` when given).
    static func verifyLedger(_ directory: String, expecting head: String? = nil) throws -> ProgramResult {
        var arguments = ["--store", directory, "verify"]
        if let head { arguments += ["--expect", head] }
        return try runProgram(Programs.cledger, arguments)
    }

    /// The first `count` problems, one a line, and how many more there were.
    static func listed(_ problems: [String], count: Int = 10) -> String {
        var text = problems.prefix(count).joined(separator: "\n")
        if problems.count > count { text += "\n… and \(problems.count - count) more" }
        return text
    }

    /// Seconds since `start`, for the timings the tests print.
    static func seconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        let value = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return String(format: "%.1f s", value)
    }
}
