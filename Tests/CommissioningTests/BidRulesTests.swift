import Commissioning
import LedgerStore
import Testing

/// The rules a bid meets on its way to an award (DESIGN.md, "Rules enforced when the command is
/// decided"), each at its boundary, with the strategy's sentence it comes from.
@Suite("Bid rules: limits, pots, eligibility, endorsement, conflicts, roles and dates")
struct BidRulesTests {
    // MARK: Grant limits

    /// Property Fund: "Grants will be awarded up to the value of £2,500."
    @Test(
        "Property Fund \"Grants will be awarded up to the value of £2,500\": a bid for £2,500.00 is taken, £2,500.01 is not",
        arguments: [
            ("2500.00", nil),
            ("2500.01", "a bid for £2,500.01 exceeds the Property Fund limit of £2,500.00 in force on 2017-04-03. Ask for at most £2,500.00."),
        ] as [(String, String?)])
    func propertyFundBidLimit(amount: String, refusal: String?) throws {
        let t = try TestLedger()
        if let refusal {
            t.expectRefused(.rule(.grantLimit, refusal)) { try t.submit(fund: "property", amount: amount) }
        } else {
            #expect(try t.submit(fund: "property", amount: amount) == "bid-0001")
        }
        try t.expectVerified()
    }

    /// Community Fund: "Grants will be awarded for amounts between £1,000 and £10,000."
    @Test(
        "Community Fund \"between £1,000 and £10,000\": £999.99 and £10,000.01 are refused, £1,000.00 and £10,000.00 taken",
        arguments: [
            ("999.99", "a bid for £999.99 is below the Community Fund minimum of £1,000.00 in force on 2017-04-03. Ask for at least £1,000.00."),
            ("1000.00", nil),
            ("10000.00", nil),
            ("10000.01", "a bid for £10,000.01 exceeds the Community Fund limit of £10,000.00 in force on 2017-04-03. Ask for at most £10,000.00."),
        ] as [(String, String?)])
    func communityFundBidLimits(amount: String, refusal: String?) throws {
        let t = try TestLedger()
        if let refusal {
            t.expectRefused(.rule(.grantLimit, refusal)) { try t.submit(amount: amount) }
        } else {
            #expect(try t.submit(amount: amount) == "bid-0001")
        }
        try t.expectVerified()
    }

    /// The limits hold at award too: "award within the fund's limits in force on the decision date".
    @Test(
        "an award is held to the fund's limits: the limit is awarded, a penny beyond it is not",
        arguments: [
            ("property", "2500.00", "2500.00", nil),
            ("property", "2500.00", "2500.01", "an award of £2,500.01 exceeds the Property Fund limit of £2,500.00 in force on 2017-04-03. Ask for at most £2,500.00."),
            ("community", "1000.00", "1000.00", nil),
            ("community", "1000.00", "999.99", "an award of £999.99 is below the Community Fund minimum of £1,000.00 in force on 2017-04-03. Ask for at least £1,000.00."),
            ("community", "10000.00", "10000.00", nil),
            ("community", "10000.00", "10000.01", "an award of £10,000.01 exceeds the Community Fund limit of £10,000.00 in force on 2017-04-03. Ask for at most £10,000.00."),
        ] as [(String, String, String, String?)])
    func awardLimits(fund: String, requested: String, awarded: String, refusal: String?) throws {
        let t = try TestLedger()
        try t.allocatePropertyProceeds()
        let bid = try t.submit(fund: fund, amount: requested)
        if fund == "property" { try t.run("bid endorse", ["bid": [bid]], as: TestLedger.pcsoAllerdale) }
        try t.run("bid assess", ["bid": [bid], "eligible": ["true"], "reason": ["eligible group"]])
        try t.run("bid recommend", ["bid": [bid], "decision": ["fund"], "rationale": ["good outcomes"]], as: TestLedger.panel)
        if let refusal {
            t.expectRefused(.rule(.grantLimit, refusal)) { try t.award(bid, amount: awarded) }
        } else {
            #expect(try t.award(bid, amount: awarded) == "grant-0001")
        }
        try t.expectVerified()
    }

