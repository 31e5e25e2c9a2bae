import Commissioning
import LedgerStore

/// Bids to grants: rounds, panels, awards, tranches, reports, and the exceptions a real
/// history has (withdrawn, ineligible and unendorsed bids, conflicts, late reports, missed
/// outcomes, a variation, a release and a recovery).
extension DemoStory {
    static let objectivesByFund: [String: [String]] = [
        "property": ["3.2", "3.3", "3.4", "3.7", "8.2"],
        "community": ["3.1", "3.2", "3.3", "3.4", "3.7", "4.1", "4.2", "6.1", "8.1", "8.2"],
        "innovation": ["3.1", "3.5", "3.6", "4.1", "4.3", "5.4", "6.1", "6.2", "8.1"],
        "victims": ["5.1", "5.2", "6.3"],
    ]
    static let outcomes: [(String, String)] = [
        ("young people taking part", "participants"), ("incidents reported in the area", "reports"),
        ("volunteers trained", "volunteers"), ("residents reached", "residents"), ("sessions delivered", "sessions"),
        ("victims supported", "people"), ("homes given security advice", "homes"),
    ]
    static let titles = [
        "Friday night football", "Safer streets lighting", "Rural crime awareness", "Youth diversion boxing",
        "Cyber safety for older people", "Restorative justice training", "Alcohol awareness in schools",
        "Hate crime reporting centre", "Farm watch radios", "Street pastors night patrols", "Mentoring young people",
        "Community speed watch", "Domestic abuse awareness", "Online grooming prevention workshops",
    ]

    /// Requested amounts per fund, in pounds.
    static func requestRange(_ fund: String) -> ClosedRange<Int> {
        switch fund {
        case "property": return 500...2_500
        case "community": return 1_000...10_000
        case "innovation": return 8_000...30_000
        default: return 5_000...15_000
        }
    }

    mutating func planRound(fund: String, year: FinancialYear, opens: CalendarDate, closesAfter: Int, panelAfter: Int, bids: Int) {
        let roundId = nextId("round")
        let closes = opens.adding(days: closesAfter)
        let panel = opens.adding(days: panelAfter)
        schedule.add("round open", on: opens, as: DemoCast.officer, [
            "fund": [fund], "closes-on": closes.field, "panel-date": panel.field, "id": [roundId],
        ])
        schedule.add("round close", on: closes.adding(days: 1), as: DemoCast.officer, ["round": [roundId]])
        for _ in 0..<bids {
            let submitted = opens.adding(days: random.int(1...(closesAfter - 1)))
            planBid(fund: fund, roundId: roundId, submitted: submitted, closes: closes, panel: panel)
        }
    }

    mutating func planVictimsGrant(year: FinancialYear, submitted: CalendarDate) {
        planBid(fund: "victims", roundId: nil, submitted: submitted, closes: submitted.adding(days: 14), panel: submitted.adding(days: 28))
    }

    /// The key of the money a fund's award on `day` comes from.
    func budgetKey(_ fund: String, _ day: CalendarDate) -> String {
        let year = FinancialYear(containing: day)
        switch fund {
        case "community": return "community/\((Int(year.startYear) - 2017) / 3)"
        default: return "\(fund)/\(year)"
        }
    }

    /// Whether the fund's rules let `organisation` bid: the types the strategy names.
    static func mayBid(_ organisation: DemoCast.Organisation, fund: String) -> Bool {
        switch fund {
        case "property": return [.communityGroup, .watchScheme, .parishCouncil, .charity, .voluntaryGroup, .school].contains(organisation.type)
        case "community": return [.communityGroup, .voluntaryGroup, .charity, .socialEnterprise].contains(organisation.type)
        default: return true
        }
    }

