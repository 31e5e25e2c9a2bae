import Foundation
import Testing

/// `cledger report victims` on a real demo ledger, as a user runs it.
@Suite("cledger report victims end to end")
struct VictimsReportTests {
    /// The report as JSON, with `arguments` after its name.
    static func json(_ store: String, _ arguments: String...) throws -> [String: Any] {
        let result = try runProgram(Programs.cledger, ["--store", store, "report", "victims", "--format", "json"] + arguments)
        try #require(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test("each MoJ year shows allocation, payments, accruals and underspend; providers add up to the year")
    func years() throws {
        let temporary = TemporaryDirectory()
        let store = try ReportCommandTests.demo(temporary)
        let object = try Self.json(store)
        #expect(object["report"] as? String == "victims")
        let years = try #require(object["years"] as? [[String: Any]])
        #expect(years.compactMap { $0["financialYear"] as? String } == ["2017-18", "2018-19", "2019-20"])
        // The demo's MoJ grant for 2017-18 (DemoStory.mojAllocation).
        let first = try #require(years.first)
        #expect(first["mojAllocated"] as? String == "820000.00")
        func pence(_ value: Any?) -> Int { Int(((value as? String) ?? "0").replacingOccurrences(of: ".", with: ""))! }
        #expect(pence(first["underspend"]) == pence(first["mojAllocated"]) - pence(first["mojPaid"]) - pence(first["mojAccrued"]))
        let providers = try #require(object["providers"] as? [[String: Any]]).filter { $0["financialYear"] as? String == "2017-18" }
        #expect(providers.map { pence($0["mojPaid"]) }.reduce(0, +) == pence(first["mojPaid"]))
        #expect(providers.contains { $0["provider"] as? String == "safety-net" && $0["otherSources"] as? String == "opcc" })
        let csv = try cledger("--store", store, "report", "victims", "--year", "2018-19", "--format", "csv")
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("section,financialYear,mojAllocated,") == true)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("years,2018-19,") || $0.hasPrefix("providers,2018-19,") || $0.hasPrefix("objectives,2018-19,") })
        let table = try cledger("--store", store, "report", "victims", "--year", "2017-18")
        #expect(table.status == 0 && table.stdout.contains("Payments recorded after the year end they fall within"))
    }

    @Test("the payment recorded on 6 April 2018 is listed as of 31 March, and absent known at 1 April")
    func latePayment() throws {
        let temporary = TemporaryDirectory()
        let store = try ReportCommandTests.demo(temporary)
        let asOf = try Self.json(store, "--year", "2017-18", "--as-of", "2018-03-31")
        let late = try #require(asOf["latePayments"] as? [[String: Any]])
        #expect(late.count == 1)
        #expect(late.first?["effectiveDate"] as? String == "2018-03-28" && late.first?["recordedDate"] as? String == "2018-04-06")
        #expect(late.first?["provider"] as? String == "safety-net" && late.first?["amount"] as? String == "30000.00")
        let known = try Self.json(store, "--year", "2017-18", "--as-of", "2018-03-31", "--known-at", "2018-04-01")
        #expect((known["latePayments"] as? [[String: Any]])?.isEmpty == true)
        #expect(known["knownAt"] as? String == "2018-04-01")
    }
}