    @Test(
        "award and recommendation ≤ amount requested: £5,000.00 on a bid for £5,000.00 is taken, £5,000.01 is not",
        arguments: [("5000.00", true), ("5000.01", false)])
    func awardAboveRequest(amount: String, accepted: Bool) throws {
        let t = try TestLedger()
        let bid = try t.eligibleBid(amount: "5000.00")
        let recommend = { try t.run("bid recommend", ["bid": [bid], "decision": ["fund"], "amount": [amount], "rationale": ["good"]], as: TestLedger.panel) }
        if accepted {
            #expect(try recommend().summary == "recorded the panel's recommendation to fund bid-0001 with £5,000.00")
            #expect(try t.award(bid, amount: amount) == "grant-0001")
        } else {
            t.expectRefused(.rule(.awardAboveRequest, "a recommendation of £5,000.01 is more than the £5,000.00 bid bid-0001 asked for; recommend at most £5,000.00.")) {
                _ = try recommend()
            }
            try t.run("bid recommend", ["bid": [bid], "decision": ["fund"], "rationale": ["good"]], as: TestLedger.panel)
            t.expectRefused(.rule(.awardAboveRequest, "an award of £5,000.01 is more than the £5,000.00 bid bid-0001 asked for; award at most £5,000.00.")) {
                try t.award(bid, amount: amount)
            }
        }
        try t.expectVerified()
    }

    // MARK: Pots

    /// Community Fund: "a total pot of £300,000 over 3 years".
    @Test("Community Fund \"a total pot of £300,000 over 3 years\": the last £1,000.00 is awarded, a penny more is not, and the next year finds the pot spent")
    func communityPotExhausted() throws {
        let t = try TestLedger()
        for _ in 1...29 { try t.awardedGrant(amount: "10000.00") }
        #expect(try t.awardedGrant(amount: "9000.00") == "grant-0030")
        let last = try t.recommendedBid(amount: "1000.01")
        t.expectRefused(.rule(
            .fundsAvailable, "fund community has £1,000.00 left to commit from its pot for 2017-18 to 2019-20; £1,000.01 is more. Commit at most £1,000.00.")) {
            try t.award(last, amount: "1000.01")
        }
        #expect(try t.award(last, amount: "1000.00") == "grant-0031")

        t.setToday("2018-04-02")
        let nextYear = try t.recommendedBid(amount: "1000.00")
        t.expectRefused(.rule(
            .fundsAvailable, "fund community has £0.00 left to commit from its pot for 2017-18 to 2019-20; £1,000.00 is more. Commit at most £0.00.")) {
            try t.award(nextYear, amount: "1000.00")
        }
        // A variation in a later year of the pot is held to the whole pot, not to that year alone.
        t.expectRefused(.rule(
            .fundsAvailable, "fund community has £9,000.00 left to commit from its pot for 2017-18 to 2019-20; £9,000.01 is more. Commit at most £9,000.00.")) {
            try t.run("grant vary", ["grant": ["grant-0030"], "amount": ["9000.01"], "reason": ["extra venue"]], as: TestLedger.decisionMaker)
        }
        try t.run("grant vary", ["grant": ["grant-0030"], "amount": ["8999.99"], "reason": ["under budget"]], as: TestLedger.decisionMaker)
        try t.run("grant vary", ["grant": ["grant-0030"], "amount": ["9000.00"], "reason": ["budget restored"]], as: TestLedger.decisionMaker)
        try t.expectVerified()
    }

    /// Innovation Fund: "an annual pot of £100,000".
    @Test("Innovation Fund \"an annual pot of £100,000\": after £60,000, £40,000.00 is awarded and £40,000.01 is not")
    func innovationPotWithinYear() throws {
        let t = try TestLedger()
        try t.awardedGrant(fund: "innovation", amount: "60000.00")
        let bid = try t.recommendedBid(fund: "innovation", amount: "40000.01")
        t.expectRefused(.rule(
            .fundsAvailable, "fund innovation has £40,000.00 left to commit from its pot for 2017-18; £40,000.01 is more. Commit at most £40,000.00.")) {
            try t.award(bid, amount: "40000.01")
        }
        #expect(try t.award(bid, amount: "40000.00") == "grant-0002")
        try t.expectVerified()
    }

