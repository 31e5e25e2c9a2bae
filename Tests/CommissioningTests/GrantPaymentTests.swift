import Commissioning
import LedgerStore
import Testing

/// Paying, releasing and recovering a grant's money: "tranches sum to the award and are never
/// overpaid; a payment reference is never used twice"; "only finance pays; whoever decided an
/// award cannot record its payments" (DESIGN.md). The default grant is £7,500 from the
/// Community Fund: tranche 1 of £6,000.00 as the scheme is delivered, tranche 2 of £1,500.00
/// held back until the final report is accepted.
@Suite("Grant payments: tranches, overpayment, references, separation of duties, release and recovery")
struct GrantPaymentTests {
    @Test("the award holds back 20% as a final tranche; nothing is paid before the agreement is signed")
    func signBeforePaying() throws {
        let t = try TestLedger()
        let grant = try t.awardedGrant()
        guard case let .grantAwarded(award)? = try t.events("bid-0001").last else { Issue.record("no award"); return }
        #expect(award.tranches.map(\.amount) == [Money(pounds: 6000), Money(pounds: 1500)])
        #expect(award.tranches.map(\.afterFinalReport) == [false, true])
        t.expectRefused(.wrongState(
            kind: "grant", id: grant, state: "awarded with its agreement not signed", command: "be paid",
            fitting: "record the signed agreement with `cledger grant sign --grant grant-0001` first")) {
            try t.pay(grant, tranche: 1, ref: "PAY-1")
        }
        let signed = try t.run("grant sign", ["grant": [grant]])
        #expect(signed.summary == "recorded the signed agreement of grant-0001 with keswick-youth-club")
        t.expectRefused(.wrongState(
            kind: "grant", id: grant, state: "signed", command: "be signed again", fitting: "pay its first tranche with `cledger grant pay`")) {
            try t.run("grant sign", ["grant": [grant]])
        }
        try t.pay(grant, tranche: 1, ref: "PAY-1")
        try t.expectVerified()
    }

    @Test(
        "a tranche is paid up to what is left of it: £6,000.00 pays tranche 1, £6,000.01 would overpay it",
        arguments: [
            ("6000.00", nil),
            ("6000.01", "a payment of £6,000.01 would overpay tranche 1 of grant-0001: £6,000.00 is left to pay. Pay at most £6,000.00."),
        ] as [(String, String?)])
    func overpaymentByOnePenny(amount: String, refusal: String?) throws {
        let t = try TestLedger()
        let grant = try t.signedGrant()
        if let refusal {
            t.expectRefused(.rule(.overpayment, refusal)) { try t.pay(grant, tranche: 1, amount: amount, ref: "PAY-1") }
        } else {
            let paid = try t.pay(grant, tranche: 1, amount: amount, ref: "PAY-1")
            #expect(paid.summary == "recorded payment PAY-1 of £6,000.00 on tranche 1 of grant-0001 (opcc, 2017-18); £0.00 of the tranche is left to pay")
            t.expectRefused(.rule(.overpayment, "tranche 1 of grant-0001 has nothing left to pay: it is paid in full (£6,000.00).")) {
                try t.pay(grant, tranche: 1, amount: "0.01", ref: "PAY-2")
            }
        }
        try t.expectVerified()
    }

    @Test("part payments add up to the tranche; the default pays what is left of it")
    func partPayments() throws {
        let t = try TestLedger()
        let grant = try t.signedGrant()
        try t.pay(grant, tranche: 1, amount: "2000.00", ref: "PAY-1")
        t.expectRefused(.rule(.overpayment, "a payment of £4,000.01 would overpay tranche 1 of grant-0001: £4,000.00 is left to pay. Pay at most £4,000.00.")) {
            try t.pay(grant, tranche: 1, amount: "4000.01", ref: "PAY-2")
        }
        let rest = try t.pay(grant, tranche: 1, ref: "PAY-2")
        #expect(rest.summary == "recorded payment PAY-2 of £4,000.00 on tranche 1 of grant-0001 (opcc, 2017-18); £0.00 of the tranche is left to pay")
        let paid = try t.events(grant).compactMap { event -> Money? in
            if case let .tranchePaid(p) = event { return p.line.amount }
            return nil
        }
        #expect(paid == [Money(pounds: 2000), Money(pounds: 4000)])
        t.expectRefused(.field(name: "amount", problem: "£0.00 is not more than £0.00")) {
            try t.pay(grant, tranche: 1, amount: "0.00", ref: "PAY-3")
        }
        t.expectRefused(.field(name: "tranche", problem: "grant grant-0001 has tranches 1 to 2; 3 is not one of them")) {
            try t.pay(grant, tranche: 3, ref: "PAY-3")
        }
        try t.expectVerified()
    }

