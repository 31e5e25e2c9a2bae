import Foundation
import Testing

/// `cledger report` and `cledger rebuild` on a real demo ledger, as a user runs them.
@Suite("cledger reports end to end")
struct ReportCommandTests {
    /// A fresh demo ledger (seed 2017) in its own directory.
    static func demo(_ temporary: TemporaryDirectory) throws -> String {
        let store = temporary.sub("ledger")
        let made = try cledger("--store", store, "demo")
        try #require(made.status == 0, "cledger demo: \(made.stderr)")
        return store
    }

    /// Every report, as the words after `cledger report`, with arguments the demo history has rows for.
    static let everyReport: [[String]] = [
        ["balances"], ["outcomes"], ["victims"], ["panel", "--round", "round-0001"], ["audit-trail", "--fund", "victims"],
    ]

    static func eventCount(_ store: String) throws -> String? {
        EndToEndLedger.infoRows(try cledger("--store", store, "info").stdout)["events"]
    }

    @Test("balances in the three formats print the ledger head, the same figures, and a totals row for people")
    func balancesFormats() throws {
        let temporary = TemporaryDirectory()
        let store = try Self.demo(temporary)
        let head = try #require(EndToEndLedger.infoRows(try cledger("--store", store, "info").stdout)["head"])
        let table = try cledger("--store", store, "report", "balances", "--fund", "community", "--year", "2017-18")
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("ledger head  \(head)"))
        #expect(table.stdout.split(separator: "\n").contains { $0.hasPrefix("community  2017-18  all  ") })
        let json = try cledger("--store", store, "report", "balances", "--fund", "community", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["report"] as? String == "balances")
        #expect(object["ledgerHead"] as? String == head)
        let periods = try #require(object["funds"] as? [[String: Any]])
        // The strategy: "£300,000 over 3 years (2017-2020)" for the Community Fund, one pot.
        #expect(periods.first?["pot"] as? String == "300000.00")
        let csv = try cledger("--store", store, "report", "balances", "--format", "csv")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "section,fund,financialYear,source,allocated,committed,released,paid,outstanding,recovered,accrued,available,pot,ledgerHead,knownAt,throughSequence,asOf")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("years,") || $0.hasPrefix("funds,") })
        // The same figure in table and CSV: the Community Fund's pot left to award.
        let available = try #require(periods.first?["available"] as? String)
        #expect(lines.contains { $0.hasPrefix("funds,community,") && $0.contains(",\(available),300000.00,") })
    }

    @Test("a report on a copy the user cannot write, not even its lock file, folds in memory, changes nothing, and prints what the saved rows give")
    func readOnlyLedger() throws {
        let temporary = TemporaryDirectory()
        let store = try Self.demo(temporary)
        let before = try Data(contentsOf: URL(fileURLWithPath: EndToEndLedger.dataFile(store)))
        // The tests run as root, whom file modes do not stop: run cledger as nobody instead.
        for path in [temporary.path, store] { chmod(path, 0o755) }
        for file in ["data.mdb", "lock.mdb"] { chmod(store + "/" + file, 0o444) }
        func asNobody(_ arguments: [String]) throws -> ProgramResult {
            try runProgram(
                URL(fileURLWithPath: "/usr/bin/setpriv"),
                ["--reuid=nobody", "--regid=nogroup", "--clear-groups", Programs.cledger.path, "--store", store] + arguments)
        }
        let result = try asNobody(["report", "balances", "--fund", "victims"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("victims  2017-18  moj"))
        // Every report, folded in memory (`cledger demo` saves no projection), then from the rows root saves.
        let reports = Self.everyReport
        let folded = try reports.map { try asNobody(["report"] + $0 + ["--format", "csv"]) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: EndToEndLedger.dataFile(store))) == before)
        for (report, inMemory) in zip(reports, folded) {
            let saved = try runProgram(Programs.cledger, ["--store", store, "report"] + report + ["--format", "csv"])
            #expect(inMemory.status == 0 && saved.status == 0, "\(report): \(inMemory.stderr) \(saved.stderr)")
            #expect(inMemory.stdout == saved.stdout, "\(report[0]) folded in memory differs from the saved rows")
            #expect(inMemory.stdout.split(separator: "\n").count > 2, "\(report[0]) has no rows")
        }
    }

    @Test("rebuild folds from event 1 and says so; the reports after it are the same")
    func rebuild() throws {
        let temporary = TemporaryDirectory()
        let store = try Self.demo(temporary)
        let first = try cledger("--store", store, "report", "balances", "--format", "csv")
        let rebuilt = try cledger("--store", store, "rebuild")
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        let events = try #require(try Self.eventCount(store))
        #expect(rebuilt.stdout.contains("rebuilt balances from event 1: \(events) events folded"))
        for name in ["audit-index", "victims", "outcomes", "panel"] { #expect(rebuilt.stdout.contains("rebuilt \(name) from event 1: \(events) events folded")) }
        #expect(try cledger("--store", store, "report", "balances", "--format", "csv").stdout == first.stdout)
        #expect(try cledger("--store", store, "verify").status == 0)
    }

    @Test("the audit trail of a grant runs from its bid to its close, each hash checked")
    func auditTrailOfGrant() throws {
        let temporary = TemporaryDirectory()
        let store = try Self.demo(temporary)
        let result = try cledger("--store", store, "report", "audit-trail", "--grant", "grant-0001", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let events = try #require(object["events"] as? [[String: Any]])
        #expect(events.first?["eventType"] as? String == "BidSubmitted")
        // What was recorded, as people read it: dates as dates, money in pounds and pence.
        let details = try #require(events.first?["details"] as? String)
        #expect(details.contains(#""plannedStart":"20"#), "\(details)")
        #expect(details.range(of: #""amountRequested":"[0-9]+\.[0-9]{2}""#, options: .regularExpression) != nil, "\(details)")
        #expect(events.contains { $0["eventType"] as? String == "GrantAwarded" })
        #expect(events.contains { $0["eventType"] as? String == "TranchePaid" })
        #expect(object["allHashesHold"] as? String == "true")
        #expect(object["hashesChecked"] as? String == String(events.count))
        let sequences = events.compactMap { ($0["sequence"] as? String).flatMap(Int.init) }
        #expect(sequences == sequences.sorted() && Set(sequences).count == sequences.count)
    }

    @Test("a fund's audit trail shows, for each event, the version of the fund's rules in force on its date as it was known then")
    func auditTrailRulesInForce() throws {
        let ledger = try CommissioningLedgerFixture()
        let today = CommissioningLedgerFixture.today
        let later = today.adding(days: 30)
        try expectSuccess(ledger.run("fund", "amend", "--fund", "property", "--grant-max", "3000.00", "--reason", "from today"))
        try expectSuccess(ledger.run("fund", "amend", "--fund", "property", "--grant-max", "2800.00", "--rules-from", "\(later)", "--reason", "from later"))
        let result = try cledger("--store", ledger.store, "report", "audit-trail", "--fund", "property", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let events = try #require(object["events"] as? [[String: Any]])
        let rules = events.map { "\($0["eventType"] as? String ?? "?"): \($0["rules"] as? String ?? "none")" }
        let established = try #require(events.first { $0["eventType"] as? String == "FundEstablished" }?["details"] as? String)
        let from = try #require(established.firstMatch(of: /"effectiveFrom":"([0-9-]+)"/)?.1)
        // Established with its rules; the first amendment takes effect on its own date, today, so
        // it is in force from its own event on; the second takes effect later, so today's events keep the first.
        #expect(rules == ["FundEstablished: property rules from \(from)", "FundRulesAmended: property rules from \(today)", "FundRulesAmended: property rules from \(today)"])
    }

    /// Bad input to a report: one line saying what is wrong and what would be accepted, exit 1.
    struct BadReport: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let badReports: [BadReport] = [
        BadReport(arguments: ["balances", "--fund", "lottery"], message: "--fund: 'lottery' is not a fund of this ledger; the funds are community, innovation, partnership, property, victims"),
        BadReport(arguments: ["balances", "--year", "18/19"], message: "--year: '18/19' is not a financial year such as 2018-19 (1 April to 31 March)"),
        BadReport(arguments: ["balances", "--as-of", "2018-02-30"], message: "--as-of: '2018-02-30' is not a date YYYY-MM-DD (the last effective date to count)"),
        BadReport(arguments: ["balances", "--known-at", "2999-01-01"], message: "--known-at: 2999-01-01T23:59:59.999999Z is in the future; the ledger cannot know it yet"),
        BadReport(arguments: ["victims", "--year", "2030-31"], message: "--year: 2030-31 has no victims' fund money in this ledger; the years with money are 2017-18, 2018-19, 2019-20"),
        BadReport(arguments: ["victims", "--year", "2018-20"], message: "--year: '2018-20' is not a financial year such as 2018-19 (1 April to 31 March)"),
        BadReport(arguments: ["victims", "--as-of", "31/03/2018"], message: "--as-of: '31/03/2018' is not a date YYYY-MM-DD (the last effective date to count)"),
        BadReport(arguments: ["audit-trail", "--bid", "bid-9999"], message: "audit-trail: bid-9999 has no events in this ledger; check the id (cledger log lists the streams)"),
        BadReport(arguments: ["audit-trail", "--org", "nobody"], message: "audit-trail: organisation nobody has no events in this ledger; check the id (cledger log lists the streams)"),
        BadReport(arguments: ["audit-trail"], message: "audit-trail: give exactly one of --bid, --grant, --contract, --fund, --org or --actor (none was given)"),
        BadReport(arguments: ["audit-trail", "--bid", "bid-0001", "--fund", "community"], message: "audit-trail: give exactly one of --bid, --grant, --contract, --fund, --org or --actor (--bid and --fund were given)"),
    ]

    @Test(
        "bad input to a report: one line naming the problem and what would be accepted, exit 1",
        arguments: badReports + OutcomesReportTests.badReports + PanelReportTests.badReports)
    func badInput(_ bad: BadReport) throws {
        let temporary = TemporaryDirectory()
        let store = try Self.demo(temporary)
        let events = try Self.eventCount(store)
        expectRefused(try runProgram(Programs.cledger, ["--store", store, "report"] + bad.arguments), bad.message)
        #expect(try Self.eventCount(store) == events)
    }

    @Test("an unknown report or projection is refused with the names that exist")
    func unknownNames() throws {
        let temporary = TemporaryDirectory()
        let store = try Self.demo(temporary)
        let report = try cledger("--store", store, "report", "frobnicate")
        #expect(report.status != 0)
        #expect(report.stderr.contains("frobnicate"))
        expectRefused(try cledger("--store", store, "rebuild", "frobnicate"), "rebuild: 'frobnicate' is not a projection; the projections are balances, audit-index, victims, panel, outcomes")
        expectRefused(try cledger("--store", store, "rebuild", "--batch-events", "0"), "--batch-events: 0 is not a whole number of events of 1 or more")
    }

    @Test("a report whose projection is up to date writes nothing: the ledger's file is unchanged byte for byte")
    func upToDateReportWritesNothing() throws {
        let temporary = TemporaryDirectory()
        let store = try Self.demo(temporary)
        let file = URL(fileURLWithPath: EndToEndLedger.dataFile(store))
        for report in Self.everyReport {
            let first = try runProgram(Programs.cledger, ["--store", store, "report"] + report)
            #expect(first.status == 0, "\(report): \(first.stderr)")
            let caughtUp = try Data(contentsOf: file)
            let again = try runProgram(Programs.cledger, ["--store", store, "report"] + report)
            #expect(again.stdout == first.stdout, "\(report)")
            #expect(try Data(contentsOf: file) == caughtUp, "\(report[0]) wrote to the ledger though its projection was up to date")
        }
    }

    @Test("while another process holds a write open, every report, info, log and verify answers at once from the ledger as last committed")
    func readsBesideAHeldWrite() throws {
        let temporary = TemporaryDirectory()
        let store = try Self.demo(temporary)
        let asked = Self.everyReport.map { ["report"] + $0 } + [["info"], ["log", "--stream", "bid-0001"], ["verify"]]
        // Before the write is held: every projection caught up, and what each prints.
        let before = try asked.map { try runProgram(Programs.cledger, ["--store", store] + $0).stdout }
        let holder = try WriterChild.ledgerWriter(store, ["--hold-write", "120"])
        try #require(holder.stdout.wait(forLines: 1, timeout: 60), "ledger-writer did not begin its write: \(holder.errorText)")
        for (arguments, printed) in zip(asked, before) {
            let result = try runProgram(Programs.cledger, ["--store", store] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout == printed, "\(arguments[0]) printed otherwise beside the held write")
        }
        // Each answered while the write was still held: none waited for the write lock.
        #expect(holder.process.isRunning, "the write was no longer held: a read waited for it")
        holder.kill()
        _ = holder.wait()
    }

    @Test("a rebuild in small writes (--batch-events) leaves the reports a rebuild in one write leaves")
    func rebuildInSmallWrites() throws {
        let temporary = TemporaryDirectory()
        let store = try Self.demo(temporary)
        #expect(try cledger("--store", store, "rebuild").status == 0)
        let inOneWrite = try RebuildCrashTests.reportOutputs(store)
        let inSmallWrites = try cledger("--store", store, "rebuild", "--batch-events", "7")
        #expect(inSmallWrites.status == 0, "\(inSmallWrites.stderr)")
        #expect(try RebuildCrashTests.reportOutputs(store) == inOneWrite)
    }
}
