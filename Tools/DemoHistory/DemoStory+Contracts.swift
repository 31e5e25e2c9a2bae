import Commissioning
import LedgerStore

/// Victims' services contracts (one spanning three years, one topped up with OPCC money, one
/// extended), partnership agreements, quarterly payments, annual reviews, a year-end accrual,
/// a payment recorded days after its date, and a reversed payment. Each three-year cycle
/// repeats them.
extension DemoStory {
    /// MoJ money the contracts commit in each year of a cycle (the small victims' grants get the rest).
    func contractMoj(_ yearOfCycle: Int) -> Money {
        let pounds: [Int64] = [467_500, 640_000, 595_000]
        return Money(pounds: pounds[yearOfCycle])
    }

    mutating func planContracts(year: FinancialYear, cycleIndex: Int) {
        let y = Int(year.startYear)
        let cycleStart = y - cycleIndex
        let fy = { (offset: Int) in FinancialYear(startYear: cycleStart + offset).description }
        switch cycleIndex {
        case 0:
            let hub = nextId("contract")
            letCommitment("contract let", id: hub, fund: "victims", provider: "victim-support",
                          service: "Victims' hub: referral, needs assessment and support", on: date(y, 4, 5),
                          start: date(y, 4, 1), end: date(y + 3, 3, 31), objectives: ["5.1", "5.3"],
                          profile: (0..<3).map { "\(fy($0)):moj:400000.00" })
            planQuarterlyPayments(hub, years: 3, from: y, quarter: Money(pounds: 100_000), accrueYearEnd: true, lateQ4: false, reverseFirst: false)
            planReviews(hub, years: 3, from: y)
            let isva = nextId("contract")
            letCommitment("contract let", id: isva, fund: "victims", provider: "safety-net",
                          service: "Independent sexual violence advisers", on: date(y, 6, 20),
                          start: date(y, 7, 1), end: date(y + 2, 6, 30), objectives: ["6.3", "5.2"],
                          profile: ["\(fy(0)):moj:67500.00", "\(fy(0)):opcc:22500.00", "\(fy(1)):moj:90000.00", "\(fy(1)):opcc:30000.00",
                                    "\(fy(2)):moj:22500.00", "\(fy(2)):opcc:7500.00"])
            planIsvaPayments(isva, from: y)
            let csp = nextId("agreement")
            letCommitment("agreement make", id: csp, fund: "partnership", provider: "cumbria-county-council",
                          service: "Community safety partnership: local commissioning", on: date(y, 4, 6),
                          start: date(y, 4, 1), end: date(y + 3, 3, 31), objectives: ["3.1", "3.4", "4.1"],
                          profile: (0..<3).map { "\(fy($0)):opcc:60000.00" })
            planHalfYearlyPayments(csp, years: 3, from: y, half: Money(pounds: 30_000))
            planReviews(csp, years: 3, from: y)
        case 1:
            let outreach = nextId("contract")
            letCommitment("contract let", id: outreach, fund: "victims", provider: "cumbria-da-service",
                          service: "Domestic abuse outreach for victims", on: date(y, 4, 5),
                          start: date(y, 4, 1), end: date(y + 2, 3, 31), objectives: ["5.2", "5.1"],
                          profile: ["\(fy(1)):moj:150000.00", "\(fy(2)):moj:150000.00"])
            planQuarterlyPayments(outreach, years: 2, from: y, quarter: Money(pounds: 37_500), accrueYearEnd: false, lateQ4: false, reverseFirst: true)
            planReviews(outreach, years: 2, from: y)
            let yot = nextId("agreement")
            letCommitment("agreement make", id: yot, fund: "partnership", provider: "cumbria-youth-offending",
                          service: "Youth justice diversion", on: date(y, 4, 6),
                          start: date(y, 4, 1), end: date(y + 2, 3, 31), objectives: ["4.1", "8.1"],
                          profile: ["\(fy(1)):opcc:40000.00", "\(fy(2)):opcc:40000.00"])
            planHalfYearlyPayments(yot, years: 2, from: y, half: Money(pounds: 20_000))
            planReviews(yot, years: 2, from: y)
        default:
            break
        }
    }

    private mutating func letCommitment(
        _ command: String, id: String, fund: String, provider: String, service: String, on: CalendarDate,
        start: CalendarDate, end: CalendarDate, objectives: [String], profile: [String]
    ) {
        schedule.add(command, on: on, as: DemoCast.officer2, [
            "id": [id], "fund": [fund], "provider": [provider], "service": [service],
            "value": [Self.total(of: profile).plain],
            "start": start.field, "end": end.field, "objective": objectives, "profile": profile,
            "kpi": ["people supported:\(random.int(300...900))", "cases closed with needs met:\(random.int(60...90))"],
        ])
    }

    private mutating func pay(_ id: String, on day: CalendarDate, net: Money, recordOn: CalendarDate? = nil) -> String {
        let reference = nextId("PAY", width: 6)
        schedule.add("contract pay", on: day, as: DemoCast.finance, recordOn: recordOn, [
            "contract": [id], "payment-ref": [reference], "invoice-ref": ["INV-\(id)-\(day)"], "net": net.field,
            "vat": [id.hasPrefix("contract") ? Money(pence: net.pence / 5).plain : "0.00"],
        ])
        return reference
    }

