import Commissioning
import LedgerStore
import Testing

@Suite("Contracts and partnership agreements from letting to end")
struct ContractLifecycleTests {
    static func line(_ year: Int, _ source: FundingSource, _ pounds: Int64) -> FundingLine {
        FundingLine(financialYear: FinancialYear(startYear: year), source: source, amount: Money(pounds: pounds))
    }

    /// "The Commissioner receives a specific ring-fenced Victims Services Grants from the
    /// Ministry of Justice to commission a wide range of services for victims": a two-year
    /// victims' service on MoJ money topped up with OPCC money, paid quarterly in arrears,
    /// reviewed each year, with the last quarter of 2017-18 accrued at the year end, the year
    /// closed, extended for a third year, and ended early.
    @Test("a multi-year victims' contract: let, paid, reviewed, accrued, year closed, extended, ended, released")
    func victimsContract() throws {
        let t = try TestLedger()
        for (year, moj, opcc) in [("2017-18", "150000.00", "50000.00"), ("2018-19", "150000.00", "50000.00")] {
            try t.allocate(moj, "moj", year: year)
            try t.allocate(opcc, "opcc", year: year)
        }
        let letting = try t.run("contract let", TestLedger.victimsContract(
            value: "320000.00", end: "2019-03-31",
            profile: ["2017-18:moj:120000.00", "2017-18:opcc:40000.00", "2018-19:moj:120000.00", "2018-19:opcc:40000.00"],
            objective: ["5.1", "5.3"]))
        #expect(letting.summary.hasPrefix("let contract-0001 with victim-support for 'Victims' referral and assessment service': £320,000.00 from 2017-04-03 to 2019-03-31"))

        // 2017-18: three quarters paid in arrears, all from the year's MoJ profile.
        for (date, ref) in [("2017-07-14", "PAY-17Q1"), ("2017-10-13", "PAY-17Q2"), ("2018-01-12", "PAY-17Q3")] {
            t.setToday(date)
            try t.payContract("contract-0001", "40000.00", ref: ref)
            guard case let .commitmentPaymentRecorded(e) = try t.lastEvent(in: "contract-0001") else { Issue.record("no payment"); return }
            #expect(e.lines == [Self.line(2017, .mojVictimsGrant, 40_000)])
        }
        // Q4 delivered by 31 March and invoiced in April: accrued at the year end, from what
        // the year's profile has left (its OPCC money).
        t.setToday("2018-03-31")
        let accrual = try t.run("accrual record", ["contract": ["contract-0001"], "amount": ["40000.00"], "description": ["Q4 2017-18 service, invoiced in April"]], as: TestLedger.finance)
        #expect(accrual.summary == "recorded accrual accrual-0001 of £40,000.00 on contract-0001 for 2017-18 (opcc)")

        // The annual review, then the year closed.
        t.setToday("2018-04-05")
        try t.run("contract review", [
            "contract": ["contract-0001"], "period": ["2017-18"], "kpi-actual": ["referrals-assessed:1187", "victims-contacted-in-48h:96"],
            "feedback-responses": ["212"], "feedback-satisfied": ["197"], "victims-code-compliant": ["true"], "rating": ["good"],
        ])
        t.setToday("2018-04-10")
        try t.run("year close", ["year": ["2017-18"]], as: TestLedger.finance)
        t.expectRule(.closedYear, "financial year 2017-18 is closed; date the command in an open year (a closed year is never restated).") {
            try t.payContract("contract-0001", "40000.00", ref: "PAY-17Q4", on: "2018-03-30")
        }
        t.expectRule(.closedYear, "accrual-0001 is an accrual of 2017-18, which is closed; a closed year is never restated (its accruals reverse in 2018-19 of themselves).") {
            try t.run("accrual reverse", ["accrual": ["accrual-0001"], "reason": ["invoice received"]], as: TestLedger.finance)
        }

        // 2018-19: the Q4 2017-18 invoice and three quarters, MoJ money first, then OPCC money.
        // The accrual reversed on 1 April 2018 ("year-end accruals ... which reverse in the next
        // year", DESIGN.md): paying the invoice that settles it does not use 2018-19's profile.
        for (date, ref, source) in [
            ("2018-04-20", "PAY-17Q4", FundingSource.mojVictimsGrant), ("2018-07-13", "PAY-18Q1", .mojVictimsGrant),
            ("2018-10-12", "PAY-18Q2", .mojVictimsGrant), ("2019-01-11", "PAY-18Q3", .opcc),
        ] {
            t.setToday(date)
            try t.payContract("contract-0001", "40000.00", ref: ref)
            guard case let .commitmentPaymentRecorded(e) = try t.lastEvent(in: "contract-0001") else { Issue.record("no payment"); return }
            #expect(e.lines == [Self.line(2018, source, 40_000)])
        }

        // Extended for 2019-20 by the Commissioner, once that year's money is allocated.
        t.setToday("2019-02-15")
        try t.allocate("150000.00", "moj", year: "2019-20")
        try t.allocate("50000.00", "opcc", year: "2019-20")
        let extended = try t.run("contract extend", [
            "contract": ["contract-0001"], "end": ["2020-03-31"], "value": ["480000.00"],
            "profile": ["2017-18:moj:120000.00", "2017-18:opcc:40000.00", "2018-19:moj:120000.00", "2018-19:opcc:40000.00", "2019-20:moj:120000.00", "2019-20:opcc:40000.00"],
            "reason": ["extended to the end of the strategy period"],
        ], as: TestLedger.decisionMaker)
        #expect(extended.summary.hasPrefix("extended contract-0001: £480,000.00 to 2020-03-31"))
        guard case let .commitmentVaried(varied) = try t.lastEvent(in: "contract-0001") else { Issue.record("no variation"); return }
        #expect(varied.isExtension)

        // Q4 2018-19, invoiced in March, is paid from what 2018-19's profile has left: its OPCC
        // money, which paid for no work of 2017-18. Then the year has nothing left.
        t.setToday("2019-03-29")
        try t.payContract("contract-0001", "40000.00", ref: "PAY-18Q4")
        guard case let .commitmentPaymentRecorded(q4) = try t.lastEvent(in: "contract-0001") else { Issue.record("no payment"); return }
        #expect(q4.lines == [Self.line(2018, .opcc, 40_000)])
        t.expectRule(.overpayment, "contract-0001's 2018-19 profile has nothing left to pay £0.01 from; vary the contract first.") {
            try t.payContract("contract-0001", "0.01", ref: "PAY-18Q4-EXTRA")
        }

        // 2019-20: Q1 paid; a second annual review; ended early.
        t.setToday("2019-04-25")
        try t.run("contract review", [
            "contract": ["contract-0001"], "period": ["2018-19"], "kpi-actual": ["referrals-assessed:1302"],
            "feedback-responses": ["240"], "feedback-satisfied": ["231"], "victims-code-compliant": ["true"], "rating": ["good"],
        ])
        t.setToday("2019-06-28")
        try t.payContract("contract-0001", "40000.00", ref: "PAY-19Q1")
        let ended = try t.run("contract end", ["contract": ["contract-0001"], "reason": ["service recommissioned jointly with the neighbouring PCCs"]])
        // What is unpaid is 2019-20's: the contract paid for every quarter it delivered before it.
        #expect(ended.summary == "ended contract-0001; £120,000.00 of its profile is unpaid: release what will not be paid with `cledger contract release`")
        t.expectRefused(.wrongState(
            kind: "contract", id: "contract-0001", state: "ended", command: "be paid",
            fitting: "an ended contract takes only reviews, accruals and releases (`cledger contract release` returns what will not be paid to the fund)")) {
            try t.payContract("contract-0001", "1000.00", ref: "PAY-19Q2")
        }

        // What 2019-20 will not pay goes back to the fund.
        t.setToday("2019-07-01")
        try t.run("contract release", ["contract": ["contract-0001"], "amount": ["80000.00"], "year": ["2019-20"], "source": ["moj"], "reason": ["contract ended"]], as: TestLedger.finance)
        try t.run("contract release", ["contract": ["contract-0001"], "amount": ["40000.00"], "year": ["2019-20"], "source": ["opcc"], "reason": ["contract ended"]], as: TestLedger.finance)
        t.expectRule(.profile, "contract-0001 has £0.00 of its 2019-20 moj profile to release (£120,000.00 profiled, £40,000.00 paid, £0.00 accrued, £80,000.00 released); release at most £0.00.") {
            try t.run("contract release", ["contract": ["contract-0001"], "amount": ["0.01"], "year": ["2019-20"], "source": ["moj"], "reason": ["contract ended"]], as: TestLedger.finance)
        }
        // The released MoJ money is the fund's again: a new contract may commit it.
        try t.run("contract let", TestLedger.victimsContract(
            value: "70000.00", start: "2019-07-01", end: "2020-03-31", profile: ["2019-20:moj:70000.00"], objective: ["5.2"]))

        let kinds = try t.streamEvents("contract-0001").map { event -> String in
            switch event {
            case .contractLet: return "let"
            case .commitmentPaymentRecorded: return "pay"
            case .accrualRecorded: return "accrue"
            case .contractReviewed: return "review"
            case .commitmentVaried: return "extend"
            case .commitmentEnded: return "end"
            case .commitmentReleased: return "release"
            default: return "other"
            }
        }
        #expect(kinds == ["let", "pay", "pay", "pay", "accrue", "review", "pay", "pay", "pay", "pay", "extend", "pay", "review", "pay", "end", "release", "release"])
        #expect(try t.store.verify().isValid)
    }