    @Test("a payment reference is recorded once, across grants")
    func duplicatePaymentReference() throws {
        let t = try TestLedger()
        let first = try t.signedGrant()
        let second = try t.signedGrant(amount: "5000.00")
        try t.pay(first, tranche: 1, amount: "100.00", ref: "PAY-104233")
        for (grant, tranche) in [(first, 1), (second, 1)] {
            t.expectRefused(.rule(.paymentReference, "payment reference PAY-104233 is already recorded; each finance-system payment is recorded once.")) {
                try t.pay(grant, tranche: tranche, amount: "100.00", ref: "PAY-104233")
            }
        }
        try t.pay(second, tranche: 1, amount: "100.00", ref: "PAY-104234")
        try t.expectVerified()
    }

    /// "The balance of funding will be subject to the receipt of a final report that clearly
    /// demonstrates the outcomes and delivery of the project in line with the grant agreement."
    @Test(
        "the held-back tranche is paid only after the final report is accepted",
        arguments: [
            ("none", "not received"),
            ("received", "received, not yet accepted"),
            ("returned", "returned for more work"),
            ("accepted", nil),
        ] as [(String, String?)])
    func finalTrancheAfterAcceptedReport(report: String, status: String?) throws {
        let t = try TestLedger()
        let grant = try t.signedGrant()
        try t.pay(grant, tranche: 1, ref: "PAY-1")
        let finalReport = ["grant": [grant], "outcome": ["young people engaged:40:52"], "evidence": ["registers"], "learning": ["forum"]]
        switch report {
        case "received":
            try t.run("grant final-report", finalReport)
        case "returned":
            try t.run("grant final-report", finalReport)
            try t.run("grant return-report", ["grant": [grant], "reason": ["no evidence of attendance"]])
        case "accepted":
            try t.acceptedFinalReport(grant)
        default:
            break
        }
        if let status {
            t.expectRefused(.rule(
                .finalReportFirst,
                "tranche 2 of grant-0001 (£1,500.00) is payable only after the final report is accepted, and the report is \(status): "
                    + "\"The balance of funding will be subject to the receipt of a final report that clearly demonstrates the outcomes\". "
                    + "Accept the final report with `cledger grant accept-report` first.")) {
                try t.pay(grant, tranche: 2, ref: "PAY-2")
            }
        } else {
            let paid = try t.pay(grant, tranche: 2, ref: "PAY-2")
            #expect(paid.summary == "recorded payment PAY-2 of £1,500.00 on tranche 2 of grant-0001 (opcc, 2017-18); £0.00 of the tranche is left to pay")
        }
        try t.expectVerified()
    }

    /// "whoever decided an award cannot record its payments".
    @Test("whoever decided the award cannot pay it, even holding the finance role; another finance officer can")
    func separationOfDuties() throws {
        let t = try TestLedger()
        try t.run("role grant", ["actor-id": [TestLedger.decisionMaker], "role": ["finance-officer"]])
        let grant = try t.signedGrant()
        t.expectRefused(.rule(
            .separationOfDuties,
            "commissioner decided the award of grant-0001 and cannot record its payments: whoever decides an award never pays it. Another finance officer must record this payment.")) {
            try t.pay(grant, tranche: 1, ref: "PAY-1", as: TestLedger.decisionMaker)
        }
        try t.pay(grant, tranche: 1, ref: "PAY-1", as: TestLedger.finance)
        #expect(try t.envelopes(grant).last?.actor == ActorRef(id: "finance-1", role: "finance-officer"))
        try t.expectVerified()
    }

