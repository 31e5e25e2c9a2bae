import Commissioning
import LedgerStore

/// The demo's story: the strategy's five funds over its three years (or `3 × scale` years, the
/// same activity each year, over `scale` times as many organisations), bids to grants through
/// panels, victims' contracts, partnership agreements, year ends.
/// It only plans commands; ``DemoHistory`` runs them through the same decisions as any other.
struct DemoStory {
    var random: DemoRandom
    var schedule = DemoSchedule()
    let years: [FinancialYear]
    let organisations: [DemoCast.Organisation]
    /// The organisations each fund's rules let bid, worked out once.
    let eligibleByFund: [String: [DemoCast.Organisation]]
    /// Money the story has left to award, per fund and budget period, so it plans awards the
    /// rules will accept (and declines the rest, as a panel would when a fund runs out).
    var budget: [String: Money] = [:]
    var counters: [String: Int] = [:]

    static let start = CalendarDate(year: 2017, month: 4, day: 3)!

    init(seed: UInt64, scale: Int) {
        random = DemoRandom(seed: seed)
        years = (0..<(3 * scale)).map { FinancialYear(startYear: 2017 + $0) }
        let organisations = DemoCast.organisations(count: 60 * scale, random: &random)
        self.organisations = organisations
        eligibleByFund = Dictionary(uniqueKeysWithValues: ["property", "community", "innovation"].map { fund in
            (fund, organisations.filter { Self.mayBid($0, fund: fund) })
        })
    }

    /// Plans the whole history.
    mutating func plan() -> DemoSchedule {
        setUp()
        for (index, year) in years.enumerated() {
            planYear(year, index: index)
        }
        return schedule
    }

    /// The next id of a kind: `bid-0001`, `grant-0001`, `PAY-000001` …
    mutating func nextId(_ kind: String, width: Int = 4) -> String {
        counters[kind, default: 0] += 1
        return kind + "-" + String(counters[kind]!).leftPadded(width)
    }

