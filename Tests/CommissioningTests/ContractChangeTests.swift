import Commissioning
import LedgerStore
import Testing

/// contract-0001 (from ``TestLedger/withVictimsContract()``): 2017-04-03 to 2018-03-31, 2017-18
/// MoJ £100,000 (of an allocation of £150,000) and OPCC £20,000 (of £50,000).
@Suite("Reviewing, varying, extending, ending and releasing contracts")
struct ContractChangeTests {
    static func vary(_ fields: [String: [String]], _ command: String = "contract vary") -> (TestLedger) throws -> Void {
        { t in try t.run(command, ["contract": ["contract-0001"], "reason": ["Commissioner's decision 2017/41"]].merging(fields) { _, new in new }, as: TestLedger.decisionMaker) }
    }

    @Test("an extension moves the end later: the next day is accepted, the same day refused", arguments: [
        ("2018-04-01", true), ("2018-03-31", false),
    ])
    func extendEndBoundary(end: String, accepted: Bool) throws {
        let t = try TestLedger.withVictimsContract()
        let extend = Self.vary(["end": [end]], "contract extend")
        if accepted {
            try extend(t)
            guard case let .commitmentVaried(e) = try t.lastEvent(in: "contract-0001") else { Issue.record("no variation"); return }
            #expect(e.isExtension && e.end.description == end && e.value == Money(pounds: 120_000))
        } else {
            t.expectRefused(.field(
                name: "end", problem: "2018-03-31 is not after the current end 2018-03-31; an extension moves the end later (to change it otherwise use `cledger contract vary`)")) {
                try extend(t)
            }
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("a variation never takes the value below what has been paid", arguments: [
        ("50000.00", true), ("49999.99", false),
    ])
    func valueNotBelowPaid(value: String, accepted: Bool) throws {
        let t = try TestLedger.withVictimsContract()
        try t.payContract("contract-0001", "50000.00", ref: "PAY-1")
        let vary = Self.vary(["value": [value], "profile": ["2017-18:moj:" + value]])
        if accepted {
            try vary(t)
        } else {
            t.expectRule(.profile, "contract-0001 has been paid £50,000.00, so its value cannot be £49,999.99; give a value of at least £50,000.00.") { try vary(t) }
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("nor a year and source below what has been paid from it")
    func lineNotBelowPaid() throws {
        let t = try TestLedger.withVictimsContract()
        try t.payContract("contract-0001", "50000.00", ref: "PAY-1")
        t.expectRule(.profile, "contract-0001 has paid, accrued and released £50,000.00 of its 2017-18 moj profile, so the new profile cannot give it £40,000.00; profile at least £50,000.00 there.") {
            try Self.vary(["value": ["70000.00"], "profile": ["2017-18:moj:40000.00", "2017-18:opcc:30000.00"]])(t)
        }
        #expect(try t.store.verify().isValid)
    }

    /// The contract's own MoJ money counts as free again: it may grow to the whole allocation.
    @Test("a varied profile passes the ring fence with the old profile replaced", arguments: [
        ("150000.00", true), ("150000.01", false),
    ])
    func variationWithinMojAllocation(moj: String, accepted: Bool) throws {
        let t = try TestLedger.withVictimsContract()
        let value = (Money(parsing: moj)! + Money(pounds: 20_000)).plain
        let vary = Self.vary(["value": [value], "profile": ["2017-18:moj:" + moj, "2017-18:opcc:20000.00"]])
        if accepted {
            try vary(t)
        } else {
            t.expectRule(.mojAllocation, "MoJ-funded commitments of 2017-18 would be £150,000.01, above the year's MoJ allocation of £150,000.00; £150,000.00 of it is left.") { try vary(t) }
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("a varied profile keeps MoJ money to victims' services")
    func variationMojPurpose() throws {
        let t = try TestLedger.withVictimsContract()
        try t.run("contract let", TestLedger.victimsContract(value: "20000.00", profile: ["2017-18:opcc:20000.00"], objective: ["3.4"], extra: ["victims-service": ["false"]]))
        t.expectRule(.mojPurpose, "MoJ money pays only for victims' services, and this is not one; fund it from another source (such as opcc).") {
            try t.run("contract vary", [
                "contract": ["contract-0002"], "profile": ["2017-18:moj:10000.00", "2017-18:opcc:10000.00"], "reason": ["move to MoJ money"],
            ], as: TestLedger.decisionMaker)
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("a variation does not restate a closed year, but may change the open ones")
    func variationOfClosedYear() throws {
        let t = try TestLedger()
        try t.allocate("50000.00", "opcc")
        try t.allocate("50000.00", "opcc", year: "2018-19")
        try t.run("contract let", TestLedger.victimsContract(value: "20000.00", end: "2019-03-31", profile: ["2017-18:opcc:10000.00", "2018-19:opcc:10000.00"]))
        t.setToday("2018-04-10")
        try t.run("year close", ["year": ["2017-18"]], as: TestLedger.finance)
        t.expectRule(.closedYear, "financial year 2017-18 is closed; date the command in an open year (a closed year is never restated).") {
            try Self.vary(["value": ["25000.00"], "profile": ["2017-18:opcc:15000.00", "2018-19:opcc:10000.00"]])(t)
        }
        try Self.vary(["value": ["25000.00"], "profile": ["2017-18:opcc:10000.00", "2018-19:opcc:15000.00"]])(t)
        #expect(try t.store.verify().isValid)
    }

    @Test("a variation is the decision maker's, and changes something")
    func variationForm() throws {
        let t = try TestLedger.withVictimsContract()
        t.expectRefused(.notPermitted(actor: "officer-1", needs: "the decision-maker role on 2017-04-03", command: "contract vary")) {
            try t.run("contract vary", ["contract": ["contract-0001"], "end": ["2018-06-30"], "reason": ["more time"]])
        }
        t.expectRefused(.field(name: "value", problem: "is missing, as are end and profile; give at least one of them to vary")) {
            try Self.vary([:])(t)
        }
        t.expectRefused(.field(name: "value", problem: "the value, end and profile given are those contract-0001 already has; nothing would change")) {
            try Self.vary(["value": ["120000.00"]])(t)
        }
        t.expectRule(.profile, "the profile sums to £120,000.00, not the value of £130,000.00; make the years and sources add up to the value.") {
            try Self.vary(["value": ["130000.00"]])(t)
        }
        t.expectRefused(.field(name: "end", problem: "2017-04-02 is before the start 2017-04-03 of contract-0001")) {
            try Self.vary(["end": ["2017-04-02"]])(t)
        }
        // Shortening the term within the year is a variation.
        try Self.vary(["end": ["2017-12-31"]])(t)
        #expect(try t.store.verify().isValid)
    }

    @Test("ending: once, by a commissioning officer")
    func ending() throws {
        let t = try TestLedger.withVictimsContract()
        t.expectRefused(.notPermitted(actor: "finance-1", needs: "the commissioning-officer role on 2017-04-03", command: "contract end")) {
            try t.run("contract end", ["contract": ["contract-0001"], "reason": ["provider ceased trading"]], as: TestLedger.finance)
        }
        try t.payContract("contract-0001", "20000.00", ref: "PAY-1")
        let ended = try t.run("contract end", ["contract": ["contract-0001"], "reason": ["provider ceased trading"]])
        #expect(ended.summary == "ended contract-0001; £100,000.00 of its profile is unpaid: release what will not be paid with `cledger contract release`")
        t.expectRefused(.wrongState(
            kind: "contract", id: "contract-0001", state: "ended", command: "be extended",
            fitting: "an ended contract takes only reviews, accruals and releases (`cledger contract release` returns what will not be paid to the fund)")) {
            try Self.vary(["end": ["2018-06-30"]], "contract extend")(t)
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("a release returns at most what the year and source have unpaid", arguments: [
        ("80000.00", true), ("80000.01", false),
    ])
    func releaseBoundary(amount: String, accepted: Bool) throws {
        let t = try TestLedger.withVictimsContract()
        try t.payContract("contract-0001", "20000.00", ref: "PAY-1")
        let release = { try t.run("contract release", [
            "contract": ["contract-0001"], "amount": [amount], "year": ["2017-18"], "source": ["moj"], "reason": ["fewer referrals than specified"],
        ], as: TestLedger.finance) }
        if accepted {
            let receipt = try release()
            #expect(receipt.summary == "released £80,000.00 of contract-0001's 2017-18 moj profile to fund victims")
            // The released MoJ money may be committed again, to the penny: 150,000 - 20,000 paid.
            t.expectRule(.mojAllocation, "£130,000.00 of it is left") {
                try t.run("contract let", TestLedger.victimsContract(value: "130000.01", profile: ["2017-18:moj:130000.01"]))
            }
            try t.run("contract let", TestLedger.victimsContract(value: "130000.00", profile: ["2017-18:moj:130000.00"]))
            t.expectRule(.overpayment, "contract-0001's 2017-18 profile has nothing left from moj to pay £0.01 from; vary the contract first.") {
                try t.payContract("contract-0001", "0.01", ref: "PAY-2", extra: ["source": ["moj"]])
            }
        } else {
            t.expectRule(.profile, "contract-0001 has £80,000.00 of its 2017-18 moj profile to release (£100,000.00 profiled, £20,000.00 paid, £0.00 accrued, £0.00 released); release at most £80,000.00.") {
                _ = try release()
            }
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("what is accrued as delivered is not released, and nothing of a closed year is")
    func releaseAccruedOrClosed() throws {
        let t = try TestLedger.withVictimsContract()
        try t.run("accrual record", ["contract": ["contract-0001"], "amount": ["30000.00"], "description": ["March sessions"]], as: TestLedger.finance)
        let release = { (amount: String) in try t.run("contract release", [
            "contract": ["contract-0001"], "amount": [amount], "year": ["2017-18"], "source": ["moj"], "reason": ["contract ended"],
        ], as: TestLedger.finance) }
        t.expectRule(.profile, "contract-0001 has £70,000.00 of its 2017-18 moj profile to release (£100,000.00 profiled, £0.00 paid, £30,000.00 accrued, £0.00 released); release at most £70,000.00.") {
            _ = try release("70000.01")
        }
        _ = try release("70000.00")
        t.setToday("2018-04-10")
        try t.run("year close", ["year": ["2017-18"]], as: TestLedger.finance)
        t.expectRule(.closedYear, "financial year 2017-18 is closed") {
            try t.run("contract release", [
                "contract": ["contract-0001"], "amount": ["1.00"], "year": ["2017-18"], "source": ["opcc"], "reason": ["contract ended"],
            ], as: TestLedger.finance)
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("a review records KPI actuals and aggregated feedback", arguments: [
        ("197", true), ("212", true), ("213", false),
    ])
    func review(satisfied: String, accepted: Bool) throws {
        let t = try TestLedger.withVictimsContract()
        let fields: [String: [String]] = [
            "contract": ["contract-0001"], "period": ["2017-18 Q2"], "kpi-actual": ["referrals-assessed:602"],
            "feedback-responses": ["212"], "feedback-satisfied": [satisfied], "victims-code-compliant": ["true"], "rating": ["good"],
        ]
        if accepted {
            try t.run("contract review", fields)
            guard case let .contractReviewed(e) = try t.lastEvent(in: "contract-0001") else { Issue.record("no review"); return }
            #expect(e == ContractReviewed(
                commitmentId: "contract-0001", period: "2017-18 Q2", kpiActuals: [KeyPerformanceIndicator(name: "referrals-assessed", target: 602)],
                feedbackResponses: 212, feedbackSatisfied: Int64(satisfied)!, victimsCodeCompliant: true, rating: .good))
        } else {
            t.expectRefused(.field(name: "feedback-satisfied", problem: "213 is more than the 212 feedback-responses; give how many of those were satisfied")) {
                try t.run("contract review", fields)
            }
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("a review names the contract's KPIs, answers the Victims' Code for a victims' service, and may follow the end")
    func reviewRules() throws {
        let t = try TestLedger.withVictimsContract()
        let base: [String: [String]] = ["contract": ["contract-0001"], "period": ["2017-18"], "victims-code-compliant": ["false"], "rating": ["requires-improvement"]]
        t.expectRefused(.field(name: "kpi-actual", problem: "'satisfaction' is not a KPI of contract-0001; its KPIs are: referrals-assessed, victims-contacted-in-48h")) {
            try t.run("contract review", base.merging(["kpi-actual": ["referrals-assessed:1100", "satisfaction:90"]]) { _, new in new })
        }
        t.expectRefused(.field(name: "victims-code-compliant", problem: "is required: contract-0001 is a victims' service; say whether it met the Victims' Code (true or false)")) {
            try t.run("contract review", base.filter { $0.key != "victims-code-compliant" })
        }
        t.expectRefused(.field(name: "period", problem: "is 41 characters; give a period label of at most 40, such as 2017-18 Q2")) {
            try t.run("contract review", base.merging(["period": [String(repeating: "x", count: 41)]]) { _, new in new })
        }
        t.expectRefused(.field(name: "rating", problem: "'excellent' is not one of good, approaching-target, requires-improvement, inadequate, other")) {
            try t.run("contract review", base.merging(["rating": ["excellent"]]) { _, new in new })
        }
        try t.run("contract end", ["contract": ["contract-0001"], "reason": ["term completed"]])
        try t.run("contract review", base.merging(["period": [String(repeating: "x", count: 40)]]) { _, new in new })
        #expect(try t.store.verify().isValid)
    }
}
