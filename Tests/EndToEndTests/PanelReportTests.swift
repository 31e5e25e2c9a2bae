import Foundation
import Testing

/// `cledger report panel` on a real demo ledger, as a user runs it.
@Suite("cledger report panel end to end")
struct PanelReportTests {
    @Test("a round's panel in the three formats: the head, the round, each member's scores adding up to their total, a decision for each bid")
    func formats() throws {
        let temporary = TemporaryDirectory()
        let store = try ReportCommandTests.demo(temporary)
        let head = try #require(EndToEndLedger.infoRows(try cledger("--store", store, "info").stdout)["head"])
        let table = try cledger("--store", store, "report", "panel", "--round", "round-0001")
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "Panel summary of round-0001")
        #expect(lines.contains("ledger head  \(head)"))
        #expect(lines.contains("fund         property"))
        #expect(lines.contains { $0.hasPrefix("panel date   2017-") })
        #expect(lines.contains { $0.hasPrefix("   1  bid-") })

        let json = try cledger("--store", store, "report", "panel", "--round", "round-0001", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["report"] as? String == "panel")
        #expect(object["ledgerHead"] as? String == head)
        #expect(object["round"] as? String == "round-0001" && object["fund"] as? String == "property")
        let bids = try #require(object["bids"] as? [[String: Any]])
        #expect(!bids.isEmpty)
        #expect(bids.allSatisfy { ["awarded", "declined", "withdrawn"].contains($0["decision"] as? String) })
        #expect(bids.allSatisfy { ($0["decision"] as? String == "awarded") == ($0["awardedAmount"] is String) })
        let scores = try #require(object["scores"] as? [[String: Any]])
        let criteria = ["outcomes", "value for money", "benefits in kind", "deliverability"]
        for row in scores where row["conflict"] is NSNull {
            #expect(criteria.compactMap { (row[$0] as? String).flatMap { Int($0) } }.reduce(0, +) == Int(row["total"] as! String))
        }
        let ranks = bids.compactMap { ($0["rank"] as? String).flatMap(Int.init) }
        #expect(ranks.first == 1 && ranks == ranks.sorted())

        let csv = try cledger("--store", store, "report", "panel", "--round", "round-0001", "--format", "csv")
        let csvLines = csv.stdout.split(separator: "\n")
        #expect(csvLines.first == "section,rank,bid,organisation,title,requested,scoredBy,averageScore,conflicts,recommendation,recommendedAmount,decision,awardedAmount,grant,member,outcomes,value for money,benefits in kind,deliverability,total,conflict,ledgerHead,knownAt,throughSequence,asOf,round,fund,closesOn,panelDate")
        #expect(csvLines.filter { $0.hasPrefix("bids,") }.count == bids.count)
        #expect(csvLines.filter { $0.hasPrefix("scores,") }.count == scores.count)
    }

    @Test("known at the day bids closed, the round's bids are there, unscored and undecided unless withdrawn")
    func beforeThePanel() throws {
        let temporary = TemporaryDirectory()
        let store = try ReportCommandTests.demo(temporary)
        let full = try cledger("--store", store, "report", "panel", "--round", "round-0001", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(full.stdout.utf8)) as? [String: Any])
        let closesOn = try #require(object["closesOn"] as? String)
        let before = try cledger("--store", store, "report", "panel", "--round", "round-0001", "--known-at", closesOn, "--format", "json")
        let earlier = try #require(try JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [String: Any])
        #expect(earlier["knownAt"] as? String == closesOn)
        let bids = try #require(earlier["bids"] as? [[String: Any]])
        #expect(bids.count == (object["bids"] as? [[String: Any]])?.count)
        #expect(bids.allSatisfy { ["pending", "withdrawn"].contains($0["decision"] as? String) && $0["rank"] is NSNull && $0["averageScore"] is NSNull })
        #expect(bids.contains { $0["decision"] as? String == "pending" })
        let scores = try #require(earlier["scores"] as? [[String: Any]])
        #expect(scores.allSatisfy { $0["total"] is NSNull }, "a score recorded after --known-at is shown")
    }

    /// The demo's rounds: seven a year (four Property, two Community, one Innovation) for three years.
    static let demoRounds = (1...21).map { "round-" + String(format: "%04d", $0) }.joined(separator: ", ")

    /// Bad input to `report panel`, run by ``ReportCommandTests/badInput(_:)``.
    static let badReports: [ReportCommandTests.BadReport] = [
        .init(arguments: ["panel", "--round", "round-9999"], message: "--round: 'round-9999' is not a round of this ledger; the rounds are \(demoRounds)"),
        .init(arguments: ["panel"], message: "panel: give --round ID; the rounds are \(demoRounds)"),
        .init(arguments: ["panel", "--round", "round-0001", "--as-of", "2018-02-30"], message: "--as-of: '2018-02-30' is not a date YYYY-MM-DD (the last effective date to count)"),
        .init(
            arguments: ["panel", "--round", "round-0001", "--known-at", "soon"],
            message: "--known-at: 'soon' is neither a date (YYYY-MM-DD, meaning the end of that London day) nor an instant with offset (2018-04-06T10:30:00+01:00 or 2018-04-06T09:30:00Z)"),
    ]
}