    /// Innovation Fund: what a year leaves unawarded lapses (DESIGN.md, "The funds").
    @Test("Innovation Fund: what 2017-18 leaves unawarded lapses; 2018-19 has its £100,000.00 and not a penny more")
    func innovationPotLapses() throws {
        let t = try TestLedger()
        try t.awardedGrant(fund: "innovation", amount: "30000.00")
        t.setToday("2018-04-02")
        let bid = try t.recommendedBid(fund: "innovation", amount: "100000.01")
        t.expectRefused(.rule(
            .fundsAvailable, "fund innovation has £100,000.00 left to commit from its pot for 2018-19; £100,000.01 is more. Commit at most £100,000.00.")) {
            try t.award(bid, amount: "100000.01")
        }
        #expect(try t.award(bid, amount: "100000.00") == "grant-0002")
        try t.expectVerified()
    }

    /// The Property Fund is "a pot of money that is distributed by the Commissioner (from
    /// property coming into police possession)": it commits what finance has allocated to it.
    @Test("Property Fund: with £4,000 of proceeds, after £2,500 the last £1,500.00 is awarded and £1,500.01 is not")
    func propertyProceeds() throws {
        let t = try TestLedger()
        try t.allocatePropertyProceeds("4000.00")
        try t.award(try t.recommendedPropertyBid(amount: "2500.00"), amount: "2500.00")
        let bid = try t.recommendedPropertyBid(amount: "1500.01")
        t.expectRefused(.rule(
            .fundsAvailable,
            "fund property has £1,500.00 left to commit from its property-proceeds allocation for 2017-18; £1,500.01 is more. Commit at most £1,500.00.")) {
            try t.award(bid, amount: "1500.01")
        }
        #expect(try t.award(bid, amount: "1500.00") == "grant-0002")
        try t.expectVerified()
    }

    // MARK: Endorsement and eligibility (Property Fund)

    /// "Groups must have the support of a Police Officer or Police Community Support Officer
    /// (PCSO) within their local area who will help with the application."
    @Test("an unendorsed Property Fund bid is not awarded; once a PCSO of its area endorses it, it is")
    func unendorsedPropertyBid() throws {
        let t = try TestLedger()
        try t.allocatePropertyProceeds()
        let bid = try t.submit(fund: "property", amount: "2500.00")
        try t.run("bid assess", ["bid": [bid], "eligible": ["true"], "reason": ["community group in Allerdale"]])
        try t.run("bid recommend", ["bid": [bid], "decision": ["fund"], "rationale": ["good"]], as: TestLedger.panel)
        t.expectRefused(.rule(
            .endorsement,
            "bid bid-0001 has no endorsement: \"Groups must have the support of a Police Officer or Police Community Support Officer (PCSO) within their local area\". Record it with `cledger bid endorse` first.")) {
            try t.award(bid, amount: "2500.00")
        }
        let endorsed = try t.run("bid endorse", ["bid": [bid]], as: TestLedger.pcsoAllerdale)
        #expect(endorsed.summary == "recorded the endorsement of bid-0001 by pcso-allerdale (PCSO, E07000026)")
        #expect(try t.events(bid).contains(.bidEndorsed(BidEndorsed(bidId: bid, officerId: "pcso-allerdale", rank: "PCSO", areaCode: "E07000026"))))
        #expect(try t.award(bid, amount: "2500.00") == "grant-0001")
        try t.expectVerified()
    }