    func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day)! }

    /// The MoJ Victims Services Grant for each year of a three-year cycle.
    static func mojAllocation(_ yearOfCycle: Int) -> Money {
        let pounds: [Int64] = [820_000, 850_000, 870_000]
        return Money(pounds: pounds[yearOfCycle])
    }

    // MARK: Set-up on the first day

    private mutating func setUp() {
        let day = Self.start
        let officer = DemoCast.officer
        schedule.add("actor register", on: day, as: officer, ["id": [officer]])
        schedule.add("role grant", on: day, as: officer, ["actor-id": [officer], "role": ["commissioning-officer"]])
        for step in CumbriaStrategy2017.referenceData() { schedule.add(step.command, on: day, as: officer, step.fields) }
        for (code, name) in DemoCast.unitaries {
            schedule.add("area define", on: day, as: officer, ["code": [code], "name": [name], "valid-from": ["2023-04-01"]])
        }
        var cast: [(String, String, [String: [String]])] = [
            (DemoCast.officer2, "commissioning-officer", [:]), (DemoCast.finance, "finance-officer", [:]),
            (DemoCast.finance2, "finance-officer", [:]), (DemoCast.commissioner, "decision-maker", [:]),
            (DemoCast.deputy, "decision-maker", [:]),
        ]
        cast += DemoCast.panel.map { ($0, "panel-member", [:]) }
        cast += DemoCast.districts.enumerated().map { index, district in
            (DemoCast.endorser(district.code), "endorsing-officer", ["rank": [index % 2 == 0 ? "PCSO" : "PC"], "area": [district.code]])
        }
        for (id, role, extra) in cast {
            schedule.add("actor register", on: day, as: officer, ["id": [id]])
            schedule.add("role grant", on: day, as: officer, ["actor-id": [id], "role": [role]].merging(extra) { a, _ in a })
        }
        for step in CumbriaStrategy2017.funds() {
            schedule.add(step.command, on: day, as: officer, step.fields)
        }
        for organisation in organisations {
            schedule.add("org register", on: day, as: officer, [
                "id": [organisation.id], "name": [organisation.name], "type": [organisation.type.rawValue],
                "area": [DemoCast.districts[organisation.districtIndex].code],
            ])
        }
        for body in DemoCast.partners + DemoCast.victimProviders {
            schedule.add("org register", on: day, as: officer, ["id": [body.id], "name": [body.name], "type": [body.type.rawValue]])
        }
    }

    // MARK: Each financial year

    private mutating func planYear(_ year: FinancialYear, index: Int) {
        let y = Int(year.startYear)
        let finance = DemoCast.finance
        planReferenceChanges(year)
        if index % 3 == 0 && index > 0 { planCommunityPotRenewal(year) }
        var allocations: [(String, String, Money, FinancialYear)] = [
            ("property", "property-proceeds", Money(pounds: 45_000), year), ("community", "opcc", Money(pounds: 100_000), year),
            ("innovation", "opcc", Money(pounds: 100_000), year),
        ]
        if index % 3 == 0 {
            // The MoJ grant agreement and the OPCC's medium-term plan give three years' money at
            // the start of each cycle, so multi-year contracts and agreements are let within it.
            for offset in 0..<3 {
                let later = FinancialYear(startYear: y + offset)
                allocations.append(("victims", "moj", Self.mojAllocation(offset), later))
                allocations.append(("victims", "opcc", Money(pounds: 60_000), later))
                allocations.append(("partnership", "opcc", Money(pounds: 120_000), later))
            }
        }
        for (fund, source, amount, allocationYear) in allocations {
            schedule.add("allocation record", on: date(y, 4, 4), as: finance, [
                "fund": [fund], "amount": amount.field, "source": [source], "year": [allocationYear.description],
                "reference": ["\(fund) \(source) allocation \(allocationYear)"], "id": [nextId("allocation")],
            ])
        }
        budget["property/\(year)"] = Money(pounds: 45_000)
        budget["innovation/\(year)"] = Money(pounds: 100_000)
        if index % 3 == 0 { budget["community/\(index / 3)"] = Money(pounds: 300_000) }
        budget["victims/\(year)"] = Self.mojAllocation(index % 3) - contractMoj(index % 3)

        for quarter in 0..<4 {
            let open = date(quarter == 3 ? y + 1 : y, [4, 7, 10, 1][quarter], 10)
            planRound(fund: "property", year: year, opens: open, closesAfter: 40, panelAfter: 55, bids: 9)
        }
        for half in 0..<2 {
            planRound(fund: "community", year: year, opens: date(y, half == 0 ? 4 : 10, 20), closesAfter: 45, panelAfter: 65, bids: 16)
        }
        planRound(fund: "innovation", year: year, opens: date(y, 5, 1), closesAfter: 60, panelAfter: 80, bids: 10)
        for n in 0..<2 { planVictimsGrant(year: year, submitted: date(y, n == 0 ? 6 : 11, 5)) }
        planContracts(year: year, cycleIndex: index % 3)
        planYearEnd(year)
    }

    /// The 2021 plan (its objectives keep their codes) and the two unitary authorities of 2023,
    /// whose endorsing officers are appointed when the areas come into being.
    private mutating func planReferenceChanges(_ year: FinancialYear) {
        let officer = DemoCast.officer
        if year.startYear == 2020 && years.count > 4 {
            for objective in CumbriaStrategy2017.objectives {
                schedule.add("objective define", on: date(2021, 3, 15), as: officer, [
                    "code": [objective.code], "title": [objective.title], "valid-from": ["2021-04-01"],
                ])
            }
        }
        if year.startYear == 2023 {
            for (code, _) in DemoCast.unitaries {
                let id = DemoCast.endorser(code)
                schedule.add("actor register", on: date(2023, 4, 3), as: officer, ["id": [id]])
                schedule.add("role grant", on: date(2023, 4, 3), as: officer, ["actor-id": [id], "role": ["endorsing-officer"], "rank": ["PCSO"], "area": [code]])
            }
        }
    }

    /// A longer history renews the Community Fund's three-year pot before each new period.
    private mutating func planCommunityPotRenewal(_ year: FinancialYear) {
        let last = FinancialYear(startYear: Int(year.startYear) + 2)
        schedule.add("fund amend", on: date(Int(year.startYear), 3, 20), as: DemoCast.officer, [
            "fund": ["community"], "pot": [Money(pounds: 300_000).plain], "pot-first-year": [year.description], "pot-last-year": [last.description],
            "rules-from": [year.firstDay.description], "reason": ["Community Fund renewed for \(year) to \(last)"],
        ])
    }

    /// The area a bid benefits: its organisation's district, or after April 2023 the unitary authority.
    func area(of organisation: DemoCast.Organisation, on day: CalendarDate) -> String {
        area(ofDistrict: organisation.districtIndex, on: day)
    }

    /// District `index`, or after April 2023 the unitary authority that replaced it.
    func area(ofDistrict index: Int, on day: CalendarDate) -> String {
        let district = DemoCast.districts[index]
        return day >= date(2023, 4, 1) ? district.unitary : district.code
    }

    private mutating func planYearEnd(_ year: FinancialYear) {
        let next = Int(year.startYear) + 1
        schedule.add("moj-return submit", on: date(Int(year.startYear), 10, 20), as: DemoCast.finance, ["year": [year.description], "period": ["Q2"]])
        schedule.add("year close", on: date(next, 5, 15), as: DemoCast.finance, ["year": [year.description]])
        schedule.add("moj-return submit", on: date(next, 5, 20), as: DemoCast.finance, ["year": [year.description], "period": ["year"]])
    }
}
