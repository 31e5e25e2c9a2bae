import Foundation
import LedgerStore
import Testing

/// init, info, log, export, backup and the store option, run as a user runs them.
@Suite("cledger store commands end to end")
struct StoreCommandTests {
    /// ledger-writer: 4 commands of 3 events on streams s-0 and s-1, 100-byte payloads.
    /// s-0 holds events 1, 2, 3, 7, 8, 9; s-1 holds 4, 5, 6, 10, 11, 12.
    static let commands = 4
    static let eventsPerCommand = 3
    static let payloadBytes = 100

    static func twelveEventLedger(_ dir: TemporaryDirectory, name: String = "ledger") throws -> String {
        let store = dir.sub(name)
        try EndToEndLedger.fill(store, commands: commands, eventsPerCommand: eventsPerCommand, streams: 2, payloadBytes: payloadBytes)
        return store
    }

    static func envelopes(_ store: String) throws -> [Envelope] {
        try EndToEndLedger.withStore(store) { s in
            try s.read { r in
                var all: [Envelope] = []
                try r.forEachEvent { all.append($0) }
                return all
            }
        }
    }

    /// The line `cledger log` prints for an event.
    static func logLine(_ e: Envelope) -> String {
        var line = "\(e.sequence)  \(e.recordedAt)  effective \(e.effectiveDate)  \(e.streamId) v\(e.streamVersion)"
        line += "  \(e.eventType)/\(e.schemaVersion)  by \(e.actor.id) as \(e.actor.role)  recorded by \(e.recordedBy)"
        if let key = e.idempotencyKey { line += "  key \(key)" }
        return line + "  \(e.payload.count) bytes  hash \(e.hash.description.prefix(16))"
    }

    static func logOutput(_ events: [Envelope]) -> String {
        events.map { logLine($0) + "\n" }.joined()
    }

    /// `1.2 MiB (1,234,567 bytes)`, as info and backup print sizes.
    static func humanBytes(_ bytes: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        formatter.usesGroupingSeparator = true
        let exact = formatter.string(from: NSNumber(value: bytes))!
        var value = Double(bytes)
        var unit = 0
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(exact) bytes" }
        return "\((value * 10).rounded() / 10) \(units[unit]) (\(exact) bytes)"
    }

    static func fileSize(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    }

    // MARK: init and info

    @Test("init creates an empty ledger; a second init is refused and changes nothing")
    func initOnce() throws {
        let dir = TemporaryDirectory()
        let store = dir.sub("new/ledger")
        let created = try cledger("--store", store, "init")
        #expect(created.status == 0)
        #expect(created.stderr == "")
        #expect(created.stdout == "created an empty commissioning ledger at \(store) (format 2)\n")
        let before = try EndToEndLedger.contents(of: EndToEndLedger.dataFile(store))

        let again = try cledger("--store", store, "init")
        #expect(again.status == 1)
        #expect(again.stdout == "")
        #expect(again.stderr == "cledger: error: \(store) already holds a ledger; init creates a new one only where none exists.\n")
        #expect(try EndToEndLedger.contents(of: EndToEndLedger.dataFile(store)) == before)

        let info = try cledger("--store", store, "info")
        #expect(info.status == 0)
        let rows = EndToEndLedger.infoRows(info.stdout)
        #expect(rows["events"] == "0")
        #expect(rows["head"] == "none (empty ledger)")
        #expect(rows["last recorded"] == nil)
        let verify = try cledger("--store", store, "verify")
        #expect(verify.status == 0)
        #expect(verify.stdout == "verified 0 events; head none\n")
    }

    @Test("info prints the events, the head that verify prints, sizes, and the walked structure")
    func infoLines() throws {
        let dir = TemporaryDirectory()
        let started = LedgerInstant(microsecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1_000_000) - 1_000_000)
        let store = try Self.twelveEventLedger(dir)
        let (head, created) = try EndToEndLedger.withStore(store) { s in
            try s.read { r in (try #require(try r.head()), try #require(try r.createdAt())) }
        }
        #expect(head.sequence == 12)
        #expect(created >= started && created <= head.recordedAt)

        let info = try cledger("--store", store, "info")
        #expect(info.status == 0)
        #expect(info.stderr == "")
        let size = try Self.fileSize(EndToEndLedger.dataFile(store))
        let rows: [(String, String)] = [
            ("ledger", store), ("format", "2"), ("events", "12"), ("head", "\(head)"),
            ("last recorded", "\(head.recordedAt)"), ("created", "\(created)"), ("data.mdb", Self.humanBytes(size)),
            ("map size", "1.0 GiB (1,073,741,824 bytes)"),
            ("structure", "walked: events 12, streams 2, stream-links 12, idempotency 0, state 0, checkpoints 0, meta 3"),
        ]
        #expect(info.stdout == rows.map { $0.0.padding(toLength: 13, withPad: " ", startingAt: 0) + "  " + $0.1 + "\n" }.joined())

        let verify = try cledger("--store", store, "verify")
        #expect(verify.status == 0)
        #expect(verify.stdout == "verified 12 events; head \(EndToEndLedger.infoRows(info.stdout)["head"] ?? "?")\n")
        #expect(verify.stderr == "")
    }

    // MARK: log

    struct Selection: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var sequences: [UInt64]
        var testDescription: String { arguments.isEmpty ? "everything" : arguments.joined(separator: " ") }
    }

