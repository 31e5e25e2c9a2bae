import Foundation
import Testing

/// `cledger export hledger` read by Debian's hledger: its balances equal the balances report's.
@Suite("cledger export hledger end to end")
struct HledgerExportTests {
    /// hledger on PATH, which Tools/test installs; a clear failure when it is not there.
    static func hledger() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let found = path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("hledger") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        return try #require(found, "hledger is not installed: Tools/test installs it with apt-get (apt-get install hledger), or install it yourself")
    }

    /// Pence from `1234.56`, `£-25.00` or hledger's `0`.
    static func pence(_ text: String) throws -> Int64 {
        var s = text.replacingOccurrences(of: "£", with: "")
        let negative = s.hasPrefix("-")
        if negative { s.removeFirst() }
        let parts = s.split(separator: ".")
        let pounds = try #require(Int64(parts[0]), "'\(text)' is not an amount")
        let pennies = parts.count == 2 ? try #require(Int64(parts[1])) : 0
        return (negative ? -1 : 1) * (pounds * 100 + pennies)
    }

    /// Every `funds:` account's balance, as `hledger balance -O csv` gives it.
    static func hledgerBalances(_ journal: String, _ options: [String] = []) throws -> [String: Int64] {
        let result = try runProgram(try hledger(), ["-f", journal, "balance", "-O", "csv", "-E", "funds"] + options)
        try #require(result.status == 0, "hledger could not read the journal: \(result.stderr)")
        var balances: [String: Int64] = [:]
        for line in result.stdout.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            guard fields.count == 2, fields[0] != "total" else { continue }
            balances[fields[0]] = try pence(fields[1])
        }
        return balances
    }

    static let measures = ["allocated", "committed", "released", "paid", "recovered", "accrued"]

    @Test(
        "hledger balance equals the balances report to the penny for every fund, year, source and measure",
        arguments: [[], ["--as-of", "2018-09-30"], ["--as-of", "2018-03-31", "--known-at", "2018-04-01"]])
    func balancesAgree(_ point: [String]) throws {
        let temporary = TemporaryDirectory()
        let store = try ReportCommandTests.demo(temporary)
        let journal = try Self.export(store, point, into: temporary)
        try Self.expectAgrees(try Self.hledgerBalances(journal), with: store, point)
    }

    /// Each transaction is dated on the day its movements take effect, an accrual's next-year
    /// reversal on 1 April, so hledger's own date filter gives the report's `--as-of` figures.
    @Test("hledger balance --end the day after a date, on the whole journal, equals the balances report as of that date", arguments: [
        ("2018-03-31", "2018-04-01"), ("2019-04-01", "2019-04-02"),
    ])
    func hledgerDatesAgree(asOf: String, end: String) throws {
        let temporary = TemporaryDirectory()
        let store = try ReportCommandTests.demo(temporary)
        let journal = try Self.export(store, [], into: temporary)
        try Self.expectAgrees(try Self.hledgerBalances(journal, ["--end", end]), with: store, ["--as-of", asOf])
    }

    /// `cledger export hledger` of `store` at `point`, written to a file; returns its path.
    static func export(_ store: String, _ point: [String], into temporary: TemporaryDirectory) throws -> String {
        let export = try runProgram(Programs.cledger, ["--store", store, "export", "hledger"] + point)
        try #require(export.status == 0, "\(export.stderr)")
        let journal = temporary.sub("funds.journal")
        try export.stdout.write(toFile: journal, atomically: true, encoding: .utf8)
        return journal
    }

    /// Every fund, year, source and measure of the balances report at `point` is hledger's
    /// balance of its account, and hledger has no account the report lacks.
    static func expectAgrees(_ hledger: [String: Int64], with store: String, _ point: [String]) throws {
        let report = try runProgram(Programs.cledger, ["--store", store, "report", "balances", "--format", "json"] + point)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let lines = try #require(object["years"] as? [[String: Any]]).filter { $0["source"] as? String != "all" }
        #expect(lines.count > 10)
        var seen: Set<String> = []
        for line in lines {
            let prefix = "funds:\(line["fund"]!):\(line["financialYear"]!):\(line["source"]!):"
            var figures: [String: Int64] = [:]
            for measure in Self.measures {
                let account = prefix + measure
                seen.insert(account)
                figures[measure] = hledger[account] ?? 0
                #expect(figures[measure] == (try Self.pence(line[measure] as! String)), "\(account) \(point)")
            }
            let outstanding = figures["committed"]! - figures["released"]! - figures["paid"]!
            #expect(outstanding == (try Self.pence(line["outstanding"] as! String)), "\(prefix)outstanding \(point)")
        }
        let extra = Set(hledger.keys).subtracting(seen)
        #expect(extra.isEmpty, "accounts hledger has and the report does not: \(extra)")
    }

    @Test("a bad date or instant is refused with one line saying what is accepted, exit 1", arguments: [
        (["--as-of", "2018-13-01"], "--as-of: '2018-13-01' is not a date YYYY-MM-DD (the last effective date to count)"),
        (["--known-at", "yesterday"], "--known-at: 'yesterday' is neither a date (YYYY-MM-DD, meaning the end of that London day) nor an instant with offset (2018-04-06T10:30:00+01:00 or 2018-04-06T09:30:00Z)"),
    ])
    func badInput(_ arguments: [String], _ message: String) throws {
        let temporary = TemporaryDirectory()
        let store = try ReportCommandTests.demo(temporary)
        expectRefused(try runProgram(Programs.cledger, ["--store", store, "export", "hledger"] + arguments), message)
    }
}
