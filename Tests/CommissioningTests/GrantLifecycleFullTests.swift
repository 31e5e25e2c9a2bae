import Commissioning
import LedgerStore
import Testing

/// A grant's whole life, and the rules of its reports, closing and variations.
@Suite("Grant lifecycle: from bid to closed grant, reports, closing and variations")
struct GrantLifecycleFullTests {
    /// "For the community and innovation funds a proportion of funding will be payable as the
    /// scheme is delivered. The balance of funding will be subject to the receipt of a final
    /// report that clearly demonstrates the outcomes and delivery of the project in line with
    /// the grant agreement."
    @Test("a Community Fund grant from submission to close, with a conflicted panel member and the hold-back paid after the final report")
    func happyPath() throws {
        let t = try TestLedger()
        let submitted = try t.run("bid submit", [
            "fund": ["community"], "org": ["keswick-youth-club"], "title": ["Friday night football"], "area": [TestLedger.allerdale],
            "amount": ["7500.00"], "start": ["2017-05-01"], "end": ["2018-02-28"], "objective": ["8.2"],
            "outcome": ["young people engaged:participants:40"], "volunteer-hours": ["300"],
        ])
        #expect(submitted.summary == "recorded bid bid-0001: keswick-youth-club asks fund community for £7,500.00 for 'Friday night football'")
        let steps: [(String, [String: [String]], String, String)] = [
            ("bid assess", ["bid": ["bid-0001"], "eligible": ["true"], "reason": ["small community group; objective 8.2"]], TestLedger.officer,
             "assessed bid-0001 as eligible: small community group; objective 8.2"),
            ("bid declare-conflict", ["bid": ["bid-0001"], "nature": ["volunteer coach at the club"]], TestLedger.panel2,
             "recorded that panel-2 has a conflict of interest in bid-0001 (volunteer coach at the club) and takes no part in it"),
            ("bid score", ["bid": ["bid-0001"], "score": ["outcomes:4", "benefits-in-kind:5", "value-for-money:3"]], TestLedger.panel,
             "recorded panel-1's scores of bid-0001: 12 of 15 on 3 criteria"),
            ("bid recommend", ["bid": ["bid-0001"], "decision": ["fund"], "amount": ["7500.00"], "rationale": ["clear outcomes; 300 volunteer hours"]], TestLedger.panel,
             "recorded the panel's recommendation to fund bid-0001 with £7,500.00"),
            ("bid award", ["bid": ["bid-0001"], "amount": ["7500.00"], "condition": ["evidence attendance"]], TestLedger.decisionMaker,
             "awarded grant grant-0001 of £7,500.00 on bid-0001 to keswick-youth-club, in 2 tranches"),
            ("grant sign", ["grant": ["grant-0001"]], TestLedger.officer, "recorded the signed agreement of grant-0001 with keswick-youth-club"),
            ("grant pay", ["grant": ["grant-0001"], "tranche": ["1"], "payment-ref": ["PAY-104233"], "invoice-ref": ["KYC-1"]], TestLedger.finance,
             "recorded payment PAY-104233 of £6,000.00 on tranche 1 of grant-0001 (opcc, 2017-18); £0.00 of the tranche is left to pay"),
            ("grant progress-report", ["grant": ["grant-0001"], "summary": ["12 sessions, 31 attending"]], TestLedger.officer,
             "recorded a progress report on grant-0001"),
        ]
        for (command, fields, actor, summary) in steps {
            #expect(try t.run(command, fields, as: actor).summary == summary)
        }
        t.setToday("2018-03-05")
        let report = try t.run("grant final-report", [
            "grant": ["grant-0001"], "outcome": ["young people engaged:40:52", "sessions run:40:38"], "evidence": ["attendance registers"],
            "learning": ["presented to the county youth forum"],
        ])
        #expect(report.summary == "recorded the final report of grant-0001: 1 of 2 outcomes met or exceeded")
        #expect(try t.run("grant accept-report", ["grant": ["grant-0001"]]).summary == "accepted the final report of grant-0001; the held-back £1,500.00 may now be paid")
        #expect(try t.pay("grant-0001", tranche: 2, ref: "PAY-104990").summary
            == "recorded payment PAY-104990 of £1,500.00 on tranche 2 of grant-0001 (opcc, 2017-18); £0.00 of the tranche is left to pay")
        #expect(try t.run("grant close", ["grant": ["grant-0001"]]).summary == "closed grant-0001: awarded £7,500.00, paid £7,500.00, released £0.00")

