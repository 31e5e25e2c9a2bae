import Commissioning
import LedgerStore
import Testing

/// contract-0001 (from ``TestLedger/withVictimsContract()``): 2017-18 MoJ £100,000 and OPCC
/// £20,000.
@Suite("Year-end accruals on contracts")
struct ContractAccrualTests {
    static func accrue(_ amount: String, _ t: TestLedger, extra: [String: [String]] = [:], on: String? = nil) throws -> CommandReceipt {
        try t.run("accrual record", ["contract": ["contract-0001"], "amount": [amount], "description": ["Q4 2017-18 service, invoiced in April"]].merging(extra) { _, new in new },
                  as: TestLedger.finance, on: on)
    }

    @Test("an accrual fits what the year's profile has neither paid nor accrued: all of it, and 1p more", arguments: [
        ("100000.00", true), ("100000.01", false),
    ])
    func accrualBoundary(amount: String, accepted: Bool) throws {
        let t = try TestLedger.withVictimsContract()
        t.setToday("2018-03-31")
        if accepted {
            let receipt = try Self.accrue(amount, t)
            #expect(receipt.summary == "recorded accrual accrual-0001 of £100,000.00 on contract-0001 for 2017-18 (moj)")
            guard case let .accrualRecorded(e) = try t.lastEvent(in: "contract-0001") else { Issue.record("no accrual"); return }
            #expect(e == AccrualRecorded(
                accrualId: "accrual-0001", commitmentId: "contract-0001", fundId: "victims",
                line: FundingLine(financialYear: FinancialYear(startYear: 2017), source: .mojVictimsGrant, amount: Money(pounds: 100_000)),
                description: "Q4 2017-18 service, invoiced in April"))
        } else {
            t.expectRule(.overpayment, "an accrual of £100,000.01 is more than the £100,000.00 of contract-0001's 2017-18 moj profile neither paid nor accrued; accrue at most £100,000.00 (the year also has opcc £20,000.00 left: accrue that with --source separately).") {
                _ = try Self.accrue(amount, t)
            }
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("what is paid or already accrued is not accrued again")
    func accrualAfterPaymentsAndAccruals() throws {
        let t = try TestLedger.withVictimsContract()
        try t.payContract("contract-0001", "90000.00", ref: "PAY-1")
        _ = try Self.accrue("10000.00", t)
        // MoJ money is used up: the next accrual is from OPCC money, at most what it has left.
        t.expectRule(.overpayment, "an accrual of £20,000.01 is more than the £20,000.00 of contract-0001's 2017-18 opcc profile neither paid nor accrued; accrue at most £20,000.00.") {
            _ = try Self.accrue("20000.01", t)
        }
        let second = try Self.accrue("20000.00", t)
        #expect(second.summary == "recorded accrual accrual-0002 of £20,000.00 on contract-0001 for 2017-18 (opcc)")
        t.expectRule(.overpayment, "an accrual of £0.01 is more than the £0.00 of contract-0001's 2017-18 moj profile neither paid nor accrued; accrue at most £0.00.") {
            _ = try Self.accrue("0.01", t, extra: ["source": ["moj"]])
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("an accrual is for a delivered year: the date's year or an earlier open one, never a later or a closed one")
    func accrualYear() throws {
        let t = try TestLedger()
        try t.allocate("50000.00", "opcc")
        try t.allocate("50000.00", "opcc", year: "2018-19")
        try t.allocate("50000.00", "opcc", year: "2019-20")
        try t.run("contract let", TestLedger.victimsContract(
            value: "30000.00", end: "2020-03-31", profile: ["2017-18:opcc:10000.00", "2018-19:opcc:10000.00", "2019-20:opcc:10000.00"]))
        t.setToday("2018-04-05")
        t.expectRefused(.field(name: "year", problem: "2019-20 is after 2018-19, the year of the date 2018-04-05; an accrual is for work already delivered")) {
            _ = try Self.accrue("1000.00", t, extra: ["year": ["2019-20"]])
        }
        // Recorded in April for the year just ended, while it is open.
        let april = try Self.accrue("10000.00", t, extra: ["year": ["2017-18"]])
        #expect(april.summary == "recorded accrual accrual-0001 of £10,000.00 on contract-0001 for 2017-18 (opcc)")
        t.setToday("2018-04-10")
        try t.run("year close", ["year": ["2017-18"]], as: TestLedger.finance)
        t.expectRule(.closedYear, "financial year 2017-18 is closed; date the command in an open year (a closed year is never restated).") {
            _ = try Self.accrue("1.00", t, extra: ["year": ["2017-18"], "id": ["accrual-late"]])
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("nothing on the contract is dated before its accrual: the same day is accepted, the day before refused", arguments: [
        ("2018-03-31", true), ("2018-03-30", false),
    ])
    func streamOrderAfterAccrual(date: String, accepted: Bool) throws {
        let t = try TestLedger.withVictimsContract()
        t.setToday("2018-04-05")
        _ = try Self.accrue("30000.00", t, on: "2018-03-31")
        if accepted {
            try t.payContract("contract-0001", "1000.00", ref: "PAY-1", on: date)
        } else {
            t.expectRule(.streamOrder, "contract contract-0001 already has an event dated 2018-03-31; date this command 2018-03-31 or later.") {
                try t.payContract("contract-0001", "1000.00", ref: "PAY-1", on: date)
            }
        }
        #expect(try t.store.verify().isValid)
    }

    /// A two-year contract on OPCC money: 2017-18 £10,000 and 2018-19 £10,000.
    static func twoYearContract() throws -> TestLedger {
        let t = try TestLedger()
        try t.allocate("50000.00", "opcc")
        try t.allocate("50000.00", "opcc", year: "2018-19")
        try t.run("contract let", TestLedger.victimsContract(
            value: "20000.00", end: "2019-03-31", profile: ["2017-18:opcc:10000.00", "2018-19:opcc:10000.00"]))
        return t
    }

    /// "Finance may record year-end accruals (delivered, not yet paid), which reverse in the
    /// next year" (DESIGN.md, "Money").
    @Test("an accrual reverses in the next year: the invoice settling it is paid on top of that year's profile, and is not paid twice in its own")
    func accrualReversesInNextYear() throws {
        let t = try Self.twoYearContract()
        t.setToday("2018-03-31")
        _ = try Self.accrue("4000.00", t)
        t.expectRule(.overpayment, "a payment of £10,000.00 is more than the £6,000.00 left of contract-0001's 2017-18 profile (opcc £6,000.00); pay at most £6,000.00, or vary the contract first (£4,000.00 of it is accrued: if this payment settles an accrual, reverse the accrual first with `cledger accrual reverse`).") {
            try t.payContract("contract-0001", "10000.00", ref: "PAY-17")
        }
        t.setToday("2018-04-20")
        try t.payContract("contract-0001", "4000.00", ref: "PAY-17Q4")
        try t.payContract("contract-0001", "10000.00", ref: "PAY-18")
        t.expectRule(.overpayment, "contract-0001's 2018-19 profile has nothing left to pay £0.01 from; vary the contract first.") {
            try t.payContract("contract-0001", "0.01", ref: "PAY-EXTRA")
        }
        // Nothing of 2018-19 is left to release either; 2017-18's unaccrued £6,000 is.
        t.expectRule(.profile, "contract-0001 has £0.00 of its 2018-19 opcc profile to release (£10,000.00 profiled, £14,000.00 paid, -£4,000.00 accrued, £0.00 released); release at most £0.00.") {
            try t.run("contract release", ["contract": ["contract-0001"], "amount": ["0.01"], "year": ["2018-19"], "source": ["opcc"], "reason": ["ended"]], as: TestLedger.finance)
        }
        try t.run("contract release", ["contract": ["contract-0001"], "amount": ["6000.00"], "year": ["2017-18"], "source": ["opcc"], "reason": ["not delivered"]], as: TestLedger.finance)
        #expect(try t.store.verify().isValid)
    }

    @Test("an accrual reversed in error takes back its reversal in the next year too")
    func accrualReversedInError() throws {
        let t = try Self.twoYearContract()
        t.setToday("2018-03-31")
        _ = try Self.accrue("4000.00", t)
        t.setToday("2018-04-05")
        try t.run("accrual reverse", ["accrual": ["accrual-0001"], "reason": ["invoice paid before the year end"]], as: TestLedger.finance)
        t.expectRule(.overpayment, "a payment of £10,000.01 is more than the £10,000.00 left of contract-0001's 2018-19 profile (opcc £10,000.00); pay at most £10,000.00, or vary the contract first.") {
            try t.payContract("contract-0001", "10000.01", ref: "PAY-18")
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("accruals are finance's, on a contract that exists, under an id used once")
    func accrualRefusals() throws {
        let t = try TestLedger.withVictimsContract()
        t.expectRefused(.notPermitted(actor: "officer-1", needs: "the finance-officer role on 2017-04-03", command: "accrual record")) {
            try t.run("accrual record", ["contract": ["contract-0001"], "amount": ["1.00"], "description": ["Q4"]])
        }
        t.expectRefused(.field(name: "amount", problem: "is £0.00; accrue more than nothing")) { _ = try Self.accrue("0.00", t) }
        _ = try Self.accrue("1.00", t, extra: ["id": ["accrual-vs-q4"]])
        t.expectRefused(.duplicate(kind: "accrual", id: "accrual-vs-q4")) { _ = try Self.accrue("1.00", t, extra: ["id": ["accrual-vs-q4"]]) }
        // An ended contract may still be accrued for what it delivered.
        try t.run("contract end", ["contract": ["contract-0001"], "reason": ["term completed"]])
        let receipt = try Self.accrue("1.00", t)
        #expect(receipt.summary == "recorded accrual accrual-0002 of £1.00 on contract-0001 for 2017-18 (moj)")
        #expect(try t.store.verify().isValid)
    }
}
