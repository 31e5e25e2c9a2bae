import Foundation
import Glibc
import LedgerStore
import Testing

/// An acknowledgement is printed only after the command is on disk (DESIGN.md, "Durability").
///
/// A kill leaves the page cache intact, so CrashTests cannot show this; the system calls can.
/// LMDB 0.9.24 (Debian), measured on this machine with `strace -f -y`, commits a durable write
/// transaction as: the dirty pages with `pwrite64`/`writev` on its read-write descriptor of
/// `data.mdb`, then `fdatasync` of that descriptor, then the meta page (120 bytes, in page 0 or
/// 1) with `pwrite64` on a second descriptor of `data.mdb` opened `O_WRONLY|O_DSYNC`, so that the
/// meta write itself is synchronous. No `fsync` or `msync` is called (no MDB_WRITEMAP).
@Suite("Durability: an acknowledgement follows a flush to disk")
struct DurabilityTests {
    /// One system call of the trace that touches `data.mdb` or prints an acknowledgement.
    enum Call: Equatable {
        case dataWrite(fd: Int)
        case dataSync(fd: Int, call: String)
        case metaWrite(fd: Int, offset: Int, bytes: Int)
        case ack(String)
    }

    struct Trace {
        var calls: [Call] = []
        /// Descriptors of `data.mdb` and the flags each was opened with.
        var openFlags: [Int: String] = [:]
        var unparsed: [String] = []
    }

    /// Whether `name` is an executable file in a directory of `PATH`.
    static func isOnPath(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { access("\($0)/\(name)", X_OK) == 0 }
    }

    static let straceMissing: Comment = "strace is not on PATH: Tools/test installs it (apt-get install strace)"

    static let tracedCalls = "fdatasync,fsync,msync,write,writev,pwrite64,pwritev,pwritev2,openat,sync_file_range"

    /// Parses `strace -f -y` output, joining calls that strace split around another thread's.
    static func parse(_ text: String) -> Trace {
        var trace = Trace()
        var pending: [String: String] = [:]  // pid → the start of an unfinished call
        var joined: [String] = []
        for raw in text.split(separator: "\n").map(String.init) {
            let pid = String(raw.prefix { $0 != " " })
            // strace pads the pid to five digits: "7330  openat(…".
            let rest = String(raw.dropFirst(pid.count).drop { $0 == " " })
            if rest.hasSuffix("<unfinished ...>") {
                pending[pid] = String(rest.dropLast("<unfinished ...>".count))
            } else if rest.hasPrefix("<... "), let start = pending.removeValue(forKey: pid),
                let resumed = rest.range(of: " resumed>")
            {
                joined.append(start + rest[resumed.upperBound...])
            } else {
                joined.append(rest)
            }
        }
        for line in joined {
            guard let open = line.firstIndex(of: "(") else { continue }
            let name = String(line[..<open])
            let arguments = line[line.index(after: open)...]
            // The first argument: "4</tmp/…/data.mdb>" with -y.
            let firstArgument = arguments.prefix { $0 != "," && $0 != ")" }
            let fd = Int(firstArgument.prefix { $0.isNumber }) ?? -1
            let isDataFile = firstArgument.hasSuffix("/data.mdb>")
            if name == "openat" {
                guard line.contains("/data.mdb\","), let result = line.range(of: ") = ", options: .backwards),
                    let descriptor = Int(line[result.upperBound...].prefix { $0.isNumber })
                else { continue }
                let flags = line.split(separator: ",").dropFirst(2).first.map { $0.trimmingCharacters(in: .whitespaces) }
                trace.openFlags[descriptor] = flags ?? ""
            } else if name == "write" && fd == 1 {
                if let quote = arguments.range(of: "\"ack ") {
                    let text = arguments[quote.lowerBound...].dropFirst().prefix { $0 != "\\" && $0 != "\"" }
                    trace.calls.append(.ack(String(text)))
                }
            } else if name == "msync" {
                trace.calls.append(.dataSync(fd: -1, call: name))  // a map flush names no descriptor
            } else if !isDataFile {
                continue
            } else if ["fdatasync", "fsync", "sync_file_range"].contains(name) {
                trace.calls.append(.dataSync(fd: fd, call: name))
            } else if name == "pwrite64" {
                // pwrite64(fd, "…"..., COUNT, OFFSET) = COUNT
                let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                guard fields.count >= 4, let bytes = Int(fields[fields.count - 2]),
                    let offset = Int(fields[fields.count - 1].prefix { $0.isNumber })
                else {
                    trace.unparsed.append(line)
                    continue
                }
                if trace.openFlags[fd]?.contains("O_DSYNC") == true {
                    trace.calls.append(.metaWrite(fd: fd, offset: offset, bytes: bytes))
                } else {
                    trace.calls.append(.dataWrite(fd: fd))
                }
            } else if ["write", "writev", "pwritev", "pwritev2"].contains(name) {
                trace.calls.append(.dataWrite(fd: fd))
            }
        }
        return trace
    }