    /// "Our partners are uniquely placed through their links to local communities and the
    /// services they deliver to act as the lead agency to commission and deliver local
    /// services": the county council leads, funded by a partnership agreement.
    @Test("a partnership agreement with Cumbria County Council: made, claims paid, reviewed, varied down, ended")
    func partnershipAgreement() throws {
        let t = try TestLedger()
        try t.allocate("60000.00", "opcc", fund: "partnership")
        try t.run("org register", ["id": ["cumbria-fire"], "name": ["Cumbria Fire and Rescue Service"], "type": ["fire-and-rescue"]])
        try t.run("agreement make", TestLedger.partnershipAgreement())

        for (date, ref) in [("2017-07-10", "CCC-CLAIM-Q1"), ("2017-10-10", "CCC-CLAIM-Q2"), ("2018-01-10", "CCC-CLAIM-Q3")] {
            t.setToday(date)
            try t.payContract("agreement-0001", "15000.00", ref: ref)
        }
        t.setToday("2018-01-20")
        // Not a victims' service: the Victims' Code question need not be answered.
        let review = try t.run("contract review", [
            "contract": ["agreement-0001"], "period": ["2017-18 Q3"], "kpi-actual": ["households-supported:71"],
            "feedback-responses": ["30"], "feedback-satisfied": ["27"], "rating": ["approaching-target"],
        ])
        #expect(review.summary == "recorded review of agreement-0001 for 2017-18 Q3: approaching-target")
        guard case let .contractReviewed(e) = try t.lastEvent(in: "agreement-0001") else { Issue.record("no review"); return }
        #expect(e.kpiActuals == [KeyPerformanceIndicator(name: "households-supported", target: 71)])
        #expect(!e.victimsCodeCompliant)

        // An outreach post was vacant: the deputy varies the agreement down by £5,000.
        t.setToday("2018-02-01")
        let varied = try t.run("contract vary", [
            "contract": ["agreement-0001"], "value": ["55000.00"], "profile": ["2017-18:opcc:55000.00"], "reason": ["outreach post vacant for two months"],
        ], as: TestLedger.deputy)
        #expect(varied.summary == "varied agreement-0001: £55,000.00 to 2018-03-31 (2017-18 opcc £55,000.00)")
        // The £5,000 is the Partnership Fund's again, to the penny.
        let fire = TestLedger.partnershipAgreement(provider: "cumbria-fire", extra: [
            "service": ["Home safety visits for repeat victims"], "value": ["5000.01"], "profile": ["2017-18:opcc:5000.01"],
        ])
        t.expectRule(.fundsAvailable, "fund partnership has £5,000.00 left to commit from its opcc allocation for 2017-18; £5,000.01 is more. Commit at most £5,000.00.") {
            try t.run("agreement make", fire)
        }
        try t.run("agreement make", fire.merging(["value": ["5000.00"], "profile": ["2017-18:opcc:5000.00"]]) { _, new in new })

        t.setToday("2018-03-20")
        t.expectRule(.overpayment, "a payment of £10,000.01 is more than the £10,000.00 left of agreement-0001's 2017-18 profile (opcc £10,000.00); pay at most £10,000.00, or vary the agreement first.") {
            try t.payContract("agreement-0001", "10000.01", ref: "CCC-CLAIM-Q4")
        }
        try t.payContract("agreement-0001", "10000.00", ref: "CCC-CLAIM-Q4")
        t.setToday("2018-03-31")
        let ended = try t.run("contract end", ["contract": ["agreement-0001"], "reason": ["term completed"]])
        #expect(ended.summary == "ended agreement-0001")
        t.expectRefused(.wrongState(
            kind: "agreement", id: "agreement-0001", state: "ended", command: "be ended again",
            fitting: "an ended agreement takes only reviews, accruals and releases (`cledger contract release` returns what will not be paid to the fund)")) {
            try t.run("contract end", ["contract": ["agreement-0001"], "reason": ["term completed"]])
        }
        #expect(try t.store.verify().isValid)
    }
}