    private mutating func planBid(fund: String, roundId: String?, submitted: CalendarDate, closes: CalendarDate, panel: CalendarDate) {
        let officer = DemoCast.officer
        let organisation: (id: String, area: String, district: Int)
        if fund == "victims" {
            let provider = random.pick(DemoCast.victimProviders)
            organisation = (provider.id, area(ofDistrict: random.int(0...5), on: submitted), 0)
        } else {
            let org = random.pick(eligibleByFund[fund] ?? organisations)
            organisation = (org.id, area(of: org, on: submitted), org.districtIndex)
        }
        let bidId = nextId("bid")
        let range = Self.requestRange(fund)
        let requested = Money(pounds: Int64(random.int(range) / 50 * 50))
        let start = panel.adding(days: 30)
        let end = start.adding(days: random.int(180...330))
        let objectives = Array(Set([random.pick(Self.objectivesByFund[fund]!), random.pick(Self.objectivesByFund[fund]!)])).sorted()
        let outcome = random.pick(Self.outcomes)
        let target = random.int(10...200)
        var fields: [String: [String]] = [
            "fund": [fund], "org": [organisation.id], "title": [random.pick(Self.titles)], "area": [organisation.area],
            "amount": requested.field, "start": start.field, "end": end.field, "objective": objectives,
            "outcome": ["\(outcome.0):\(outcome.1):\(target)"], "volunteer-hours": [String(random.int(0...600))],
            "match-funding": [Money(pounds: Int64(random.int(0...3) * 250)).plain], "id": [bidId],
        ]
        if let roundId { fields["round"] = [roundId] }
        schedule.add("bid submit", on: submitted, as: officer, fields)

        var endorsed: CalendarDate?
        if fund == "property" && random.chance(92) {
            let on = submitted.adding(days: random.int(0...4))
            schedule.add("bid endorse", on: on, as: DemoCast.endorser(organisation.area), ["bid": [bidId]])
            endorsed = on
        }
        if random.chance(3) {
            // Withdrawn the day before the round closes, or after the endorsement if that came later.
            let on = max(closes.adding(days: -1), endorsed ?? submitted)
            schedule.add("bid withdraw", on: on, as: officer, ["bid": [bidId], "reason": ["the group could not find a venue"]])
            return
        }
        let decider = random.chance(80) ? DemoCast.commissioner : DemoCast.deputy
        let decided = panel.adding(days: 7)
        guard random.chance(93) else {
            schedule.add("bid assess", on: closes.adding(days: 3), as: officer, [
                "bid": [bidId], "eligible": ["false"], "reason": ["the project is outside the fund's purpose"],
            ])
            schedule.add("bid decline", on: decided, as: decider, ["bid": [bidId], "reason": ["not eligible for the fund"]])
            return
        }
        schedule.add("bid assess", on: closes.adding(days: 3), as: officer, ["bid": [bidId], "eligible": ["true"], "reason": ["meets the fund's criteria"]])
        var members = DemoCast.panel.shuffled(using: &random).prefix(4).map { $0 }
        if random.chance(8) {
            let conflicted = members.removeFirst()
            schedule.add("bid declare-conflict", on: panel.adding(days: -5), as: conflicted, [
                "bid": [bidId], "nature": ["trustee of the applicant"],
            ])
        }
        var total = 0
        for member in members.prefix(3) {
            let scores = ["outcomes", "value for money", "benefits in kind", "deliverability"].map { "\($0):\(random.int(1...5))" }
            total += scores.map { Int($0.split(separator: ":").last!)! }.reduce(0, +)
            schedule.add("bid score", on: panel, as: member, ["bid": [bidId], "score": scores])
        }
        let chair = members[0]
        let key = budgetKey(fund, decided)
        let strong = total >= 30
        let award = strong && random.chance(70) ? requested : Money(pounds: max(Int64(range.lowerBound), requested.pence / 100 * Int64(random.int(75...95)) / 100 / 50 * 50))
        let affordable = (budget[key] ?? .zero) >= award
        if (fund == "property" && endorsed == nil) || !strong || !affordable {
            let reason = fund == "property" && endorsed == nil ? "no police endorsement" : (!strong ? "scored below the panel's threshold" : "the fund has no money left this period")
            schedule.add("bid recommend", on: panel, as: chair, ["bid": [bidId], "decision": ["decline"], "rationale": [reason]])
            schedule.add("bid decline", on: decided, as: decider, ["bid": [bidId], "reason": [reason]])
            return
        }
        budget[key]! -= award
        schedule.add("bid recommend", on: panel, as: chair, [
            "bid": [bidId], "decision": ["fund"], "amount": award.field, "rationale": ["strong outcomes and benefits in kind"],
        ])
        let grantId = nextId("grant")
        schedule.add("bid award", on: decided, as: decider, [
            "bid": [bidId], "amount": award.field, "id": [grantId], "condition": ["evidence outcomes", "share learning"],
        ])
        planGrant(grantId: grantId, fund: fund, award: award, decided: decided, end: end, target: target, outcome: outcome.0)
    }