    @Test(
        "the endorsing officer's local area must be the bid's area",
        arguments: [
            ("keswick-youth-club", TestLedger.allerdale, TestLedger.pcsoAllerdale, nil),
            ("keswick-youth-club", TestLedger.allerdale, TestLedger.pcsoCarlisle,
             "pcso-carlisle is an officer of E07000028 (Carlisle), but bid bid-0001 is for E07000026 (Allerdale): \"Groups must have the support of a Police Officer or Police Community Support Officer (PCSO) within their local area\". Ask an officer of E07000026 to endorse it."),
            ("carlisle-watch", TestLedger.carlisle, TestLedger.pcsoCarlisle, nil),
            ("carlisle-watch", TestLedger.carlisle, TestLedger.pcsoAllerdale,
             "pcso-allerdale is an officer of E07000026 (Allerdale), but bid bid-0001 is for E07000028 (Carlisle): \"Groups must have the support of a Police Officer or Police Community Support Officer (PCSO) within their local area\". Ask an officer of E07000028 to endorse it."),
        ] as [(String, String, String, String?)])
    func endorsementArea(org: String, area: String, officer: String, refusal: String?) throws {
        let t = try TestLedger()
        let bid = try t.submit(fund: "property", org: org, area: area, amount: "2000.00")
        if let refusal {
            t.expectRefused(.rule(.endorsement, refusal)) { try t.run("bid endorse", ["bid": [bid]], as: officer) }
        } else {
            try t.run("bid endorse", ["bid": [bid]], as: officer)
            t.expectRefused(.wrongState(
                kind: "bid", id: bid, state: "already endorsed by \(officer)", command: "be endorsed again", fitting: "one endorsement is enough")) {
                try t.run("bid endorse", ["bid": [bid]], as: officer)
            }
        }
        try t.expectVerified()
    }

    /// "Those who can apply for a grant are local community groups, watch schemes, parish
    /// councils, charities, voluntary groups and schools."
    @Test(
        "Property Fund applicants are community groups, watch schemes, parish councils, charities, voluntary groups and schools",
        arguments: [
            ("keswick-youth-club", TestLedger.allerdale, nil),
            ("carlisle-watch", TestLedger.carlisle, nil),
            ("victim-support", TestLedger.carlisle, nil),
            ("acme-ltd", TestLedger.allerdale,
             "acme-ltd is a company, and fund property takes bids only from: community-group, watch-scheme, parish-council, charity, voluntary-group, school."),
            ("cumbria-cc", TestLedger.carlisle,
             "cumbria-cc is a local-authority, and fund property takes bids only from: community-group, watch-scheme, parish-council, charity, voluntary-group, school."),
        ] as [(String, String, String?)])
    func propertyFundEligibleTypes(org: String, area: String, refusal: String?) throws {
        let t = try TestLedger()
        if let refusal {
            t.expectRefused(.rule(.eligibleOrganisation, refusal)) { try t.submit(fund: "property", org: org, area: area, amount: "1000.00") }
        } else {
            #expect(try t.submit(fund: "property", org: org, area: area, amount: "1000.00") == "bid-0001")
        }
        try t.expectVerified()
    }

    // MARK: Assessment, scoring, recommendation, decision

    @Test("eligibility is assessed once, on a submitted bid; an ineligible bid is not recommended")
    func assessOnce() throws {
        let t = try TestLedger()
        let bid = try t.submit()
        let assessed = try t.run("bid assess", ["bid": [bid], "eligible": ["false"], "reason": ["no constitution"]])
        #expect(assessed.summary == "assessed bid-0001 as ineligible: no constitution")
        t.expectRefused(.wrongState(
            kind: "bid", id: bid, state: "ineligible", command: "be assessed",
            fitting: "an ineligible bid can only be declined (`cledger bid decline`) or withdrawn (`cledger bid withdraw`)")) {
            try t.run("bid assess", ["bid": [bid], "eligible": ["true"], "reason": ["constitution found"]])
        }
        t.expectRefused(.wrongState(
            kind: "bid", id: bid, state: "ineligible", command: "be recommended",
            fitting: "an ineligible bid can only be declined (`cledger bid decline`) or withdrawn (`cledger bid withdraw`)")) {
            try t.run("bid recommend", ["bid": [bid], "decision": ["fund"], "rationale": ["good"]], as: TestLedger.panel)
        }
        try t.run("bid decline", ["bid": [bid], "reason": ["ineligible"]], as: TestLedger.decisionMaker)
        try t.expectVerified()
    }

