import Commissioning
import Foundation
import LedgerStore
import Testing

/// `cledger report … --issue` and `cledger reissue SEQ` (DESIGN.md, "Projections and reports":
/// "a change of code that would alter a figure already sent is caught").
@Suite("Issued reports and their reissue")
struct ReissueTests {
    /// The sequence of the last event, from `cledger info`.
    static func lastSequence(_ store: String) throws -> String {
        let head = try #require(EndToEndLedger.infoRows(try cledger("--store", store, "info").stdout)["head"])
        return String(head.prefix { $0 != ":" })
    }

    @Test("an issued report rebuilds byte for byte from its head, even after the ledger has moved on")
    func identicalAfterMoreEvents() throws {
        let temporary = TemporaryDirectory()
        let store = try ReportCommandTests.demo(temporary)
        let issued = try cledger("--store", store, "report", "balances", "--fund", "victims", "--format", "csv", "--issue", "--issued-by", "finance-0001")
        #expect(issued.status == 0, "\(issued.stderr)")
        let sequence = try Self.lastSequence(store)
        #expect(issued.stderr.hasPrefix("#\(sequence) recorded that report balances was issued, built from head "))
        let log = try cledger("--store", store, "log", "--stream", "reports")
        #expect(log.stdout.contains("ReportIssued/1  by finance-0001 as finance-officer"))
        // More history after the issue: a new allocation, so the victims' figures now differ.
        let allocation = try cledger(
            "--store", store, "allocation", "record", "--fund", "victims", "--amount", "1000.00", "--source", "moj", "--actor", "finance-0001")
        #expect(allocation.status == 0, "\(allocation.stderr)")
        let now = try cledger("--store", store, "report", "balances", "--fund", "victims", "--format", "csv")
        #expect(now.stdout != issued.stdout, "the later allocation should change today's report")
        let again = try cledger("--store", store, "reissue", sequence)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        // Issued without --as-of, it was built as of the day it was issued, and says so.
        #expect(issued.stdout.contains(",\(Self.today)\n") || issued.stdout.hasSuffix(",\(Self.today)"), "the issued CSV names its as-of date")
        #expect(again.stdout.hasPrefix("identical: report balances --fund victims --format csv --as-of \(Self.today) issued as event \(sequence) at head "))
    }

    /// Today in London, as cledger takes it.
    static var today: String { LondonTime.date(at: SystemClock().now()).description }

    @Test("every report can be issued and rebuilds identical", arguments: [
        ["outcomes"], ["panel", "--round", "round-0001"], ["victims", "--year", "2018-19"], ["audit-trail", "--grant", "grant-0001"],
    ])
    func everyReport(_ report: [String]) throws {
        let temporary = TemporaryDirectory()
        let store = try ReportCommandTests.demo(temporary)
        let issued = try runProgram(Programs.cledger, ["--store", store, "report"] + report + ["--issue", "--issued-by", "officer-0001"])
        #expect(issued.status == 0, "\(issued.stderr)")
        let again = try cledger("--store", store, "reissue", try Self.lastSequence(store))
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(again.stdout.hasPrefix("identical: report \(report.joined(separator: " ")) --as-of \(Self.today) issued as event "))
    }

    @Test("an issued report whose output no longer rebuilds the same is caught: exit 3 and the lines that differ")
    func differs() throws {
        let temporary = TemporaryDirectory()
        let store = try ReportCommandTests.demo(temporary)
        let table = try cledger("--store", store, "report", "balances", "--fund", "property")
        try #require(table.status == 0)
        // What another version of the code printed and sent: the same report with one figure changed.
        var sent = table.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let changed = try #require(sent.firstIndex { $0.hasPrefix("property  2018-19  all") })
        sent[changed] = sent[changed].replacingOccurrences(of: "£45,000.00", with: "£45,000.01")
        let head = try #require(EndToEndLedger.infoRows(try cledger("--store", store, "info").stdout)["head"]).split(separator: ":")
        let digests = sent.map { line in
            SHA256Hasher.hash(Array(line.utf8)).bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        }
        let text = sent.joined(separator: "\n")
        do {
            let opened = try LedgerStore(path: store, options: CommissioningLedger.storeOptions())
            let ledger = CommissioningLedger(store: opened, clock: SystemClock())
            _ = try ledger.recordReportIssued(
                ReportIssued(
                    report: "balances", parameters: ["--fund", "property"], headSequence: UInt64(head[0])!, headHash: String(head[1]),
                    outputHash: SHA256Hasher.hash(Array(text.utf8)).description, outputBytes: Int64(text.utf8.count),
                    lineDigests: digests),
                actorId: "finance-0001")
        }
        let sequence = try Self.lastSequence(store)
        let result = try cledger("--store", store, "reissue", sequence)
        #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("DIFFERS: report balances --fund property issued as event \(sequence) at head ") == true)
        #expect(lines.dropFirst().map { $0.prefix { $0 != ";" } } == ["  line \(changed + 1) differs"])
    }

    @Test("reissue of an event that is not an issued report, or past the head, is refused")
    func notAnIssue() throws {
        let temporary = TemporaryDirectory()
        let store = try ReportCommandTests.demo(temporary)
        for sequence in ["1", "999999"] {
            expectRefused(
                try cledger("--store", store, "reissue", sequence),
                "reissue: event \(sequence) is not a ReportIssued event; give the sequence of one (cledger log --stream reports lists them)")
        }
        let unknown = try cledger("--store", store, "report", "balances", "--issue", "--issued-by", "nobody")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("nobody"))
    }
}