    private mutating func planGrant(grantId: String, fund: String, award: Money, decided: CalendarDate, end: CalendarDate, target: Int, outcome: String) {
        let officer = DemoCast.officer
        let finance = DemoCast.finance
        let holdsBack = fund == "community" || fund == "innovation"
        let signed = decided.adding(days: random.int(10...20))
        schedule.add("grant sign", on: signed, as: officer, ["grant": [grantId]])
        let firstPaid = signed.adding(days: random.int(5...10))
        schedule.add("grant pay", on: firstPaid, as: finance, [
            "grant": [grantId], "tranche": ["1"], "payment-ref": [nextId("PAY", width: 6)], "invoice-ref": ["CLAIM-\(grantId)-1"],
        ])
        if counters["grant", default: 0] % 37 == 5 && holdsBack {
            schedule.add("grant release", on: end.adding(days: 20), as: finance, [
                "grant": [grantId], "reason": ["the group closed before the project ended"],
            ])
            return
        }
        if holdsBack {
            let midway = firstPaid.adding(days: max(30, Int(end.daysSinceEpoch - firstPaid.daysSinceEpoch) / 2))
            schedule.add("grant progress-report", on: midway, as: officer, [
                "grant": [grantId], "summary": ["on track"],
            ])
        }
        let late = random.chance(15)
        var reported = end.adding(days: late ? random.int(60...100) : random.int(7...25))
        let missed = random.chance(20)
        let achieved = missed ? target * random.int(40...85) / 100 : target * random.int(95...130) / 100
        let report: [String: [String]] = [
            "grant": [grantId], "outcome": ["\(outcome):\(target):\(achieved)"],
            "evidence": ["attendance registers and partner feedback"], "learning": ["shared at the county community safety forum"],
        ]
        if random.chance(10) {
            schedule.add("grant final-report", on: reported, as: officer, report)
            schedule.add("grant return-report", on: reported.adding(days: 7), as: officer, ["grant": [grantId], "reason": ["no evidence of the outcomes"]])
            reported = reported.adding(days: 30)
        }
        schedule.add("grant final-report", on: reported, as: officer, report)
        let accepted = reported.adding(days: random.int(5...15))
        schedule.add("grant accept-report", on: accepted, as: officer, ["grant": [grantId]])
        var closed = accepted.adding(days: 5)
        if holdsBack {
            let paid = accepted.adding(days: random.int(5...10))
            schedule.add("grant pay", on: paid, as: DemoCast.finance2, [
                "grant": [grantId], "tranche": ["2"], "payment-ref": [nextId("PAY", width: 6)], "invoice-ref": ["CLAIM-\(grantId)-2"],
            ])
            closed = paid.adding(days: 5)
        }
        if missed && counters["grant", default: 0] % 11 == 3 {
            schedule.add("grant recover", on: closed, as: finance, [
                "grant": [grantId], "amount": [Money(pounds: 250).plain], "reference": ["RECOVERY-\(grantId)"],
                "reason": ["outcomes not delivered as agreed"],
            ])
            closed = closed.adding(days: 3)
        }
        schedule.add("grant close", on: closed, as: officer, ["grant": [grantId]])
    }
}

extension MutableCollection where Self: RandomAccessCollection {
    /// A deterministic shuffle by the demo's own generator.
    func shuffled(using random: inout DemoRandom) -> [Element] {
        var items = Array(self)
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, random.int(0...i))
        }
        return items
    }
}