    @Test(
        "a score is a whole number from 0 to 5: 0 and 5 are recorded, -1 and 6 are not",
        arguments: [
            ("outcomes:-1", "'outcomes:-1' scores outcomes -1; a score is a whole number from 0 to 5"),
            ("outcomes:0", nil),
            ("outcomes:5", nil),
            ("outcomes:6", "'outcomes:6' scores outcomes 6; a score is a whole number from 0 to 5"),
            ("outcomes:four", "'outcomes:four' is not CRITERION:SCORE, such as outcomes:4"),
        ] as [(String, String?)])
    func scoreRange(score: String, problem: String?) throws {
        let t = try TestLedger()
        let bid = try t.eligibleBid()
        if let problem {
            t.expectRefused(.field(name: "score", problem: problem)) {
                try t.run("bid score", ["bid": [bid], "score": [score, "value-for-money:3"]], as: TestLedger.panel)
            }
        } else {
            let scored = try t.run("bid score", ["bid": [bid], "score": [score, "value-for-money:3"]], as: TestLedger.panel)
            #expect(scored.summary.hasPrefix("recorded panel-1's scores of bid-0001: "))
        }
        try t.expectVerified()
    }

    @Test("each panel member scores an eligible bid once, each criterion once")
    func scoreOnce() throws {
        let t = try TestLedger()
        let bid = try t.submit()
        t.expectRefused(.wrongState(
            kind: "bid", id: bid, state: "submitted", command: "be scored", fitting: "assess its eligibility first with `cledger bid assess`")) {
            try t.run("bid score", ["bid": [bid], "score": ["outcomes:4"]], as: TestLedger.panel)
        }
        try t.run("bid assess", ["bid": [bid], "eligible": ["true"], "reason": ["eligible"]])
        t.expectRefused(.field(name: "score", problem: "criterion 'outcomes' is scored twice; score each criterion once")) {
            try t.run("bid score", ["bid": [bid], "score": ["outcomes:4", "outcomes:2"]], as: TestLedger.panel)
        }
        let scored = try t.run("bid score", ["bid": [bid], "score": ["outcomes:4", "benefits-in-kind:3"]], as: TestLedger.panel)
        #expect(scored.summary == "recorded panel-1's scores of bid-0001: 7 of 10 on 2 criteria")
        t.expectRefused(.wrongState(
            kind: "bid", id: bid, state: "already scored by panel-1", command: "be scored by them again", fitting: "each panel member scores a bid once")) {
            try t.run("bid score", ["bid": [bid], "score": ["outcomes:5"]], as: TestLedger.panel)
        }
        try t.run("bid score", ["bid": [bid], "score": ["outcomes:3"]], as: TestLedger.panel2)
        #expect(try t.events(bid).last == .bidScored(BidScored(bidId: bid, memberId: "panel-2", scores: [CriterionScore(criterion: "outcomes", score: 3)])))
        try t.expectVerified()
    }

    /// "a panel member who declared a conflict on a bid cannot score it, recommend on it or decide it".
    @Test("a panel member who declared a conflict cannot score or recommend; another member can; a declaration is made once")
    func panelConflict() throws {
        let t = try TestLedger()
        let bid = try t.eligibleBid()
        let declared = try t.run("bid declare-conflict", ["bid": [bid], "nature": ["trustee of the applicant"]], as: TestLedger.panel2)
        #expect(declared.summary == "recorded that panel-2 has a conflict of interest in bid-0001 (trustee of the applicant) and takes no part in it")
        t.expectRefused(.wrongState(
            kind: "bid", id: bid, state: "already subject to a conflict declared by panel-2", command: "take a second declaration from them",
            fitting: "the first declaration stands for the rest of the bid's life")) {
            try t.run("bid declare-conflict", ["bid": [bid], "nature": ["again"]], as: TestLedger.panel2)
        }
        t.expectRefused(.rule(.conflictOfInterest, "panel-2 declared a conflict of interest in bid-0001 and cannot score it; another panel member must.")) {
            try t.run("bid score", ["bid": [bid], "score": ["outcomes:5"]], as: TestLedger.panel2)
        }
        t.expectRefused(.rule(.conflictOfInterest, "panel-2 declared a conflict of interest in bid-0001 and cannot recommend on it; another panel member must.")) {
            try t.run("bid recommend", ["bid": [bid], "decision": ["fund"], "rationale": ["good"]], as: TestLedger.panel2)
        }
        try t.run("bid score", ["bid": [bid], "score": ["outcomes:4"]], as: TestLedger.panel)
        try t.run("bid recommend", ["bid": [bid], "decision": ["fund"], "rationale": ["good"]], as: TestLedger.panel)
        try t.expectVerified()
    }