    static let selections: [Selection] = [
        Selection(arguments: [], sequences: Array(1...12)),
        Selection(arguments: ["--stream", "s-1"], sequences: [4, 5, 6, 10, 11, 12]),
        Selection(arguments: ["--stream", "s-0"], sequences: [1, 2, 3, 7, 8, 9]),
        Selection(arguments: ["--stream", "s-9"], sequences: []),
        Selection(arguments: ["--stream", "s"], sequences: []),
        Selection(arguments: ["--from", "1"], sequences: Array(1...12)),
        Selection(arguments: ["--from", "5"], sequences: Array(5...12)),
        Selection(arguments: ["--from", "12"], sequences: [12]),
        Selection(arguments: ["--from", "13"], sequences: []),
        Selection(arguments: ["--stream", "s-1", "--from", "7"], sequences: [10, 11, 12]),
        Selection(arguments: ["--limit", "1"], sequences: [1]),
        Selection(arguments: ["--limit", "2"], sequences: [1, 2]),
        Selection(arguments: ["--limit", "12"], sequences: Array(1...12)),
        Selection(arguments: ["--limit", "13"], sequences: Array(1...12)),
        Selection(arguments: ["--stream", "s-1", "--from", "5", "--limit", "3"], sequences: [5, 6, 10]),
        Selection(arguments: ["--from", "11", "--limit", "5"], sequences: [11, 12]),
    ]

    @Test("log prints one readable line per selected event, oldest first", arguments: selections)
    func logSelection(_ selection: Selection) throws {
        let dir = TemporaryDirectory()
        let store = try Self.twelveEventLedger(dir)
        let all = try Self.envelopes(store)
        #expect(all.count == 12)
        let selected = selection.sequences.map { all[Int($0) - 1] }
        let log = try runProgram(Programs.cledger, ["--store", store, "log"] + selection.arguments)
        #expect(log.status == 0)
        #expect(log.stderr == "")
        #expect(log.stdout == Self.logOutput(selected))
        // What each line says, independently of the envelopes read back.
        for (line, e) in zip(log.stdout.split(separator: "\n"), selected) {
            let command = (Int(e.sequence) - 1) / Self.eventsPerCommand
            #expect(line.hasPrefix("\(e.sequence)  "))
            #expect(line.contains("  effective 2018-04-06  s-\(command % 2) v"))
            #expect(line.contains("  TestEvent/1  by writer-w as test-writer  recorded by "))
            #expect(line.contains("  \(Self.payloadBytes) bytes  hash "))
        }

        if !selection.arguments.contains("--limit") {
            let export = try runProgram(Programs.cledger, ["--store", store, "export"] + selection.arguments)
            #expect(export.status == 0)
            #expect(export.stderr == "")
            let sequences = try export.stdout.split(separator: "\n").map { line in
                try #require(try Self.jsonObject(line)["sequence"] as? Int)
            }
            #expect(sequences == selection.sequences.map { Int($0) })
        }
    }