    /// Quarterly in arrears; with `accrueYearEnd` the fourth quarter of each year is accrued at
    /// 31 March and paid in April, against the accrual's reversal in the new year.
    private mutating func planQuarterlyPayments(
        _ id: String, years: Int, from y: Int, quarter: Money, accrueYearEnd: Bool, lateQ4: Bool, reverseFirst: Bool
    ) {
        for n in 0..<years {
            let year = y + n
            for (index, day) in [date(year, 6, 30), date(year, 9, 30), date(year, 12, 31), date(year + 1, 3, 28)].enumerated() {
                if index == 3 && accrueYearEnd && n < years - 1 {
                    schedule.add("accrual record", on: date(year + 1, 3, 31), as: DemoCast.finance, [
                        "contract": [id], "amount": quarter.field, "description": ["fourth quarter delivered, invoice not yet received"],
                    ])
                    _ = pay(id, on: date(year + 1, 4, 20), net: quarter)
                    continue
                }
                let reference = pay(id, on: day, net: quarter)
                if reverseFirst && n == 0 && index == 0 {
                    schedule.add("payment reverse", on: date(year, 7, 3), as: DemoCast.finance2, [
                        "payment-ref": [reference], "reason": ["paid to the wrong supplier account"],
                    ])
                    _ = pay(id, on: date(year, 7, 4), net: quarter)
                }
            }
        }
    }

    /// The ISVA contract: quarterly from September; its March payment of the first year is
    /// recorded on 6 April, days after its date; it is extended by a quarter, then ended.
    private mutating func planIsvaPayments(_ id: String, from y: Int) {
        let quarter = Money(pounds: 30_000)
        _ = pay(id, on: date(y, 9, 30), net: quarter)
        _ = pay(id, on: date(y, 12, 31), net: quarter)
        _ = pay(id, on: date(y + 1, 3, 28), net: quarter, recordOn: date(y + 1, 4, 6))
        for day in [date(y + 1, 6, 30), date(y + 1, 9, 30), date(y + 1, 12, 31), date(y + 2, 3, 28), date(y + 2, 6, 30)] {
            _ = pay(id, on: day, net: quarter)
        }
        schedule.add("contract review", on: date(y + 1, 3, 10), as: DemoCast.officer, review(id, "\(FinancialYear(startYear: y))"))
        schedule.add("contract extend", on: date(y + 2, 5, 10), as: DemoCast.commissioner, [
            "contract": [id], "end": [date(y + 2, 9, 30).description], "value": ["270000.00"],
            "profile": ["\(FinancialYear(startYear: y)):moj:67500.00", "\(FinancialYear(startYear: y)):opcc:22500.00",
                        "\(FinancialYear(startYear: y + 1)):moj:90000.00", "\(FinancialYear(startYear: y + 1)):opcc:30000.00",
                        "\(FinancialYear(startYear: y + 2)):moj:45000.00", "\(FinancialYear(startYear: y + 2)):opcc:15000.00"],
            "reason": ["a quarter more while the service is re-procured"],
        ])
        _ = pay(id, on: date(y + 2, 9, 30), net: quarter)
        schedule.add("contract review", on: date(y + 2, 9, 20), as: DemoCast.officer, review(id, "\(FinancialYear(startYear: y + 1))"))
        schedule.add("contract end", on: date(y + 2, 10, 1), as: DemoCast.officer, ["contract": [id], "reason": ["term completed"]])
    }

    private mutating func planHalfYearlyPayments(_ id: String, years: Int, from y: Int, half: Money) {
        for n in 0..<years {
            _ = pay(id, on: date(y + n, 9, 30), net: half)
            _ = pay(id, on: date(y + n + 1, 3, 28), net: half)
        }
    }

    private mutating func planReviews(_ id: String, years: Int, from y: Int) {
        for n in 0..<years {
            schedule.add("contract review", on: date(y + n + 1, 3, 15), as: DemoCast.officer, review(id, "\(FinancialYear(startYear: y + n))"))
        }
    }

    private mutating func review(_ id: String, _ period: String) -> [String: [String]] {
        let responses = random.int(40...200)
        return [
            "contract": [id], "period": [period], "kpi-actual": ["people supported:\(random.int(250...950))", "cases closed with needs met:\(random.int(55...95))"],
            "feedback-responses": [String(responses)], "feedback-satisfied": [String(responses * random.int(70...98) / 100)],
            "victims-code-compliant": [random.chance(90) ? "true" : "false"],
            "rating": [random.pick(["good", "good", "approaching-target", "requires-improvement"])],
        ]
    }
}

extension DemoStory {
    /// The sum of the amounts of `YEAR:SOURCE:AMOUNT` profile lines.
    static func total(of profile: [String]) -> Money {
        profile.reduce(Money.zero) { sum, line in sum + (Money(parsing: String(line.split(separator: ":").last!)) ?? .zero) }
    }
}