    @Test("a decision maker who declared a conflict can neither award, decline nor vary; the deputy decides instead")
    func decisionMakerConflict() throws {
        let t = try TestLedger()
        try t.run("role grant", ["actor-id": [TestLedger.decisionMaker], "role": ["panel-member"]])
        let bid = try t.recommendedBid()
        try t.run("bid declare-conflict", ["bid": [bid], "nature": ["family member on the committee"]], as: TestLedger.decisionMaker)
        t.expectRefused(.rule(.conflictOfInterest, "commissioner declared a conflict of interest in bid-0001 and cannot decide it; another decision maker must.")) {
            try t.award(bid)
        }
        t.expectRefused(.rule(.conflictOfInterest, "commissioner declared a conflict of interest in bid-0001 and cannot decide it; another decision maker must.")) {
            try t.run("bid decline", ["bid": [bid], "reason": ["no"]], as: TestLedger.decisionMaker)
        }
        try t.run("bid award", ["bid": [bid], "amount": ["7500.00"]], as: TestLedger.deputy)
        t.expectRefused(.rule(.conflictOfInterest, "commissioner declared a conflict of interest in bid-0001 and cannot vary the grant on it; another decision maker must.")) {
            try t.run("grant vary", ["grant": ["grant-0001"], "amount": ["7000.00"], "reason": ["smaller venue"]], as: TestLedger.decisionMaker)
        }
        try t.expectVerified()
    }

    @Test("a bid is awarded once, and an awarded bid is neither declined nor withdrawn")
    func doubleAward() throws {
        let t = try TestLedger()
        let bid = try t.recommendedBid()
        try t.award(bid)
        t.expectRefused(.wrongState(
            kind: "bid", id: bid, state: "already awarded (grant-0001)", command: "be awarded again", fitting: "vary the grant with `cledger grant vary` instead")) {
            try t.award(bid, amount: "7500.00")
        }
        t.expectRefused(.wrongState(
            kind: "bid", id: bid, state: "awarded (grant-0001)", command: "be declined", fitting: "it is a grant now: use the `cledger grant` commands")) {
            try t.run("bid decline", ["bid": [bid], "reason": ["changed our mind"]], as: TestLedger.deputy)
        }
        t.expectRefused(.wrongState(
            kind: "bid", id: bid, state: "awarded (grant-0001)", command: "be withdrawn", fitting: "release what will not be paid with `cledger grant release --grant grant-0001`")) {
            try t.run("bid withdraw", ["bid": [bid], "reason": ["funded elsewhere"]])
        }
        try t.expectVerified()
    }

    @Test("a declined or withdrawn bid is finished", arguments: ["bid decline", "bid withdraw"])
    func finished(command: String) throws {
        let t = try TestLedger()
        let bid = try t.eligibleBid()
        let actor = command == "bid decline" ? TestLedger.decisionMaker : TestLedger.officer
        try t.run(command, ["bid": [bid], "reason": ["not this year"]], as: actor)
        let state = command == "bid decline" ? "declined" : "withdrawn"
        let fitting = "it is finished; record a new bid with `cledger bid submit`"
        t.expectRefused(.wrongState(kind: "bid", id: bid, state: state, command: "be declined", fitting: fitting)) {
            try t.run("bid decline", ["bid": [bid], "reason": ["again"]], as: TestLedger.decisionMaker)
        }
        t.expectRefused(.wrongState(kind: "bid", id: bid, state: state, command: "be withdrawn", fitting: fitting)) {
            try t.run("bid withdraw", ["bid": [bid]])
        }
        t.expectRefused(.wrongState(kind: "bid", id: bid, state: state, command: "be recommended", fitting: fitting)) {
            try t.run("bid recommend", ["bid": [bid], "decision": ["decline"], "rationale": ["weak"]], as: TestLedger.panel)
        }
        try t.expectVerified()
    }