    /// A ledger on a simulated clock, created 2018-04-01 09:00 UTC:
    /// 1: bid-1, recorded 2018-04-05 10:00 UTC;
    /// 2: fund-community, recorded 2018-04-06 23:30 UTC (00:30 on 7 April in London), with an
    ///    idempotency key, a causation id and an actor id that JSON must escape;
    /// 3, 4: bid-1, one write, recorded 2018-04-08 12:00 UTC.
    static func historyLedger(_ dir: TemporaryDirectory) throws -> String {
        let path = dir.sub("history")
        let clock = SimulatedClock(LedgerInstant(utcDate: CalendarDate(year: 2018, month: 4, day: 1)!, seconds: 9 * 3600))
        var options = LedgerStore.Options()
        options.clock = clock
        options.recordedBy = "clerk"
        let store = try LedgerStore.create(at: path, options: options)
        let applicant = ActorRef(id: "applicant-12", role: "applicant")
        clock.set(LedgerInstant(utcDate: CalendarDate(year: 2018, month: 4, day: 5)!, seconds: 10 * 3600))
        try store.write { w in
            try w.append(to: "bid-1", [
                NewEvent(
                    eventType: "BidSubmitted", schemaVersion: 1, effectiveDate: CalendarDate(year: 2018, month: 4, day: 5)!,
                    actor: applicant, correlationId: "corr-1", payload: [1, 2, 3])
            ])
        }
        clock.set(LedgerInstant(utcDate: CalendarDate(year: 2018, month: 4, day: 6)!, seconds: 23 * 3600 + 30 * 60))
        try store.write(idempotency: IdempotencyClaim(key: "pay-2018-0001", content: Array("pay 2500.00".utf8))) { w in
            try w.append(to: "fund-community", [
                NewEvent(
                    eventType: "PaymentMade", schemaVersion: 2, effectiveDate: CalendarDate(year: 2018, month: 3, day: 28)!,
                    actor: ActorRef(id: "officer \"7\" \\ é ✓", role: "finance officer"), correlationId: "corr-1",
                    causationId: "cause-9", payload: Array("2500.00".utf8))
            ])
        }
        clock.set(LedgerInstant(utcDate: CalendarDate(year: 2018, month: 4, day: 8)!, seconds: 12 * 3600))
        try store.write { w in
            let scored = NewEvent(
                eventType: "PanelScored", schemaVersion: 1, effectiveDate: CalendarDate(year: 2018, month: 4, day: 8)!,
                actor: ActorRef(id: "panel-3", role: "panel chair"), payload: [])
            try w.append(to: "bid-1", [scored, scored])
        }
        #expect(store.openTransactionCount == 0)
        return path
    }

    struct KnownAt: Sendable, CustomTestStringConvertible {
        var value: String
        var stream: String?
        var sequences: [UInt64]
        var testDescription: String { "--known-at \(value)" + (stream.map { " --stream \($0)" } ?? "") }
    }

    static let knownAts: [KnownAt] = [
        KnownAt(value: "2018-04-01T09:00:00Z", sequences: []),  // when the ledger was created
        KnownAt(value: "2018-04-01", sequences: []),
        KnownAt(value: "2018-04-05", sequences: [1]),
        KnownAt(value: "2018-04-06", sequences: [1]),  // event 2 came at 00:30 on 7 April, London time
        KnownAt(value: "2018-04-07", sequences: [1, 2]),
        KnownAt(value: "2018-04-08", sequences: [1, 2, 3, 4]),
        KnownAt(value: "2018-04-05T10:00:00Z", sequences: [1]),
        KnownAt(value: "2018-04-05T09:59:59.999999Z", sequences: []),
        KnownAt(value: "2018-04-06T23:30:00Z", sequences: [1, 2]),
        KnownAt(value: "2018-04-06T23:29:59.999999Z", sequences: [1]),
        KnownAt(value: "2018-04-07T00:30:00+01:00", sequences: [1, 2]),
        KnownAt(value: "2018-04-07T00:29:59+01:00", sequences: [1]),
        KnownAt(value: "2018-04-06T19:30:00-04:00", sequences: [1, 2]),
        KnownAt(value: "2018-04-08T13:00:00+01:00", sequences: [1, 2, 3, 4]),
        KnownAt(value: "2018-04-08T12:59:59.9+01:00", sequences: [1, 2]),
        KnownAt(value: "2018-04-08", stream: "bid-1", sequences: [1, 3, 4]),
        KnownAt(value: "2018-04-07", stream: "bid-1", sequences: [1]),
        KnownAt(value: "2018-04-07", stream: "fund-community", sequences: [2]),
    ]