    @Test(
        "before each ack: the data pages, fdatasync of data.mdb, then the meta page through an O_DSYNC descriptor",
        .enabled(if: DurabilityTests.isOnPath("strace"), DurabilityTests.straceMissing))
    func ackFollowsFlush() throws {
        let temporary = TemporaryDirectory()
        let ledger = temporary.sub("ledger")
        let traceFile = temporary.sub("trace.txt")
        let commands = 3
        let result = try runProgram(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "strace", "-f", "-y", "-e", "trace=\(Self.tracedCalls)", "-o", traceFile, Programs.ledgerWriter.path, ledger,
                "--create", "--commands", "\(commands)", "--events-per-command", "1",
            ])
        try #require(result.status == 0, "strace ledger-writer: \(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == commands)
        let text = try String(contentsOfFile: traceFile, encoding: .utf8)
        let trace = Self.parse(text)
        #expect(trace.unparsed.isEmpty, "lines of the trace not understood: \(trace.unparsed)")

        // data.mdb is opened twice: read-write for the pages, write-only O_DSYNC for the meta pages.
        let syncDescriptors = trace.openFlags.filter { $0.value.contains("O_DSYNC") }.map(\.key)
        let plainDescriptors = trace.openFlags.filter { $0.value.contains("O_RDWR") }.map(\.key)
        try #require(syncDescriptors.count == 1 && plainDescriptors.count == 1, "data.mdb opened as \(trace.openFlags)")
        let pageBytes = Int(sysconf(Int32(_SC_PAGESIZE)))

        var window: [Call] = []  // the calls since the previous ack
        var acks = 0
        for call in trace.calls {
            guard case let .ack(line) = call else {
                window.append(call)
                continue
            }
            acks += 1
            // The last commit before this ack: its sync, and the meta write after it, and nothing
            // else written to data.mdb after the sync.
            let syncIndex = window.lastIndex { if case .dataSync = $0 { return true } else { return false } }
            guard let syncIndex else {
                Issue.record("'\(line)' was printed with no fdatasync of data.mdb since the previous ack: \(window)")
                window = []
                continue
            }
            #expect(
                window[syncIndex] == .dataSync(fd: plainDescriptors[0], call: "fdatasync"),
                "'\(line)': the flush is \(window[syncIndex]); LMDB 0.9.24 calls fdatasync on data.mdb")
            let after = Array(window[(syncIndex + 1)...])
            #expect(after.count == 1, "'\(line)': after the fdatasync came \(after); expected only the meta page write")
            if case let .metaWrite(fd, offset, bytes)? = after.last {
                #expect(fd == syncDescriptors[0])
                #expect(offset % pageBytes == 32 && offset < 2 * pageBytes, "'\(line)': meta write at offset \(offset)")
                #expect(bytes == 120, "'\(line)': meta write of \(bytes) bytes")
            } else {
                Issue.record("'\(line)' was printed before the meta page was written through the O_DSYNC descriptor: \(after)")
            }
            window = []
        }
        #expect(acks == commands, "\(acks) acks in the trace, \(commands) printed")
    }

    @Test("a store opened with the default options is durable; one opened in bulk mode is not")
    func durableUnlessBulk() throws {
        let temporary = TemporaryDirectory()
        let directory = temporary.sub("ledger")
        do {
            let store = try LedgerStore.create(at: directory)
            #expect(store.isDurable)
            #expect(store.openTransactionCount == 0)
        }
        do {
            var options = LedgerStore.Options()
            options.bulk = true
            let store = try LedgerStore(path: directory, options: options)
            #expect(!store.isDurable)
            try store.write { w in
                try w.append(
                    to: "s-0",
                    [
                        NewEvent(
                            eventType: "TestEvent", schemaVersion: 1, effectiveDate: CalendarDate(year: 2018, month: 4, day: 6)!,
                            actor: ActorRef(id: "a", role: "r"), payload: [1])
                    ])
            }
            try store.flush()
            #expect(store.openTransactionCount == 0)
        }
        do {
            let store = try LedgerStore(path: directory)
            #expect(store.isDurable, "bulk mode must not stay with the ledger after the bulk store closes")
            #expect(try store.read { try $0.eventCount() } == 1)
        }
    }
}
