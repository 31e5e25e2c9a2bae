import Foundation
import Testing

/// `cledger report outcomes` on a real demo ledger, as a user runs it.
@Suite("cledger report outcomes end to end")
struct OutcomesReportTests {
    static func json(_ result: ProgramResult) throws -> [String: Any] {
        try #require(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func rows(_ object: [String: Any], _ section: String) throws -> [[String: Any]] {
        try #require(object[section] as? [[String: Any]], "no section \(section)")
    }

    static func count(_ row: [String: Any]?, _ field: String) -> Int? { (row?[field] as? String).flatMap(Int.init) }

    @Test("outcomes in the three formats print the ledger head, the same figures, and say the objective rows do not add up")
    func formats() throws {
        let temporary = TemporaryDirectory()
        let store = try ReportCommandTests.demo(temporary)
        let head = try #require(EndToEndLedger.infoRows(try cledger("--store", store, "info").stdout)["head"])
        let table = try cledger("--store", store, "report", "outcomes", "--as-of", "2019-03-31")
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains("ledger head  \(head)"))
        #expect(lines.contains("overdue on   2019-03-31 (final reports owed after the planned end)"))
        #expect(lines.contains { $0.hasPrefix("3.1   Tackle domestic abuse ") })
        #expect(lines.contains { $0.hasPrefix("total ") })
        #expect(lines.contains("of its sub-priorities: money is not split, so the objective rows do not add up to the fund total."))

        let object = try Self.json(try cledger("--store", store, "report", "outcomes", "--as-of", "2019-03-31", "--format", "json"))
        #expect(object["report"] as? String == "outcomes")
        #expect(object["ledgerHead"] as? String == head)
        #expect(object["overdueOn"] as? String == "2019-03-31")
        let objectives = try Self.rows(object, "objectives")
        let byCode = Dictionary(uniqueKeysWithValues: objectives.map { ($0["code"] as! String, $0) })
        // A sub-priority rolls up into its objective.
        for sub in ["3.1", "3.2", "3.3"] { #expect(Self.count(byCode["3"], "grants")! >= Self.count(byCode[sub], "grants")!) }
        let funds = try Self.rows(object, "funds")
        let totals = try #require(object["fundsTotals"] as? [String: Any])
        #expect(funds.compactMap { Self.count($0, "grants") }.reduce(0, +) == Self.count(totals, "grants"))
        // A grant naming objectives under two of the plan's objectives counts under both: the rows do not add up.
        let parents = objectives.filter { !($0["code"] as! String).contains(".") }
        #expect(parents.compactMap { Self.count($0, "grants") }.reduce(0, +) > Self.count(totals, "grants")!)

        let csv = try cledger("--store", store, "report", "outcomes", "--as-of", "2019-03-31", "--format", "csv")
        let csvLines = csv.stdout.split(separator: "\n")
        #expect(csvLines.first == "section,code,name,grants,contracts,agreements,awarded,paid,outcomesExpected,targetsExpected,reportsAccepted,outcomesReported,targetsReported,achieved,outcomesMet,outcomesMissed,reportsOutstanding,reportsOverdue,learningShared,kpis,reviewed,kpisMet,kpisMissed,reviewsOfConcern,ledgerHead,knownAt,throughSequence,asOf,overdueOn")
        #expect(csvLines.dropFirst().allSatisfy { $0.hasPrefix("objectives,") || $0.hasPrefix("funds,") || $0.hasPrefix("areas,") })
        let community = try #require(funds.first { $0["code"] as? String == "community" })
        let awarded = try #require(community["awarded"] as? String)
        #expect(csvLines.contains { $0.hasPrefix("funds,community,Community Fund,\(community["grants"]!),0,0,\(awarded),") })
    }

    @Test("--objective, --fund and --area keep what counts under them; known at the start of the ledger, nothing is awarded")
    func filtersAndPointInTime() throws {
        let temporary = TemporaryDirectory()
        let store = try ReportCommandTests.demo(temporary)
        let object = try Self.json(
            try cledger("--store", store, "report", "outcomes", "--objective", "3", "--fund", "community", "--area", "E07000028", "--format", "json"))
        #expect(try Self.rows(object, "objectives").map { $0["code"] as! String } == ["3", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7"])
        #expect(try Self.rows(object, "funds").map { $0["code"] as! String } == ["community"])
        #expect(try Self.rows(object, "areas").map { $0["code"] as! String } == ["E07000028"])
        let totals = try #require(object["fundsTotals"] as? [String: Any])
        #expect(Self.count(totals, "grants")! > 0)
        #expect(try Self.rows(object, "objectives").first.map { Self.count($0, "grants") } == Self.count(totals, "grants"))
        let first = try Self.json(try cledger("--store", store, "report", "outcomes", "--known-at", "2017-04-03", "--format", "json"))
        #expect(first["overdueOn"] as? String == "2017-04-03")
        #expect(Self.count(first["fundsTotals"] as? [String: Any], "grants") == 0)
    }

    /// Bad input to `report outcomes`, run by ``ReportCommandTests/badInput(_:)``.
    static let badReports: [ReportCommandTests.BadReport] = [
        .init(
            arguments: ["outcomes", "--objective", "9.9"],
            message: "--objective: '9.9' is not an objective of this ledger; the objectives are 3, 3.1, 3.2, 3.3, 3.4, 3.5, 3.6, 3.7, 4, 4.1, 4.2, 4.3, 5, 5.1, 5.2, 5.3, 5.4, 6, 6.1, 6.2, 6.3, 8, 8.1, 8.2"),
        .init(
            arguments: ["outcomes", "--area", "E07000099"],
            message: "--area: 'E07000099' is not an area of this ledger; the areas are E06000063, E06000064, E07000026, E07000027, E07000028, E07000029, E07000030, E07000031, countywide"),
        .init(arguments: ["outcomes", "--fund", "lottery"], message: "--fund: 'lottery' is not a fund of this ledger; the funds are community, innovation, partnership, property, victims"),
        .init(arguments: ["outcomes", "--as-of", "31/03/2019"], message: "--as-of: '31/03/2019' is not a date YYYY-MM-DD (the last effective date to count)"),
    ]
}