    @Test("log and export --known-at show what was recorded by a date's London end or an instant", arguments: knownAts)
    func knownAt(_ k: KnownAt) throws {
        let dir = TemporaryDirectory()
        let store = try Self.historyLedger(dir)
        let all = try Self.envelopes(store)
        var arguments = ["--store", store, "log", "--known-at", k.value]
        if let stream = k.stream { arguments += ["--stream", stream] }
        let log = try runProgram(Programs.cledger, arguments)
        #expect(log.status == 0)
        #expect(log.stderr == "")
        #expect(log.stdout == Self.logOutput(k.sequences.map { all[Int($0) - 1] }))

        arguments[2] = "export"
        let export = try runProgram(Programs.cledger, arguments)
        #expect(export.status == 0)
        #expect(export.stderr == "")
        let sequences = try export.stdout.split(separator: "\n").map { try #require(try Self.jsonObject($0)["sequence"] as? Int) }
        #expect(sequences == k.sequences.map { Int($0) })
    }

    // MARK: export

    static let exportFields = [
        "sequence", "streamId", "streamVersion", "eventType", "schemaVersion", "recordedAt", "recordedBy", "effectiveDate",
        "actor", "correlationId", "causationId", "idempotencyKey", "commandDigest", "payloadBase64", "hash",
    ]

    static func jsonObject(_ line: some StringProtocol) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(String(line).utf8))
        return try #require(object as? [String: Any], "not a JSON object: \(line)")
    }

    /// A JSON string as a String, JSON null as nil, anything else as a description that
    /// matches no field.
    static func stringOrNull(_ value: Any?) -> String? {
        if value is NSNull { return nil }
        if let string = value as? String { return string }
        return "<not a string or null: \(String(describing: value))>"
    }

    /// Checks that every line of `stdout` is a JSON object with exactly the documented fields, in
    /// the documented order, equal to what the store holds.
    static func expectExport(_ stdout: String, _ events: [Envelope]) throws {
        let lines = stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        #expect(lines.count == events.count + 1)
        for (line, e) in zip(lines, events) {
            let object = try jsonObject(line)
            #expect(Set(object.keys) == Set(exportFields), "\(line)")
            #expect(object["sequence"] as? Int == Int(e.sequence))
            #expect(object["streamId"] as? String == e.streamId)
            #expect(object["streamVersion"] as? Int == Int(e.streamVersion))
            #expect(object["eventType"] as? String == e.eventType)
            #expect(object["schemaVersion"] as? Int == Int(e.schemaVersion))
            #expect(object["recordedAt"] as? String == e.recordedAt.description)
            #expect(object["recordedBy"] as? String == e.recordedBy)
            #expect(object["effectiveDate"] as? String == e.effectiveDate.description)
            #expect(object["actor"] as? [String: String] == ["id": e.actor.id, "role": e.actor.role])
            #expect(stringOrNull(object["correlationId"]) == e.correlationId)
            #expect(stringOrNull(object["causationId"]) == e.causationId)
            #expect(stringOrNull(object["idempotencyKey"]) == e.idempotencyKey)
            #expect(stringOrNull(object["commandDigest"]) == e.commandDigest?.description)
            #expect(object["payloadBase64"] as? String == Data(e.payload).base64EncodedString())
            #expect(object["hash"] as? String == e.hash.description)
            let positions = exportFields.compactMap { line.range(of: "\"\($0)\":")?.lowerBound }
            #expect(positions.count == exportFields.count && positions == positions.sorted(), "fields out of order: \(line)")
        }
    }

    @Test("export prints each event as one JSON object with the documented fields; the payload is what ledger-writer wrote")
    func exportLedgerWriterEvents() throws {
        let dir = TemporaryDirectory()
        let store = try Self.twelveEventLedger(dir)
        let events = try Self.envelopes(store)
        let export = try cledger("--store", store, "export")
        #expect(export.status == 0)
        #expect(export.stderr == "")
        try Self.expectExport(export.stdout, events)
        for (n, line) in export.stdout.split(separator: "\n").enumerated() {
            let object = try Self.jsonObject(line)
            let (command, index) = (n / Self.eventsPerCommand, n % Self.eventsPerCommand)
            let base64 = try #require(object["payloadBase64"] as? String)
            let payload = try #require(Data(base64Encoded: base64))
            #expect(
                Array(payload)
                    == EndToEndLedger.payload(
                        command: command, index: index, eventsPerCommand: Self.eventsPerCommand, payloadBytes: Self.payloadBytes))
            #expect(object["sequence"] as? Int == n + 1)
            #expect(object["streamId"] as? String == "s-\(command % 2)")
            #expect(object["eventType"] as? String == "TestEvent")
            #expect(object["schemaVersion"] as? Int == 1)
            #expect(object["effectiveDate"] as? String == "2018-04-06")
            #expect(object["actor"] as? [String: String] == ["id": "writer-w", "role": "test-writer"])
            #expect(object["idempotencyKey"] is NSNull)
            #expect(object["commandDigest"] is NSNull)
            #expect(object["correlationId"] is NSNull)
            #expect(object["causationId"] is NSNull)
        }
    }

    @Test("export escapes strings as JSON and carries ids, idempotency key, command digest and an empty payload")
    func exportHistory() throws {
        let dir = TemporaryDirectory()
        let store = try Self.historyLedger(dir)
        let events = try Self.envelopes(store)
        let export = try cledger("--store", store, "export")
        #expect(export.status == 0)
        #expect(export.stderr == "")
        try Self.expectExport(export.stdout, events)
        let lines = export.stdout.split(separator: "\n")
        try #require(lines.count == 4)
        let payment = try Self.jsonObject(lines[1])
        #expect(payment["actor"] as? [String: String] == ["id": "officer \"7\" \\ é ✓", "role": "finance officer"])
        #expect(payment["recordedAt"] as? String == "2018-04-06T23:30:00.000000Z")
        #expect(payment["recordedBy"] as? String == "clerk")
        #expect(payment["effectiveDate"] as? String == "2018-03-28")
        #expect(payment["idempotencyKey"] as? String == "pay-2018-0001")
        #expect(payment["commandDigest"] as? String == IdempotencyClaim(key: "pay-2018-0001", content: Array("pay 2500.00".utf8)).digest.description)
        #expect(payment["causationId"] as? String == "cause-9")
        #expect(payment["payloadBase64"] as? String == "MjUwMC4wMA==")
        #expect(try Self.jsonObject(lines[3])["payloadBase64"] as? String == "")
    }

    /// logLine (Sources/cledger/Output/Formatting.swift) prints the envelope's strings raw, so a
    /// line break in one would show one event as two lines, the second passing for another event.
    @Test("log prints one line per event even when a string of the event holds a line break")
    func logLineBreakInField() throws {
        let dir = TemporaryDirectory()
        let path = dir.sub("ledger")
        let store = try LedgerStore.create(at: path)
        let forged = "officer-7\n2  2018-04-06T09:30:00.000000Z  effective 2018-04-06  fund-a v1  PaymentMade/1"
        do {
            try store.write { w in
                try w.append(to: "fund-a", [
                    NewEvent(
                        eventType: "GrantAwarded", schemaVersion: 1, effectiveDate: CalendarDate(year: 2018, month: 4, day: 6)!,
                        actor: ActorRef(id: forged, role: "officer"), payload: [1])
                ])
            }
        } catch let error as LedgerError {
            // Refusing such an id at the door is as good as printing it on one line.
            guard case .invalidEvent = error else { throw error }
            return
        }
        let log = try cledger("--store", path, "log")
        #expect(log.status == 0)
        #expect(log.stdout.split(separator: "\n").count == 1, "one event printed as:\n\(log.stdout)")
    }

    // MARK: backup

    @Test("backup copies the ledger; the copy verifies and has the same head")
    func backup() throws {
        let dir = TemporaryDirectory()
        let store = try Self.twelveEventLedger(dir)
        let head = try EndToEndLedger.headFromInfo(store)
        let copy = dir.sub("backups/copy-1")
        let backup = try cledger("--store", store, "backup", copy)
        #expect(backup.status == 0)
        #expect(backup.stderr == "")
        let size = try Self.fileSize(EndToEndLedger.dataFile(copy))
        #expect(backup.stdout == "backed up 12 events to \(copy) (\(Self.humanBytes(size)), compacted); the copy verifies; head \(head)\n")
        #expect(try EndToEndLedger.headFromInfo(copy) == head)
        let verify = try cledger("--store", copy, "verify")
        #expect(verify.status == 0)
        #expect(verify.stdout == "verified 12 events; head \(head)\n")
        #expect(try Self.envelopes(copy) == (try Self.envelopes(store)))

        let empty = dir.sub("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let intoEmpty = try cledger("--store", store, "backup", empty)
        #expect(intoEmpty.status == 0)
        #expect(try EndToEndLedger.headFromInfo(empty) == head)
    }

    @Test("backup into a directory that is not empty, or onto a file, is refused and touches nothing")
    func backupRefused() throws {
        let dir = TemporaryDirectory()
        let store = try Self.twelveEventLedger(dir)
        let occupied = dir.sub("occupied")
        try FileManager.default.createDirectory(atPath: occupied, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: occupied + "/notes.txt"))
        let file = dir.sub("a-file")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: file))
        for destination in [occupied, file] {
            let backup = try cledger("--store", store, "backup", destination)
            #expect(backup.status == 1)
            #expect(backup.stdout == "")
            #expect(
                backup.stderr == "cledger: error: backup destination \(destination) exists and is not an empty directory; give a new or empty directory.\n")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: occupied) == ["notes.txt"])
        #expect(try EndToEndLedger.contents(of: occupied + "/notes.txt") == Data("keep me".utf8))
        #expect(try EndToEndLedger.contents(of: file) == Data("keep me".utf8))
    }

    // MARK: where the store is

    @Test("the store is --store, else $CLEDGER_STORE, else ./ledger")
    func storeLocation() throws {
        let dir = TemporaryDirectory()
        let store = try Self.twelveEventLedger(dir)
        let elsewhere = dir.sub("elsewhere")

        let fromEnvironment = try cledger("info", environment: ["CLEDGER_STORE": store])
        #expect(fromEnvironment.status == 0)
        #expect(EndToEndLedger.infoRows(fromEnvironment.stdout)["ledger"] == store)
        #expect(EndToEndLedger.infoRows(fromEnvironment.stdout)["events"] == "12")

        let optionWins = try cledger("--store", store, "info", environment: ["CLEDGER_STORE": elsewhere])
        #expect(optionWins.status == 0)
        #expect(EndToEndLedger.infoRows(optionWins.stdout)["ledger"] == store)

        let optionAfterCommand = try cledger("info", "--store", store)
        #expect(optionAfterCommand.status == 0)
        #expect(EndToEndLedger.infoRows(optionAfterCommand.stdout)["ledger"] == store)

        for environment in [[:], ["CLEDGER_STORE": ""]] {
            let inDirectory = try runProgram(
                URL(fileURLWithPath: "/bin/sh"), ["-c", "cd \"$1\" && exec \"$0\" info", Programs.cledger.path, dir.path],
                environment: environment)
            #expect(inDirectory.status == 0, "\(inDirectory.stderr)")
            #expect(EndToEndLedger.infoRows(inDirectory.stdout)["ledger"] == "ledger")
            #expect(EndToEndLedger.infoRows(inDirectory.stdout)["events"] == "12")
        }
        #expect(!FileManager.default.fileExists(atPath: elsewhere))
    }

    // MARK: bad input

    /// The places a bad-input case may point at.
    struct Places {
        let ledger: String
        let missing: String
        let file: String
        let emptyDirectory: String
        let newer: String
        let older: String
        let backupDestination: String
        let created: LedgerInstant

        /// `command`, with the destination `backup` needs.
        func run(_ command: String) -> [String] { command == "backup" ? [command, backupDestination] : [command] }

        func notALedger(_ path: String, _ detail: String) -> String {
            "\(path) is not a ledger (\(detail)). Point --store or CLEDGER_STORE at an existing ledger, "
                + "or create one in a new directory with `cledger --store DIR init`."
        }
    }

    static func notParsed(_ text: String) -> String {
        "--known-at: '\(text)' is neither a date (YYYY-MM-DD, meaning the end of that London day) "
            + "nor an instant with offset (2018-04-06T10:30:00+01:00 or 2018-04-06T09:30:00Z)"
    }

    enum BadInput: Sendable, CustomTestStringConvertible {
        case storeMissing(String)
        case storeIsAFile(String)
        case noDataFile(String)
        case newerFormat(String)
        case olderFormat(String)
        case initOnAFile
        case knownAtUnparsable(String)
        case knownAtInFuture(String, shown: String)
        case knownAtBeforeCreated(String, shown: String)
        case fromZero(String)
        case limit(String)
        case unknownSubcommand
        case unknownFlag
        case notANumber

        var testDescription: String {
            switch self {
            case let .storeMissing(c): return "\(c) on a store that does not exist"
            case let .storeIsAFile(c): return "\(c) on a store that is a file"
            case let .noDataFile(c): return "\(c) on a directory without data.mdb"
            case let .newerFormat(c): return "\(c) on a ledger of format version 3"
            case let .olderFormat(c): return "\(c) on a ledger of layout 1, from a development build"
            case .initOnAFile: return "init on a file"
            case let .knownAtUnparsable(v): return "--known-at '\(v)'"
            case let .knownAtInFuture(v, _): return "--known-at \(v) (in the future)"
            case let .knownAtBeforeCreated(v, _): return "--known-at \(v) (before the ledger was created)"
            case let .fromZero(c): return "\(c) --from 0"
            case let .limit(v): return "log --limit=\(v)"
            case .unknownSubcommand: return "an unknown subcommand"
            case .unknownFlag: return "an unknown flag"
            case .notANumber: return "--from abc"
            }
        }

        /// Arguments, the exit status, and the whole error message (for an unknown command, its start).
        func expectation(_ p: Places) -> (arguments: [String], status: Int32, message: String) {
            switch self {
            case let .storeMissing(c): return (["--store", p.missing] + p.run(c), 1, p.notALedger(p.missing, "no such directory"))
            case let .storeIsAFile(c):
                return (["--store", p.file] + p.run(c), 1, p.notALedger(p.file, "it is a file, and a ledger is a directory"))
            case let .noDataFile(c):
                return (["--store", p.emptyDirectory] + p.run(c), 1, p.notALedger(p.emptyDirectory, "no data.mdb in it"))
            case let .newerFormat(c):
                return (
                    ["--store", p.newer] + p.run(c), 1,
                    "the ledger at \(p.newer) has format version 3; this cledger reads versions up to 2. "
                        + "Use a newer cledger; the ledger was not changed."
                )
            case let .olderFormat(c):
                return (
                    ["--store", p.older] + p.run(c), 1,
                    "the ledger at \(p.older) has storage layout 1, written by a development build of cledger before any "
                        + "release; this cledger reads layout 2. Run `cledger upgrade` to rebuild its stream tables from the log; "
                        + "the ledger was not changed."
                )
            case .initOnAFile:
                return (["--store", p.file, "init"], 1, p.notALedger(p.file, "it is a file, and a ledger is a directory"))
            case let .knownAtUnparsable(v): return (["--store", p.ledger, "log", "--known-at", v], 1, notParsed(v))
            case let .knownAtInFuture(v, shown):
                return (["--store", p.ledger, "export", "--known-at", v], 1, "--known-at: \(shown) is in the future; the ledger cannot know it yet")
            case let .knownAtBeforeCreated(v, shown):
                return (
                    ["--store", p.ledger, "log", "--known-at", v], 1,
                    "--known-at: \(shown) is before the ledger was created (\(p.created))"
                )
            case let .fromZero(c): return (["--store", p.ledger, c, "--from", "0"], 1, "--from: sequences start at 1")
            case let .limit(v): return (["--store", p.ledger, "log", "--limit=\(v)"], 1, "--limit: give a number of events from 1")
            case .unknownSubcommand:
                // The message goes on to list every command and group, a list that grows.
                return (
                    ["--store", p.ledger, "frobnicate"], 1,
                    "command: 'frobnicate' is not a command; the commands are init, info, log, verify, export, backup"
                )
            case .unknownFlag: return (["--store", p.ledger, "log", "--frobnicate"], 1, "Unknown option '--frobnicate'; see `cledger log --help`")
            case .notANumber:
                return (["--store", p.ledger, "log", "--from", "abc"], 1, "The value 'abc' is invalid for '--from <from>'; see `cledger log --help`")
            }
        }
    }

    static let badInputs: [BadInput] = [
        .storeMissing("info"), .storeMissing("log"), .storeMissing("verify"), .storeMissing("export"), .storeMissing("backup"),
        .storeIsAFile("info"), .storeIsAFile("verify"), .storeIsAFile("backup"),
        .noDataFile("info"), .noDataFile("log"), .noDataFile("export"), .noDataFile("backup"),
        .newerFormat("info"), .newerFormat("log"), .newerFormat("verify"), .newerFormat("export"), .newerFormat("backup"),
        .olderFormat("info"), .olderFormat("log"), .olderFormat("verify"), .olderFormat("export"), .olderFormat("backup"),
        .initOnAFile,
        .knownAtUnparsable("yesterday"), .knownAtUnparsable("2018-04-06T10:30:00"), .knownAtUnparsable("2018-02-30"),
        .knownAtUnparsable("2018-04-06T24:00:00Z"), .knownAtUnparsable(""),
        .knownAtInFuture("2999-01-01", shown: "2999-01-01T23:59:59.999999Z"),
        .knownAtInFuture("2999-07-01T00:30:00+01:00", shown: "2999-06-30T23:30:00.000000Z"),
        .knownAtBeforeCreated("2018-04-06", shown: "2018-04-06T22:59:59.999999Z"),
        .knownAtBeforeCreated("2018-01-15T12:00:00Z", shown: "2018-01-15T12:00:00.000000Z"),
        .fromZero("log"), .fromZero("export"),
        .limit("0"), .limit("-1"),
        .unknownSubcommand, .unknownFlag, .notANumber,
    ]

    @Test("bad input: exit status, one line saying what is wrong, and nothing changed", arguments: badInputs)
    func badInput(_ bad: BadInput) throws {
        let dir = TemporaryDirectory()
        let ledger = try Self.twelveEventLedger(dir)
        let created = try #require(try EndToEndLedger.withStore(ledger) { s in try s.read { try $0.createdAt() } })
        let places = Places(
            ledger: ledger, missing: dir.sub("missing"), file: dir.sub("a-file"), emptyDirectory: dir.sub("empty"),
            newer: dir.sub("newer"), older: dir.sub("older"), backupDestination: dir.sub("backup"), created: created)
        try Data("not a ledger".utf8).write(to: URL(fileURLWithPath: places.file))
        try FileManager.default.createDirectory(atPath: places.emptyDirectory, withIntermediateDirectories: true)
        try Self.makeNewerFormatCopy(of: ledger, at: places.newer)
        try Self.makeLayoutOneCopy(of: ledger, at: places.older)
        let ledgerBytes = try EndToEndLedger.contents(of: EndToEndLedger.dataFile(ledger))
        let newerBytes = try EndToEndLedger.contents(of: EndToEndLedger.dataFile(places.newer))
        let olderBytes = try EndToEndLedger.contents(of: EndToEndLedger.dataFile(places.older))

        let (arguments, status, message) = bad.expectation(places)
        let result = try runProgram(Programs.cledger, arguments)
        #expect(result.status == status)
        #expect(!result.exitedBySignal)
        #expect(result.stdout == "")
        if case .unknownSubcommand = bad {
            #expect(result.stderr.hasPrefix("cledger: error: " + message), "\(result.stderr)")
            #expect(result.stderr.hasSuffix("; see `cledger --help`\n"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        } else {
            #expect(result.stderr == "cledger: error: " + message + "\n")
        }

        #expect(try EndToEndLedger.eventCount(ledger) == 12)
        #expect(try EndToEndLedger.contents(of: EndToEndLedger.dataFile(ledger)) == ledgerBytes)
        #expect(try EndToEndLedger.contents(of: EndToEndLedger.dataFile(places.newer)) == newerBytes)
        #expect(try EndToEndLedger.contents(of: EndToEndLedger.dataFile(places.older)) == olderBytes)
        #expect(!FileManager.default.fileExists(atPath: places.missing))
        #expect(!FileManager.default.fileExists(atPath: places.backupDestination))
        #expect(try FileManager.default.contentsOfDirectory(atPath: places.emptyDirectory) == [])
        #expect(try EndToEndLedger.contents(of: places.file) == Data("not a ledger".utf8))
    }

    /// A copy of `ledger` whose format version says 3.
    static func makeNewerFormatCopy(of ledger: String, at path: String) throws {
        var data = try formatCopy(of: ledger, at: path)
        data.bytes[data.formatOffset + 3] = 3
        try data.bytes.write(to: URL(fileURLWithPath: EndToEndLedger.dataFile(path)))
    }

    @Test("upgrade brings a layout-1 ledger to layout 2 and verifies it; a second upgrade only verifies")
    func upgradeLayoutOne() throws {
        let dir = TemporaryDirectory()
        let ledger = try Self.twelveEventLedger(dir)
        let older = dir.sub("older")
        try Self.makeLayoutOneCopy(of: ledger, at: older)
        let head = try EndToEndLedger.headFromInfo(ledger)

        let upgrade = try cledger("--store", older, "upgrade")
        #expect(upgrade.status == 0)
        #expect(upgrade.stderr == "")
        #expect(
            upgrade.stdout
                == "upgraded the ledger at \(older) from storage layout 1 to 2: linked 12 events in 2 streams; verified 12 events; head \(head)\n")
        let again = try cledger("--store", older, "upgrade")
        #expect(again.status == 0)
        #expect(again.stdout == "the ledger at \(older) is already current (storage layout 2); verified 12 events; head \(head)\n")
        for stream in ["s-0", "s-1"] {
            #expect(try cledger("--store", older, "log", "--stream", stream).stdout == (try cledger("--store", ledger, "log", "--stream", stream).stdout))
        }
    }

    /// A copy of `ledger` as a development build wrote it in layout 1: format 1, and no
    /// stream-links database (its name in the main database, and in stale copies of that page,
    /// is changed to one the store does not open).
    static func makeLayoutOneCopy(of ledger: String, at path: String) throws {
        var data = try formatCopy(of: ledger, at: path)
        data.bytes[data.formatOffset + 3] = 1
        let name = Data("stream-links".utf8)
        var renamed = 0
        while let found = data.bytes.range(of: name) {
            data.bytes[found.upperBound - 1] = UInt8(ascii: "z")
            renamed += 1
        }
        #expect(renamed >= 1)
        try data.bytes.write(to: URL(fileURLWithPath: EndToEndLedger.dataFile(path)))
    }

    /// A copy of `ledger`'s data.mdb at `path`, and where its format version (meta `format`,
    /// u32 big-endian, 2) is.
    static func formatCopy(of ledger: String, at path: String) throws -> (bytes: Data, formatOffset: Int) {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: EndToEndLedger.dataFile(ledger), toPath: EndToEndLedger.dataFile(path))
        let offset = try EndToEndLedger.valueOffset(path, .meta, key: Array("format".utf8))
        let data = try EndToEndLedger.contents(of: EndToEndLedger.dataFile(path))
        #expect(Array(data[offset..<offset + 4]) == [0, 0, 0, 2])
        return (data, offset)
    }

    // MARK: early close of standard output

    @Test("log and export into a pipe closed early (| head -1) stop quietly, exit 0, no damage reported", arguments: ["log", "export"])
    func earlyClose(_ command: String) throws {
        let dir = TemporaryDirectory()
        let store = dir.sub("ledger")
        // 9,000 events: far more output than a pipe holds.
        try EndToEndLedger.fill(store, commands: 300, eventsPerCommand: 30, streams: 16, payloadBytes: 50)
        let first = try cledger("--store", store, command)
        #expect(first.status == 0)
        let firstLine = try #require(first.stdout.split(separator: "\n").first).appending("\n")
        let errors = dir.sub("stderr.txt")
        let statusFile = dir.sub("status.txt")
        let pipeline = try runProgram(
            URL(fileURLWithPath: "/bin/sh"),
            [
                "-c", "{ \"$0\" --store \"$1\" \"$2\" 2>\"$3\"; echo $? >\"$4\"; } | head -1", Programs.cledger.path, store, command,
                errors, statusFile,
            ])
        #expect(pipeline.status == 0)
        #expect(pipeline.stdout == firstLine)
        let status = String(decoding: try EndToEndLedger.contents(of: statusFile), as: UTF8.self)
        #expect(status == "0\n")
        let stderr = String(decoding: try EndToEndLedger.contents(of: errors), as: UTF8.self)
        #expect(stderr == "")
        #expect(!stderr.contains("ledger damaged"))
    }
}