    @Test("a payment counts in the financial year of its date, from the grant's source")
    func paymentLineYear() throws {
        let t = try TestLedger()
        let grant = try t.signedGrant()
        try t.pay(grant, tranche: 1, ref: "PAY-1")
        t.setToday("2018-05-02")
        try t.acceptedFinalReport(grant)
        try t.pay(grant, tranche: 2, ref: "PAY-2")
        let lines = try t.events(grant).compactMap { event -> FundingLine? in
            if case let .tranchePaid(p) = event { return p.line }
            return nil
        }
        #expect(lines == [
            FundingLine(financialYear: FinancialYear(startYear: 2017), source: .opcc, amount: Money(pounds: 6000)),
            FundingLine(financialYear: FinancialYear(startYear: 2018), source: .opcc, amount: Money(pounds: 1500)),
        ])
        try t.expectVerified()
    }

    @Test(
        "a payment may be back-dated to the grant's previous event, not before it, and never into a closed year",
        arguments: [("2018-04-01", nil), ("2018-03-31", "closed"), ("2018-04-09", "order"), ("2018-04-10", nil)] as [(String, String?)])
    func paymentDates(on: String, refusal: String?) throws {
        let t = try TestLedger()
        let grant = try t.awardedGrant()
        t.setToday("2018-04-20")
        try t.run("year close", ["year": ["2017-18"]], as: TestLedger.finance)
        // The agreement is signed on 2018-04-10 unless the payment is tried before it.
        if refusal == "order" || on == "2018-04-10" { try t.run("grant sign", ["grant": [grant]], on: "2018-04-10") } else {
            try t.run("grant sign", ["grant": [grant]], on: "2018-04-01")
        }
        let pay = { _ = try t.pay(grant, tranche: 1, amount: "10.00", ref: "PAY-1", on: on) }
        switch refusal {
        case "closed"?:
            t.expectRefused(.rule(.closedYear, "financial year 2017-18 is closed; date the command in an open year (a closed year is never restated).")) { try pay() }
        case "order"?:
            t.expectRefused(.rule(.streamOrder, "grant grant-0001 already has an event dated 2018-04-10; date this command 2018-04-10 or later.")) { try pay() }
        default:
            try pay()
        }
        try t.expectVerified()
    }

    /// "MoJ-funded commitments and payments of a financial year never exceed that year's MoJ allocation."
    @Test(
        "a Victims' Services small grant awarded in 2017-18 and paid in 2018-19 is held to 2018-19's MoJ allocation",
        arguments: [("5000.00", nil), ("4999.99", "MoJ-funded payments and accruals of 2018-19 would be £5,000.00, above the year's MoJ allocation of £4,999.99; £4,999.99 of it is left to pay. Record the year's allocation first, or pay the rest from another source.")] as [(String, String?)])
    func mojPaymentRingFence(allocation: String, refusal: String?) throws {
        let t = try TestLedger()
        try t.run("allocation record", ["fund": ["victims"], "amount": ["10000.00"], "source": ["moj"], "year": ["2017-18"]], as: TestLedger.finance)
        let bid = try t.run("bid submit", [
            "fund": ["victims"], "org": ["victim-support"], "title": ["Advocacy"], "area": [TestLedger.carlisle], "amount": ["5000.00"],
            "start": ["2017-05-01"], "end": ["2018-06-30"], "objective": ["5.1"],
        ]).summary.split(separator: " ")[2].dropLast()
        try t.run("bid assess", ["bid": [String(bid)], "eligible": ["true"], "reason": ["VCSE victims' advocacy"]])
        try t.run("bid recommend", ["bid": [String(bid)], "decision": ["fund"], "rationale": ["capacity building"]], as: TestLedger.panel)
        let grant = try t.award(String(bid), amount: "5000.00")
        try t.run("grant sign", ["grant": [grant]])
        t.setToday("2018-04-03")
        try t.run("allocation record", ["fund": ["victims"], "amount": [allocation], "source": ["moj"], "year": ["2018-19"]], as: TestLedger.finance)
        if let refusal {
            t.expectRefused(.rule(.mojAllocation, refusal)) { try t.pay(grant, tranche: 1, ref: "PAY-1") }
            try t.pay(grant, tranche: 1, amount: "4999.99", ref: "PAY-1")
            t.expectRule(.mojAllocation, "£0.00 of it is left to pay") { try t.pay(grant, tranche: 1, amount: "0.01", ref: "PAY-2") }
        } else {
            let paid = try t.pay(grant, tranche: 1, ref: "PAY-1")
            #expect(paid.summary == "recorded payment PAY-1 of £5,000.00 on tranche 1 of grant-0001 (moj, 2018-19); £0.00 of the tranche is left to pay")
        }
        try t.expectVerified()
    }

    // MARK: Release

    @Test(
        "a release is at most what is outstanding: £1,500.00 of £1,500.00 is released, £1,500.01 is not",
        arguments: [("1500.00", nil), ("1500.01", "£1,500.01 is more than the £1,500.00 outstanding on grant-0001 (awarded £7,500.00, paid £6,000.00, released £0.00); release at most £1,500.00")] as [(String, String?)])
    func releaseBoundary(amount: String, problem: String?) throws {
        let t = try TestLedger()
        let grant = try t.signedGrant()
        try t.pay(grant, tranche: 1, ref: "PAY-1")
        if let problem {
            t.expectRefused(.field(name: "amount", problem: problem)) {
                try t.run("grant release", ["grant": [grant], "amount": [amount], "reason": ["under budget"]], as: TestLedger.finance)
            }
        } else {
            let released = try t.run("grant release", ["grant": [grant], "amount": [amount], "reason": ["under budget"]], as: TestLedger.finance)
            #expect(released.summary == "released £1,500.00 of grant-0001 back to fund community (opcc, 2017-18); £0.00 outstanding")
            t.expectRefused(.wrongState(
                kind: "grant", id: grant, state: "without anything outstanding (awarded £7,500.00, paid £6,000.00, released £1,500.00)",
                command: "release any of it", fitting: "close it with `cledger grant close`")) {
                try t.run("grant release", ["grant": [grant], "reason": ["again"]], as: TestLedger.finance)
            }
        }
        try t.expectVerified()
    }

    @Test("a released balance is never paid: the held-back tranche cannot be paid once it is released")
    func releasedNotPaid() throws {
        let t = try TestLedger()
        let grant = try t.signedGrant()
        try t.pay(grant, tranche: 1, ref: "PAY-1")
        t.setToday("2018-05-02")
        let released = try t.run("grant release", ["grant": [grant], "reason": ["project ended early"]], as: TestLedger.finance)
        // 2017-18, the year of the commitment, is still open: the money goes back to it.
        #expect(released.summary == "released £1,500.00 of grant-0001 back to fund community (opcc, 2017-18); £0.00 outstanding")
        #expect(try t.events(grant).last == .commitmentReleased(CommitmentReleased(
            commitmentId: grant, fundId: "community",
            line: FundingLine(financialYear: FinancialYear(startYear: 2017), source: .opcc, amount: Money(pounds: 1500)), reason: "project ended early")))
        try t.acceptedFinalReport(grant)
        t.expectRefused(.rule(.overpayment, "tranche 2 of grant-0001 has nothing left to pay: the grant's £1,500.00 released leaves nothing to pay.")) {
            try t.pay(grant, tranche: 2, ref: "PAY-2")
        }
        try t.expectVerified()
    }

    @Test("after a part release, a tranche is paid only up to what the grant has outstanding")
    func partRelease() throws {
        let t = try TestLedger()
        let grant = try t.signedGrant()
        try t.run("grant release", ["grant": [grant], "amount": ["500.00"], "reason": ["smaller hall"]], as: TestLedger.finance)
        try t.pay(grant, tranche: 1, ref: "PAY-1")
        try t.acceptedFinalReport(grant)
        t.expectRefused(.rule(
            .overpayment,
            "a payment of £1,000.01 would overpay tranche 2 of grant-0001: £1,000.00 is left to pay (£1,500.00 of the tranche is unpaid, but £500.00 of the grant was released). Pay at most £1,000.00.")) {
            try t.pay(grant, tranche: 2, amount: "1000.01", ref: "PAY-2")
        }
        try t.pay(grant, tranche: 2, ref: "PAY-2")
        try t.run("grant close", ["grant": [grant]])
        try t.expectVerified()
    }

    // MARK: Recovery

    @Test(
        "funds recovered are at most what was paid and not yet recovered",
        arguments: [("6000.00", nil), ("6000.01", "£6,000.01 is more than the £6,000.00 paid on grant-0001 and not yet recovered (paid £6,000.00, recovered £0.00); recover at most £6,000.00")] as [(String, String?)])
    func recoveryBoundary(amount: String, problem: String?) throws {
        let t = try TestLedger()
        let grant = try t.signedGrant()
        t.expectRefused(.wrongState(
            kind: "grant", id: grant, state: "without any payment left to recover (paid £0.00, recovered £0.00)", command: "have funds recovered",
            fitting: "only money paid to the grantee can be recovered")) {
            try t.run("grant recover", ["grant": [grant], "amount": ["1.00"], "reference": ["REC-1"], "reason": ["unspent"]], as: TestLedger.finance)
        }
        try t.pay(grant, tranche: 1, ref: "PAY-1")
        let recover = { try t.run("grant recover", ["grant": [grant], "amount": [amount], "reference": ["REC-1"], "reason": ["unspent"]], as: TestLedger.finance) }
        if let problem {
            t.expectRefused(.field(name: "amount", problem: problem)) { _ = try recover() }
            try t.run("grant recover", ["grant": [grant], "amount": ["2000.00"], "reference": ["REC-2"], "reason": ["unspent"]], as: TestLedger.finance)
            t.expectRefused(.field(
                name: "amount", problem: "£4,000.01 is more than the £4,000.00 paid on grant-0001 and not yet recovered (paid £6,000.00, recovered £2,000.00); recover at most £4,000.00")) {
                try t.run("grant recover", ["grant": [grant], "amount": ["4000.01"], "reference": ["REC-3"], "reason": ["unspent"]], as: TestLedger.finance)
            }
        } else {
            #expect(try recover().summary == "recorded £6,000.00 recovered from keswick-youth-club on grant-0001 (REC-1); £0.00 more could be recovered")
            #expect(try t.events(grant).last == .fundsRecovered(FundsRecovered(
                grantId: grant, fundId: "community",
                line: FundingLine(financialYear: FinancialYear(startYear: 2017), source: .opcc, amount: Money(pounds: 6000)), reference: "REC-1", reason: "unspent")))
        }
        try t.expectVerified()
    }
}