    @Test("the panel may recommend a decline; the decision maker then declines")
    func recommendDecline() throws {
        let t = try TestLedger()
        let bid = try t.eligibleBid()
        t.expectRefused(.field(name: "amount", problem: "goes with a recommendation to fund; leave it out when recommending to decline")) {
            try t.run("bid recommend", ["bid": [bid], "decision": ["decline"], "amount": ["10.00"], "rationale": ["weak"]], as: TestLedger.panel)
        }
        let recommended = try t.run("bid recommend", ["bid": [bid], "decision": ["decline"], "rationale": ["outcomes unclear"]], as: TestLedger.panel)
        #expect(recommended.summary == "recorded the panel's recommendation to decline bid-0001")
        t.expectRefused(.wrongState(
            kind: "bid", id: bid, state: "not-recommended", command: "be awarded",
            fitting: "only a bid the panel recommended for funding can be awarded (`cledger bid recommend --decision fund`)")) {
            try t.award(bid)
        }
        let declined = try t.run("bid decline", ["bid": [bid], "reason": ["outcomes unclear"]], as: TestLedger.decisionMaker)
        #expect(declined.summary == "declined bid-0001: outcomes unclear")
        try t.expectVerified()
    }

    // MARK: Specs

    @Test("every bid and grant command is registered, and its example parses")
    func examplesParse() throws {
        let names = CommandRegistry.all.map { $0.spec.name }.filter { $0.hasPrefix("bid ") || $0.hasPrefix("grant ") }
        #expect(Set(names) == [
            "bid submit", "bid endorse", "bid assess", "bid declare-conflict", "bid score", "bid recommend", "bid award", "bid decline",
            "bid withdraw", "grant sign", "grant pay", "grant progress-report", "grant final-report", "grant accept-report",
            "grant return-report", "grant close", "grant vary", "grant release", "grant recover",
        ])
        for type in CommandRegistry.all where names.contains(type.spec.name) {
            let spec = type.spec
            let documented = !spec.summary.isEmpty && spec.fields.allSatisfy { !$0.help.isEmpty }
            #expect(documented, "\(spec.name)")
            var values: [String: [String]] = [:]
            for (field, given) in spec.example { values[field] = given }
            do {
                _ = try CommissioningLedger.parse(spec.name, values)
            } catch {
                Issue.record("the example of \(spec.name) does not parse: \(error)")
            }
        }
    }

    // MARK: Roles

    @Test(
        "each command needs its role: only a decision maker awards, only finance pays, only a local officer endorses",
        arguments: [
            ("bid endorse", ["bid": ["bid-0001"]], TestLedger.officer, "endorsing-officer"),
            ("bid assess", ["bid": ["bid-0001"], "eligible": ["true"], "reason": ["ok"]], TestLedger.panel, "commissioning-officer"),
            ("bid declare-conflict", ["bid": ["bid-0001"], "nature": ["friend"]], TestLedger.decisionMaker, "panel-member"),
            ("bid score", ["bid": ["bid-0001"], "score": ["outcomes:3"]], TestLedger.officer, "panel-member"),
            ("bid recommend", ["bid": ["bid-0001"], "decision": ["fund"], "rationale": ["ok"]], TestLedger.decisionMaker, "panel-member"),
            ("bid award", ["bid": ["bid-0001"], "amount": ["7500.00"]], TestLedger.panel, "decision-maker"),
            ("bid decline", ["bid": ["bid-0001"], "reason": ["no"]], TestLedger.officer, "decision-maker"),
            ("bid withdraw", ["bid": ["bid-0001"]], TestLedger.finance, "commissioning-officer"),
            ("grant sign", ["grant": ["grant-0001"]], TestLedger.finance, "commissioning-officer"),
            ("grant pay", ["grant": ["grant-0001"], "tranche": ["1"], "payment-ref": ["P1"], "invoice-ref": ["I1"]], TestLedger.officer, "finance-officer"),
            ("grant pay", ["grant": ["grant-0001"], "tranche": ["1"], "payment-ref": ["P1"], "invoice-ref": ["I1"]], TestLedger.decisionMaker, "finance-officer"),
            ("grant vary", ["grant": ["grant-0001"], "amount": ["7000.00"], "reason": ["r"]], TestLedger.finance, "decision-maker"),
            ("grant release", ["grant": ["grant-0001"], "reason": ["r"]], TestLedger.officer, "finance-officer"),
            ("grant recover", ["grant": ["grant-0001"], "amount": ["1.00"], "reference": ["R1"], "reason": ["r"]], TestLedger.officer, "finance-officer"),
            ("grant close", ["grant": ["grant-0001"]], TestLedger.finance, "commissioning-officer"),
        ] as [(String, [String: [String]], String, String)])
    func roles(command: String, fields: [String: [String]], actor: String, role: String) throws {
        let t = try TestLedger()
        try t.awardedGrant()
        t.expectRefused(.notPermitted(actor: actor, needs: "the \(role) role on 2017-04-03", command: command)) {
            try t.run(command, fields, as: actor)
        }
        try t.expectVerified()
    }

    // MARK: Dates

    @Test(
        "a command is dated today or earlier, never tomorrow",
        arguments: [("2017-04-03", true), ("2017-04-04", false)])
    func futureDate(on: String, accepted: Bool) throws {
        let t = try TestLedger()
        let bid = try t.submit()
        let assess = { _ = try t.run("bid assess", ["bid": [bid], "eligible": ["true"], "reason": ["ok"]], on: on) }
        if accepted {
            try assess()
        } else {
            t.expectRefused(.rule(.futureDate, "the date 2017-04-04 is after today (2017-04-03); record what has happened, dated when it happened.")) { try assess() }
        }
        try t.expectVerified()
    }

    /// "any other command may be back-dated only into an open financial year and never before
    /// the previous event of its stream."
    @Test(
        "a bid's command may be back-dated to the date of its previous event, not a day before",
        arguments: [("2017-04-10", true), ("2017-04-09", false)])
    func streamOrder(on: String, accepted: Bool) throws {
        let t = try TestLedger()
        let bid = try t.submit(fund: "property", amount: "2000.00")
        t.setToday("2017-04-20")
        try t.run("bid endorse", ["bid": [bid]], as: TestLedger.pcsoAllerdale, on: "2017-04-10")
        let assess = { _ = try t.run("bid assess", ["bid": [bid], "eligible": ["true"], "reason": ["ok"]], on: on) }
        if accepted {
            try assess()
            #expect(try t.envelopes(bid).last?.effectiveDate == CalendarDate(iso8601: "2017-04-10"))
        } else {
            t.expectRefused(.rule(.streamOrder, "bid bid-0001 already has an event dated 2017-04-10; date this command 2017-04-10 or later.")) { try assess() }
        }
        try t.expectVerified()
    }

    @Test(
        "once 2017-18 is closed, nothing is dated 31 March 2018; 1 April 2018 is open",
        arguments: [("2018-04-01", true), ("2018-03-31", false)])
    func closedYear(on: String, accepted: Bool) throws {
        let t = try TestLedger()
        t.setToday("2018-03-01")
        let bid = try t.submit()
        t.setToday("2018-04-03")
        try t.run("year close", ["year": ["2017-18"]], as: TestLedger.finance)
        let assess = { _ = try t.run("bid assess", ["bid": [bid], "eligible": ["true"], "reason": ["ok"]], on: on) }
        if accepted {
            try assess()
        } else {
            t.expectRefused(.rule(.closedYear, "financial year 2017-18 is closed; date the command in an open year (a closed year is never restated).")) { try assess() }
        }
        try t.expectVerified()
    }

    /// "every bid, contract and agreement names objective codes valid on its date": the
    /// 2017-2020 plan's codes apply from 2017-04-01 to 2021-03-31.
    @Test(
        "a bid names objectives of the plan in force on its date",
        arguments: [
            ("9.9", "2017-04-03", false),
            ("5.2", "2021-03-31", true),
            ("5.2", "2021-04-01", false),
        ])
    func objectiveValidity(code: String, on: String, accepted: Bool) throws {
        let t = try TestLedger()
        t.setToday("2021-04-01")
        if accepted {
            #expect(try t.submit(fund: "property", amount: "1000.00", objective: [code], on: on) == "bid-0001")
        } else {
            let reason = code == "9.9"
                ? "objective 9.9 is not a Police and Crime Plan objective the ledger defines; give the code of one (`cledger objective define` adds one)."
                : "objective 5.2 (Enhanced services for victims of serious crime and vulnerable victims) applies from 2017-04-01 to 2021-03-31, not on \(on); use one in force on \(on)."
            t.expectRefused(.rule(.objectiveValidity, reason)) {
                try t.submit(fund: "property", amount: "1000.00", objective: [code], on: on)
            }
        }
        try t.expectVerified()
    }
}
