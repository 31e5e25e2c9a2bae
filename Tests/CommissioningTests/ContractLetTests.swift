import Commissioning
import LedgerStore
import Testing

@Suite("Letting contracts and making partnership agreements")
struct ContractLetTests {
    @Test("a victims' contract with MoJ money topped up with OPCC money is let, profiled by year and source")
    func letsContract() throws {
        let t = try TestLedger()
        try t.allocate("150000.00", "moj")
        try t.allocate("50000.00", "opcc")
        let receipt = try t.run("contract let", TestLedger.victimsContract())
        #expect(receipt.summary == "let contract-0001 with victim-support for 'Victims' referral and assessment service': £120,000.00 from 2017-04-03 to 2018-03-31 (2017-18 moj £100,000.00, 2017-18 opcc £20,000.00)")
        guard case let .contractLet(e) = try t.lastEvent(in: "contract-0001") else { Issue.record("no ContractLet in contract-0001"); return }
        #expect(e.route == .procurement)
        #expect(e.victimsService)
        #expect(e.kpis == [KeyPerformanceIndicator(name: "referrals-assessed", target: 1200), KeyPerformanceIndicator(name: "victims-contacted-in-48h", target: 95)])
        #expect(e.profile == [
            FundingLine(financialYear: FinancialYear(startYear: 2017), source: .mojVictimsGrant, amount: Money(pounds: 100_000)),
            FundingLine(financialYear: FinancialYear(startYear: 2017), source: .opcc, amount: Money(pounds: 20_000)),
        ])
        let second = try t.run("contract let", TestLedger.victimsContract(value: "1000.00", profile: ["2017-18:opcc:1000.00"]))
        #expect(second.summary.hasPrefix("let contract-0002 with victim-support"))
        #expect(try t.store.verify().isValid)
    }

    /// "The Commissioner receives a specific ring-fenced Victims Services Grants from the
    /// Ministry of Justice": MoJ-funded commitments of a year stay within that year's allocation.
    @Test("MoJ money in a profile fits the year's MoJ allocation: exactly used is accepted, 1p more is refused", arguments: [
        ("150000.00", true), ("150000.01", false),
    ])
    func mojAllocationBoundary(moj: String, accepted: Bool) throws {
        let t = try TestLedger()
        try t.allocate("150000.00", "moj")
        try t.allocate("50000.00", "opcc")
        let fields = TestLedger.victimsContract(value: moj, profile: ["2017-18:moj:" + moj])
        if accepted {
            try t.run("contract let", fields)
        } else {
            t.expectRule(.mojAllocation, "MoJ-funded commitments of 2017-18 would be £150,000.01, above the year's MoJ allocation of £150,000.00; £150,000.00 of it is left. Fund the rest from another source (such as opcc).") {
                try t.run("contract let", fields)
            }
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("the ring fence counts every contract of the year: a second contract gets only what the first left", arguments: [
        ("50000.00", true), ("50000.01", false),
    ])
    func mojAllocationAcrossContracts(moj: String, accepted: Bool) throws {
        let t = try TestLedger.withVictimsContract()
        let fields = TestLedger.victimsContract(value: moj, profile: ["2017-18:moj:" + moj])
        if accepted {
            try t.run("contract let", fields)
        } else {
            t.expectRule(.mojAllocation, "MoJ-funded commitments of 2017-18 would be £150,000.01, above the year's MoJ allocation of £150,000.00; £50,000.00 of it is left.") {
                try t.run("contract let", fields)
            }
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("OPCC money topping up a victims' service fits what the fund has from OPCC for the year", arguments: [
        ("50000.00", true), ("50000.01", false),
    ])
    func opccTopUpBoundary(opcc: String, accepted: Bool) throws {
        let t = try TestLedger()
        try t.allocate("150000.00", "moj")
        try t.allocate("50000.00", "opcc")
        let fields = TestLedger.victimsContract(value: opcc, profile: ["2017-18:opcc:" + opcc])
        if accepted {
            try t.run("contract let", fields)
        } else {
            t.expectRule(.fundsAvailable, "fund victims has £50,000.00 left to commit from its opcc allocation for 2017-18; £50,000.01 is more. Commit at most £50,000.00.") {
                try t.run("contract let", fields)
            }
        }
        #expect(try t.store.verify().isValid)
    }

    /// MoJ money pays only for victims' services: objective 5 ("Always put victims first") and
    /// 6.3 ("Develop joined up and appropriate support for victims of sexual crime and child
    /// sexual exploitation"), as the Victims' Services Fund's rules list them.
    @Test("MoJ money pays only for victims' objectives (5 and its sub-priorities, 6.3)", arguments: [
        ("5", true), ("5.1", true), ("5.4", true), ("6.3", true), ("6.2", false), ("3.4", false), ("8.2", false),
    ])
    func mojPurposeByObjective(objective: String, accepted: Bool) throws {
        let t = try TestLedger()
        try t.allocate("150000.00", "moj")
        try t.allocate("50000.00", "opcc")
        let fields = TestLedger.victimsContract(objective: [objective])
        if accepted {
            try t.run("contract let", fields)
        } else {
            t.expectRule(.mojPurpose, "MoJ money pays only for victims' services: objective \(objective) is not one the fund's rules let MoJ money pay for (5, 6.3); fund it from another source (such as opcc).") {
                try t.run("contract let", fields)
            }
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("work that is not a victims' service is not paid from MoJ money, but may be from OPCC money")
    func mojPurposeForNonVictimsService() throws {
        let t = try TestLedger()
        try t.allocate("150000.00", "moj")
        try t.allocate("50000.00", "opcc")
        t.expectRefused(.rule(.mojPurpose, Self.notMarkedVictimsService("contract"))) {
            try t.run("contract let", TestLedger.victimsContract(extra: ["victims-service": ["false"]]))
        }
        t.expectRule(.mojPurpose, "objective 3.4 is not one the fund's rules let MoJ money pay for") {
            try t.run("contract let", TestLedger.victimsContract(objective: ["5.1", "3.4"]))
        }
        // "more can be funded from other sources": an alcohol and substance misuse service on OPCC money.
        try t.run("contract let", TestLedger.victimsContract(value: "20000.00", profile: ["2017-18:opcc:20000.00"], objective: ["3.4"], extra: ["victims-service": ["false"]]))
        #expect(try t.store.verify().isValid)
    }

    /// The refusal of MoJ money for a contract or agreement not marked as a victims' service:
    /// it names the field that marks one.
    static func notMarkedVictimsService(_ noun: String) -> String {
        "MoJ money pays only for victims' services, and this \(noun) is not marked as one (victims-service is false): "
            + "give --victims-service if it is a service for victims that meets the Victims' Code, or fund it from another source (such as opcc)."
    }

    @Test("MoJ money for a partnership agreement, which is not a victims' service by default, is refused naming victims-service")
    func mojPurposeForUnmarkedAgreement() throws {
        let t = try TestLedger()
        t.expectRefused(.rule(.mojPurpose, Self.notMarkedVictimsService("agreement"))) {
            try t.run("agreement make", TestLedger.partnershipAgreement(extra: ["profile": ["2017-18:moj:60000.00"]]))
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("the profile sums to the value, to the penny", arguments: [
        ("120000.00", nil), ("120000.01", "£120,000.01"), ("119999.99", "£119,999.99"),
    ])
    func profileSumsToValue(value: String, refusedValue: String?) throws {
        let t = try TestLedger()
        try t.allocate("150000.00", "moj")
        try t.allocate("50000.00", "opcc")
        if let refusedValue {
            t.expectRule(.profile, "the profile sums to £120,000.00, not the value of \(refusedValue); make the years and sources add up to the value.") {
                try t.run("contract let", TestLedger.victimsContract(value: value))
            }
        } else {
            try t.run("contract let", TestLedger.victimsContract(value: value))
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("every profile year overlaps the term: the last allowed start and end, and the day beyond", arguments: [
        ("2017-04-03", "2018-04-01", true), ("2017-04-03", "2018-03-31", false),
        ("2018-03-31", "2018-06-30", true), ("2018-04-01", "2018-06-30", false),
    ])
    func profileYearsWithinTerm(start: String, end: String, accepted: Bool) throws {
        let t = try TestLedger()
        try t.allocate("50000.00", "opcc")
        try t.allocate("50000.00", "opcc", year: "2018-19")
        let fields = TestLedger.victimsContract(
            value: "20000.00", start: start, end: end, profile: ["2017-18:opcc:10000.00", "2018-19:opcc:10000.00"])
        if accepted {
            try t.run("contract let", fields)
        } else {
            let outside = start == "2018-04-01" ? "2017-18" : "2018-19"
            t.expectRule(.profile, "the profile has money in \(outside), which the term \(start) to \(end) does not reach; profile only the years the term covers.") {
                try t.run("contract let", fields)
            }
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("a profile line is a year, a source and an amount, each year and source given once")
    func profileForm() throws {
        let t = try TestLedger()
        t.expectRefused(.field(name: "profile", problem: "'2017-18:lottery:100.00' is not YEAR:SOURCE:AMOUNT, such as 2017-18:moj:150000.00")) {
            try t.run("contract let", TestLedger.victimsContract(profile: ["2017-18:lottery:100.00"]))
        }
        t.expectRefused(.field(name: "profile", problem: "2017-18:moj is given twice; give each year and source once, with its whole amount")) {
            try t.run("contract let", TestLedger.victimsContract(profile: ["2017-18:moj:60000.00", "2017-18:moj:60000.00"]))
        }
        t.expectRefused(.field(name: "profile", problem: "is required: give YEAR:SOURCE:AMOUNT, such as 2017-18:moj:150000.00 (the value by financial year and funding source; the lines sum to the value)")) {
            try t.run("contract let", TestLedger.victimsContract().filter { $0.key != "profile" })
        }
        t.expectRefused(.field(name: "end", problem: "2017-04-02 is before start 2017-04-03")) {
            try t.run("contract let", TestLedger.victimsContract(end: "2017-04-02"))
        }
        t.expectRefused(.field(name: "kpi", problem: "'referrals:many' is not NAME:TARGET, such as referrals-assessed:1200")) {
            try t.run("contract let", TestLedger.victimsContract(extra: ["kpi": ["referrals:many"]]))
        }
    }

    @Test("money of a closed year cannot be committed")
    func profileInClosedYear() throws {
        let t = try TestLedger()
        try t.allocate("50000.00", "opcc")
        try t.allocate("50000.00", "opcc", year: "2018-19")
        t.setToday("2018-04-10")
        try t.run("year close", ["year": ["2017-18"]], as: TestLedger.finance)
        t.expectRule(.closedYear, "financial year 2017-18 is closed; date the command in an open year (a closed year is never restated).") {
            try t.run("contract let", TestLedger.victimsContract(
                value: "20000.00", start: "2018-03-01", end: "2019-03-31", profile: ["2017-18:opcc:10000.00", "2018-19:opcc:10000.00"]))
        }
        try t.run("contract let", TestLedger.victimsContract(value: "10000.00", start: "2018-04-10", end: "2019-03-31", profile: ["2018-19:opcc:10000.00"]))
        #expect(try t.store.verify().isValid)
    }

    @Test("contracts come from a procurement fund, agreements from the partnership fund")
    func route() throws {
        let t = try TestLedger()
        try t.allocate("60000.00", "opcc", fund: "partnership")
        try t.allocate("60000.00", "opcc")
        t.expectRule(.route, "fund partnership commissions by partnership, not by procurement; contracts come from a fund whose route is procurement (use `cledger agreement make`).") {
            try t.run("contract let", TestLedger.partnershipAgreement())
        }
        t.expectRule(.route, "fund victims commissions by procurement, not by partnership; agreements come from a fund whose route is partnership (use `cledger contract let`).") {
            try t.run("agreement make", TestLedger.partnershipAgreement(extra: ["fund": ["victims"]]))
        }
        t.expectRule(.route, "fund community commissions by grant, not by procurement; contracts come from a fund whose route is procurement (this fund's money goes out as grants on bids: `cledger bid submit`).") {
            try t.run("contract let", TestLedger.victimsContract(extra: ["fund": ["community"]]))
        }
        #expect(try t.store.verify().isValid)
    }

    /// "Our partners are uniquely placed through their links to local communities and the
    /// services they deliver to act as the lead agency": a partnership agreement's lead agency
    /// is a public-sector body of a type the Partnership Fund takes.
    @Test("a partnership agreement's lead agency is a public-sector partner", arguments: [
        ("cumbria-cc", nil), ("acme-ltd", "company"), ("victim-support", "charity"), ("keswick-youth-club", "community-group"),
    ])
    func leadAgency(provider: String, refusedType: String?) throws {
        let t = try TestLedger()
        try t.allocate("60000.00", "opcc", fund: "partnership")
        let fields = TestLedger.partnershipAgreement(provider: provider)
        if let refusedType {
            t.expectRule(.eligibleOrganisation,
                "\(provider) is a \(refusedType), not a public-sector body, so it cannot lead a partnership agreement: the strategy's partners are \"uniquely placed through their links to local communities and the services they deliver to act as the lead agency\". Name a public-sector partner (fund partnership takes: local-authority, health, probation, fire-and-rescue, youth-offending-team).") {
                try t.run("agreement make", fields)
            }
        } else {
            let receipt = try t.run("agreement make", fields)
            #expect(receipt.summary == "made agreement-0001 with cumbria-cc for 'Community safety partnership: domestic abuse outreach': £60,000.00 from 2017-04-03 to 2018-03-31 (2017-18 opcc £60,000.00)")
            guard case let .contractLet(e) = try t.lastEvent(in: "agreement-0001") else { Issue.record("no ContractLet in agreement-0001"); return }
            #expect(e.route == .partnership)
            #expect(!e.victimsService)
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("a public-sector body of a type the fund does not take cannot lead either")
    func leadAgencyTypeNotTaken() throws {
        let t = try TestLedger()
        try t.allocate("60000.00", "opcc", fund: "partnership")
        try t.run("fund amend", ["fund": ["partnership"], "eligible-type": ["health", "probation"], "reason": ["lead agencies from health and probation only"]])
        t.expectRule(.eligibleOrganisation, "cumbria-cc is a local-authority, and fund partnership commissions only: health, probation.") {
            try t.run("agreement make", TestLedger.partnershipAgreement())
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("objectives must be valid on the date: the plan's last day, and the day after", arguments: [
        ("2021-03-31", "2020-21", true), ("2021-04-01", "2021-22", false),
    ])
    func objectiveValidOnDate(date: String, year: String, accepted: Bool) throws {
        let t = try TestLedger()
        t.setToday(date)
        try t.allocate("10000.00", "opcc", year: year)
        let fields = TestLedger.victimsContract(value: "10000.00", start: date, end: date, profile: [year + ":opcc:10000.00"])
        if accepted {
            try t.run("contract let", fields)
        } else {
            t.expectRule(.objectiveValidity, "objective 5.1 (Joined-up and appropriate support for victims) applies from 2017-04-01 to 2021-03-31, not on 2021-04-01; use one in force on 2021-04-01.") {
                try t.run("contract let", fields)
            }
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("who may let, with whom, and under which id")
    func partiesAndIds() throws {
        let t = try TestLedger()
        try t.allocate("150000.00", "moj")
        try t.allocate("50000.00", "opcc")
        t.expectRefused(.notPermitted(actor: "finance-1", needs: "the commissioning-officer role on 2017-04-03", command: "contract let")) {
            try t.run("contract let", TestLedger.victimsContract(), as: TestLedger.finance)
        }
        t.expectRefused(.unknown(kind: "organisation", id: "nobody", hint: "Register it first with `cledger org register --id nobody …`.")) {
            try t.run("contract let", TestLedger.victimsContract(extra: ["provider": ["nobody"]]))
        }
        try t.run("contract let", TestLedger.victimsContract(value: "1000.00", profile: ["2017-18:opcc:1000.00"], extra: ["id": ["contract-vs-2017"]]))
        t.expectRefused(.duplicate(kind: "contract", id: "contract-vs-2017")) {
            try t.run("contract let", TestLedger.victimsContract(value: "1000.00", profile: ["2017-18:opcc:1000.00"], extra: ["id": ["contract-vs-2017"]]))
        }
        // An id that names another entity's stream is never taken.
        t.expectRefused(.duplicate(kind: "contract", id: "fund-victims")) {
            try t.run("contract let", TestLedger.victimsContract(value: "1000.00", profile: ["2017-18:opcc:1000.00"], extra: ["id": ["fund-victims"]]))
        }
        // Nor a grant's id, even before anything is appended to the grant's own stream: the
        // reducer tells a release of a grant from a release of a contract by its id.
        try t.run("bid submit", [
            "fund": ["community"], "org": ["keswick-youth-club"], "title": ["Friday night football"], "area": [TestLedger.allerdale],
            "amount": ["5000.00"], "start": ["2017-05-01"], "end": ["2018-04-30"], "objective": ["8.2"],
        ])
        try t.run("bid assess", ["bid": ["bid-0001"], "eligible": ["true"], "reason": ["a community group in Allerdale"]])
        try t.run("bid recommend", ["bid": ["bid-0001"], "decision": ["fund"], "rationale": ["clear outcomes"]], as: TestLedger.panel)
        try t.run("bid award", ["bid": ["bid-0001"], "amount": ["5000.00"]], as: TestLedger.decisionMaker)
        t.expectRefused(.duplicate(kind: "contract", id: "grant-0001")) {
            try t.run("contract let", TestLedger.victimsContract(value: "1000.00", profile: ["2017-18:opcc:1000.00"], extra: ["id": ["grant-0001"]]))
        }
        // The counter moves on past a given id.
        let next = try t.run("contract let", TestLedger.victimsContract(value: "1000.00", profile: ["2017-18:opcc:1000.00"]))
        #expect(next.summary.hasPrefix("let contract-0002 "))
        #expect(try t.store.verify().isValid)
    }
}