        #expect(try t.envelopes("bid-0001").map(\.eventType) == [
            "BidSubmitted", "EligibilityAssessed", "ConflictDeclared", "BidScored", "PanelRecommended", "GrantAwarded",
        ])
        #expect(try t.envelopes("grant-0001").map(\.eventType) == [
            "AgreementSigned", "TranchePaid", "ProgressReportReceived", "FinalReportReceived", "FinalReportAccepted", "TranchePaid", "GrantClosed",
        ])
        #expect(try t.events("grant-0001")[3] == .finalReportReceived(FinalReportReceived(
            grantId: "grant-0001",
            outcomes: [AchievedOutcome(description: "young people engaged", target: 40, achieved: 52), AchievedOutcome(description: "sessions run", target: 40, achieved: 38)],
            evidence: "attendance registers", learningShared: "presented to the county youth forum")))
        t.expectRefused(.wrongState(
            kind: "grant", id: "grant-0001", state: "closed", command: "be paid", fitting: "a closed grant takes only a recovery of funds (`cledger grant recover`)")) {
            try t.pay("grant-0001", tranche: 2, amount: "1.00", ref: "PAY-105000")
        }
        try t.expectVerified()
    }

    // MARK: Final reports

    /// Innovation Fund: "Conditions of funding include requirements to evidence outcomes and share learning."
    @Test(
        "an Innovation Fund final report must evidence outcomes and say how learning was shared",
        arguments: [
            (true, true, true, nil),
            (false, true, true, "has no outcomes; the Innovation Fund's \"Conditions of funding include requirements to evidence outcomes and share learning\". Give --outcome DESCRIPTION:TARGET:ACHIEVED."),
            (true, false, true, "has no evidence; the Innovation Fund's \"Conditions of funding include requirements to evidence outcomes and share learning\". Give --evidence."),
            (true, true, false, "has nothing on how learning was shared; the Innovation Fund's \"Conditions of funding include requirements to evidence outcomes and share learning\". Give --learning."),
            (false, false, false, "has no outcomes, no evidence, nothing on how learning was shared; the Innovation Fund's \"Conditions of funding include requirements to evidence outcomes and share learning\". Give --outcome DESCRIPTION:TARGET:ACHIEVED and --evidence and --learning."),
        ] as [(Bool, Bool, Bool, String?)])
    func innovationFinalReport(outcome: Bool, evidence: Bool, learning: Bool, refusal: String?) throws {
        let t = try TestLedger()
        let grant = try t.signedGrant(fund: "innovation", amount: "20000.00")
        var fields: [String: [String]] = ["grant": [grant]]
        if outcome { fields["outcome"] = ["repeat victims:30:22"] }
        if evidence { fields["evidence"] = ["evaluation by the university"] }
        if learning { fields["learning"] = ["toolkit published to all PCCs"] }
        if let refusal {
            t.expectRefused(.rule(.finalReportContent, "the final report of grant-0001 " + refusal)) { try t.run("grant final-report", fields) }
        } else {
            try t.run("grant final-report", fields)
        }
        try t.expectVerified()
    }

    @Test("a Community Fund final report is not held to the Innovation Fund's conditions")
    func communityFinalReport() throws {
        let t = try TestLedger()
        let grant = try t.signedGrant()
        #expect(try t.run("grant final-report", ["grant": [grant]]).summary == "recorded the final report of grant-0001: 0 of 0 outcomes met or exceeded")
        try t.expectVerified()
    }

    @Test("a final report is received once, then accepted or returned; a returned report is sent again")
    func reportStates() throws {
        let t = try TestLedger()
        let grant = try t.awardedGrant()
        t.expectRefused(.wrongState(
            kind: "grant", id: grant, state: "awarded with its agreement not signed", command: "take a final report",
            fitting: "record the signed agreement with `cledger grant sign --grant grant-0001` first")) {
            try t.run("grant final-report", ["grant": [grant]])
        }
        try t.run("grant sign", ["grant": [grant]])
        for command in ["grant accept-report", "grant return-report"] {
            t.expectRefused(.wrongState(
                kind: "grant", id: grant, state: "with its final report not received", command: command == "grant accept-report" ? "accept a final report" : "return a final report",
                fitting: "record the final report first with `cledger grant final-report`")) {
                try t.run(command, command == "grant accept-report" ? ["grant": [grant]] : ["grant": [grant], "reason": ["r"]])
            }
        }
        try t.run("grant final-report", ["grant": [grant], "outcome": ["young people engaged:40:12"]])
        t.expectRefused(.wrongState(
            kind: "grant", id: grant, state: "with its final report received, not yet accepted", command: "take another final report",
            fitting: "accept it with `cledger grant accept-report` or return it with `cledger grant return-report`")) {
            try t.run("grant final-report", ["grant": [grant]])
        }
        let returned = try t.run("grant return-report", ["grant": [grant], "reason": ["no evidence of attendance"]])
        #expect(returned.summary == "returned the final report of grant-0001: no evidence of attendance")
        t.expectRefused(.wrongState(
            kind: "grant", id: grant, state: "with its final report returned for more work", command: "accept a final report",
            fitting: "record the revised report with `cledger grant final-report`")) {
            try t.run("grant accept-report", ["grant": [grant]])
        }
        try t.acceptedFinalReport(grant)
        t.expectRefused(.wrongState(
            kind: "grant", id: grant, state: "with its final report accepted", command: "take another final report",
            fitting: "the accepted report stands; nothing more is needed from the grantee")) {
            try t.run("grant final-report", ["grant": [grant]])
        }
        try t.expectVerified()
    }

    // MARK: Closing

    @Test("a grant closes only when nothing is outstanding and, where a balance was held back, the final report is accepted")
    func closeRules() throws {
        let t = try TestLedger()
        let grant = try t.signedGrant()
        try t.pay(grant, tranche: 1, ref: "PAY-1")
        let holdBack = "\"The balance of funding will be subject to the receipt of a final report that clearly demonstrates the outcomes\". Record and accept the final report first."
        t.expectRefused(.rule(.finalReportFirst, "grant-0001 cannot be closed before its final report is accepted (the report is not received): " + holdBack)) {
            try t.run("grant close", ["grant": [grant]])
        }
        try t.run("grant final-report", ["grant": [grant], "outcome": ["young people engaged:40:52"]])
        t.expectRefused(.rule(.finalReportFirst, "grant-0001 cannot be closed before its final report is accepted (the report is received, not yet accepted): " + holdBack)) {
            try t.run("grant close", ["grant": [grant]])
        }
        try t.run("grant accept-report", ["grant": [grant]])
        t.expectRefused(.wrongState(
            kind: "grant", id: grant, state: "£1,500.00 short of paid in full (awarded £7,500.00, paid £6,000.00, released £0.00)", command: "be closed",
            fitting: "pay the rest with `cledger grant pay`, or release what will not be paid with `cledger grant release`")) {
            try t.run("grant close", ["grant": [grant]])
        }
        try t.pay(grant, tranche: 2, amount: "1499.99", ref: "PAY-2")
        try t.run("grant release", ["grant": [grant], "reason": ["a penny under budget"]], as: TestLedger.finance)
        try t.run("grant close", ["grant": [grant]])
        t.expectRefused(.wrongState(
            kind: "grant", id: grant, state: "closed", command: "be closed again", fitting: "a closed grant takes only a recovery of funds (`cledger grant recover`)")) {
            try t.run("grant close", ["grant": [grant]])
        }
        try t.run("grant recover", ["grant": [grant], "amount": ["100.00"], "reference": ["REC-1"], "reason": ["audit found unspent money"]], as: TestLedger.finance)
        try t.expectVerified()
    }

    @Test("a Property Fund grant holds nothing back: it closes once paid in full, without a final report")
    func closePropertyGrant() throws {
        let t = try TestLedger()
        try t.allocatePropertyProceeds()
        let bid = try t.recommendedPropertyBid(amount: "2000.00")
        let grant = try t.award(bid, amount: "2000.00")
        try t.run("grant sign", ["grant": [grant]])
        t.expectRefused(.wrongState(
            kind: "grant", id: grant, state: "£2,000.00 short of paid in full (awarded £2,000.00, paid £0.00, released £0.00)", command: "be closed",
            fitting: "pay the rest with `cledger grant pay`, or release what will not be paid with `cledger grant release`")) {
            try t.run("grant close", ["grant": [grant]])
        }
        let paid = try t.pay(grant, tranche: 1, ref: "PAY-1")
        #expect(paid.summary == "recorded payment PAY-1 of £2,000.00 on tranche 1 of grant-0001 (property-proceeds, 2017-18); £0.00 of the tranche is left to pay")
        #expect(try t.run("grant close", ["grant": [grant]]).summary == "closed grant-0001: awarded £2,000.00, paid £2,000.00, released £0.00")
        try t.expectVerified()
    }

    // MARK: Variations

    @Test(
        "a variation is held to the fund's limits in force on its date",
        arguments: [
            ("999.99", "a variation to £999.99 is below the Community Fund minimum of £1,000.00 in force on 2017-04-03. Ask for at least £1,000.00."),
            ("1000.00", nil),
            ("10000.00", nil),
            ("10000.01", "a variation to £10,000.01 exceeds the Community Fund limit of £10,000.00 in force on 2017-04-03. Ask for at most £10,000.00."),
        ] as [(String, String?)])
    func varyLimits(amount: String, refusal: String?) throws {
        let t = try TestLedger()
        let grant = try t.awardedGrant()
        let vary = { try t.run("grant vary", ["grant": [grant], "amount": [amount], "reason": ["scope changed"]], as: TestLedger.decisionMaker) }
        if let refusal {
            t.expectRefused(.rule(.grantLimit, refusal)) { _ = try vary() }
        } else {
            _ = try vary()
            guard case let .grantVaried(varied)? = try t.events(grant).last else { Issue.record("no variation"); return }
            let money = Money(parsing: amount)!
            let holdBack = money.proportion(basisPoints: 2000)
            #expect(varied.amount == money)
            #expect(varied.tranches.map(\.amount) == [money - holdBack, holdBack])
            #expect(varied.tranches.map(\.afterFinalReport) == [false, true])
            #expect(varied.fundingLines == [FundingLine(financialYear: FinancialYear(startYear: 2017), source: .opcc, amount: money)])
        }
        try t.expectVerified()
    }

    @Test("a variation never takes a grant below what is paid, nor a paid tranche below what was paid on it")
    func varyBelowPaid() throws {
        let t = try TestLedger()
        let grant = try t.signedGrant()
        try t.pay(grant, tranche: 1, ref: "PAY-1")
        let vary = { (fields: [String: [String]]) throws -> CommandReceipt in
            try t.run("grant vary", ["grant": [grant], "reason": ["fewer sessions"]].merging(fields) { a, _ in a }, as: TestLedger.decisionMaker)
        }
        t.expectRefused(.rule(
            .overpayment, "grant-0001 has £6,000.00 paid and £0.00 released; a variation to £5,999.99 would leave it overpaid. Vary it to at least £6,000.00.")) {
            _ = try vary(["amount": ["5999.99"]])
        }
        t.expectRefused(.rule(.overpayment, "tranche 1 of grant-0001 has £6,000.00 paid; the new schedule gives it £5,600.00. Make it at least £6,000.00.")) {
            _ = try vary(["amount": ["7000.00"]])
        }
        t.expectRefused(.field(
            name: "final-tranche", problem: "tranche 1 of grant-0001 has £6,000.00 paid and stays a delivery tranche; give the paid tranches first, as they were")) {
            _ = try vary(["amount": ["7500.00"], "final-tranche": ["2017-04-03:6000.00", "2018-03-31:1500.00"]])
        }
        let varied = try vary(["amount": ["7600.00"], "tranche": ["2017-04-03:6000.00"], "final-tranche": ["2018-03-31:1600.00"]])
        #expect(varied.summary == "varied grant-0001 from £7,500.00 to £7,600.00, in 2 tranches, ending 2018-03-31: fewer sessions")
        try t.expectVerified()
    }

    /// "tranches sum to the award"; "Community and Innovation Fund awards hold back the rule's
    /// proportion as a final tranche".
    @Test(
        "a varied schedule sums to the new amount and holds back 20%: £1,600.00 of £8,000.00, not £1,599.99",
        arguments: [
            (["2017-05-01:6400.00"], ["2018-03-31:1600.00"], nil),
            (["2017-05-01:6400.01"], ["2018-03-31:1599.99"], CommissioningError.Rule.holdBack),
            (["2017-05-01:6400.00"], ["2018-03-31:1599.99"], CommissioningError.Rule.tranchesSum),
        ] as [([String], [String], CommissioningError.Rule?)])
    func varySchedule(tranches: [String], finals: [String], rule: CommissioningError.Rule?) throws {
        let t = try TestLedger()
        let grant = try t.awardedGrant()
        let fields = ["grant": [grant], "amount": ["8000.00"], "tranche": tranches, "final-tranche": finals, "reason": ["second venue"]]
        switch rule {
        case .holdBack?:
            t.expectRule(.holdBack, "holds back 20.0% (£1,600.00) of an award of £8,000.00 until the final report is accepted; the final-report tranches hold back £1,599.99.") {
                try t.run("grant vary", fields, as: TestLedger.decisionMaker)
            }
        case .tranchesSum?:
            t.expectRefused(.rule(.tranchesSum, "the tranches sum to £7,999.99, not the award of £8,000.00; make them add up to the award.")) {
                try t.run("grant vary", fields, as: TestLedger.decisionMaker)
            }
        default:
            try t.run("grant vary", fields, as: TestLedger.decisionMaker)
        }
        try t.expectVerified()
    }

    @Test("a variation is held to the money the fund has left: the Innovation Fund's £100,000 a year")
    func varyWithinMoney() throws {
        let t = try TestLedger()
        let grant = try t.awardedGrant(fund: "innovation", amount: "100000.00")
        t.expectRefused(.rule(
            .fundsAvailable, "fund innovation has £100,000.00 left to commit from its pot for 2017-18; £100,000.01 is more. Commit at most £100,000.00.")) {
            try t.run("grant vary", ["grant": [grant], "amount": ["100000.01"], "reason": ["more"]], as: TestLedger.decisionMaker)
        }
        try t.run("grant vary", ["grant": [grant], "amount": ["90000.00"], "reason": ["pilot scaled down"]], as: TestLedger.decisionMaker)
        #expect(try t.awardedGrant(fund: "innovation", amount: "10000.00") == "grant-0002")
        let full = try t.recommendedBid(fund: "innovation", amount: "0.01")
        t.expectRule(.fundsAvailable, "has £0.00 left to commit from its pot for 2017-18") { try t.award(full, amount: "0.01") }
        try t.expectVerified()
    }

    @Test("a variation in a later year changes the commitment in that year and leaves the award's year as it was")
    func varyLaterYear() throws {
        let t = try TestLedger()
        let grant = try t.awardedGrant()
        t.setToday("2018-04-03")
        try t.run("year close", ["year": ["2017-18"]], as: TestLedger.finance)
        try t.run("grant vary", ["grant": [grant], "amount": ["8000.00"], "end": ["2018-09-30"], "reason": ["extended to the summer"]], as: TestLedger.decisionMaker)
        guard case let .grantVaried(varied)? = try t.events(grant).last else { Issue.record("no variation"); return }
        #expect(varied.fundingLines == [
            FundingLine(financialYear: FinancialYear(startYear: 2017), source: .opcc, amount: Money(pounds: 7500)),
            FundingLine(financialYear: FinancialYear(startYear: 2018), source: .opcc, amount: Money(pounds: 500)),
        ])
        #expect(varied.plannedEnd == CalendarDate(iso8601: "2018-09-30"))
        #expect(varied.tranches.last == Tranche(number: 2, amount: Money(pounds: 1600), due: CalendarDate(iso8601: "2018-09-30")!, afterFinalReport: true))
        try t.expectVerified()
    }

    @Test("a variation must change something, with a reason; a closed grant is not varied")
    func varyNothing() throws {
        let t = try TestLedger()
        let grant = try t.signedGrant()
        t.expectRefused(.field(name: "amount", problem: "nothing to vary: give a new amount, a new schedule (tranche, final-tranche) or a new end")) {
            try t.run("grant vary", ["grant": [grant], "reason": ["none"]], as: TestLedger.decisionMaker)
        }
        t.expectRefused(.field(name: "amount", problem: "nothing to vary: the amount, schedule and end given are those grant-0001 already has")) {
            try t.run("grant vary", ["grant": [grant], "amount": ["7500.00"], "end": ["2018-03-31"], "reason": ["none"]], as: TestLedger.decisionMaker)
        }
        try t.run("grant vary", ["grant": [grant], "end": ["2018-04-30"], "reason": ["late start"]], as: TestLedger.decisionMaker)
        try t.acceptedFinalReport(grant)
        try t.run("grant release", ["grant": [grant], "reason": ["project delivered by volunteers alone"]], as: TestLedger.finance)
        try t.run("grant close", ["grant": [grant]])
        t.expectRefused(.wrongState(
            kind: "grant", id: grant, state: "closed", command: "be varied", fitting: "a closed grant takes only a recovery of funds (`cledger grant recover`)")) {
            try t.run("grant vary", ["grant": [grant], "end": ["2018-05-31"], "reason": ["r"]], as: TestLedger.decisionMaker)
        }
        try t.expectVerified()
    }

    // MARK: Pots over time

    /// "The innovation fund is an annual pot of £100,000": what 2017-18 leaves lapses. Money
    /// released in 2018-19 from a 2017-18 commitment goes back to 2017-18 (still open), so
    /// 2018-19's pot does not grow.
    @Test("releasing a 2017-18 Innovation commitment in 2018-19 does not enlarge 2018-19's pot")
    func releaseInLaterYearEnlargesAnnualPot() throws {
        let t = try TestLedger()
        let grant = try t.signedGrant(fund: "innovation", amount: "100000.00")
        t.setToday("2018-04-03")
        try t.run("grant release", ["grant": [grant], "amount": ["20000.00"], "reason": ["pilot scaled down"]], as: TestLedger.finance)
        let bid = try t.recommendedBid(fund: "innovation", amount: "100000.01")
        t.expectRule(.fundsAvailable, "has £100,000.00 left to commit from its pot for 2018-19") { try t.award(bid, amount: "100000.01") }
        try t.expectVerified()
    }

    /// A closed year is never restated: once 2017-18 is closed, money released from a 2017-18
    /// commitment goes back to the year of the release.
    @Test("a release after the commitment's year closed goes back in the year of the release")
    func releaseAfterYearClosed() throws {
        let t = try TestLedger()
        let grant = try t.signedGrant()
        t.setToday("2018-05-20")
        try t.run("year close", ["year": ["2017-18"]], as: TestLedger.finance)
        let released = try t.run("grant release", ["grant": [grant], "amount": ["100.00"], "reason": ["scaled down"]], as: TestLedger.finance)
        #expect(released.summary.contains("(opcc, 2018-19)"), "\(released.summary)")
        try t.expectVerified()
    }

    /// "The community fund is a total pot of £300,000 over 3 years": after its period the pot no
    /// longer applies, and without an allocation for 2020-21 nothing can be awarded.
    @Test("the Community Fund's 2017-2020 pot does not fund awards in 2020-21")
    func potOutlivesItsPeriod() throws {
        let t = try TestLedger()
        t.setToday("2020-04-02")
        let bid = try t.recommendedBid(amount: "10000.00")
        t.expectRule(.fundsAvailable, "fund community has £0.00 left to commit") { try t.award(bid, amount: "10000.00") }
        try t.expectVerified()
    }
}
