import Commissioning
import LedgerStore
import Testing

/// contract-0001 (from ``TestLedger/withVictimsContract()``): 2017-18 MoJ £100,000 and OPCC
/// £20,000, let by officer-1.
@Suite("Paying contracts and partnership agreements")
struct ContractPaymentTests {
    static let y2017 = FinancialYear(startYear: 2017)

    @Test("a payment is split over the year's profile, MoJ money first, then OPCC money")
    func defaultSplit() throws {
        let t = try TestLedger.withVictimsContract()
        let receipt = try t.payContract("contract-0001", "110000.00", ref: "PAY-1", extra: ["vat": ["0.00"]])
        #expect(receipt.summary == "recorded payment PAY-1 of £110,000.00 net (VAT £0.00) on contract-0001 to victim-support: 2017-18 moj £100,000.00, 2017-18 opcc £10,000.00")
        guard case let .commitmentPaymentRecorded(e) = try t.lastEvent(in: "contract-0001") else { Issue.record("no payment in contract-0001"); return }
        #expect(e.lines == [
            FundingLine(financialYear: Self.y2017, source: .mojVictimsGrant, amount: Money(pounds: 100_000)),
            FundingLine(financialYear: Self.y2017, source: .opcc, amount: Money(pounds: 10_000)),
        ])
        #expect(e.invoiceReference == "INV-PAY-1")
        #expect(e.fundId == "victims")
        #expect(try t.store.verify().isValid)
    }

    @Test("a payment may name its source")
    func namedSource() throws {
        let t = try TestLedger.withVictimsContract()
        let receipt = try t.payContract("contract-0001", "5000.00", ref: "PAY-1", extra: ["source": ["opcc"], "vat": ["1000.00"]])
        #expect(receipt.summary == "recorded payment PAY-1 of £5,000.00 net (VAT £1,000.00) on contract-0001 to victim-support: 2017-18 opcc £5,000.00")
        #expect(try t.store.verify().isValid)
    }

    @Test("never more than the year's profile has left: all of it is accepted, 1p more is refused", arguments: [
        ("120000.00", true), ("120000.01", false),
    ])
    func overpaymentBoundary(net: String, accepted: Bool) throws {
        let t = try TestLedger.withVictimsContract()
        if accepted {
            try t.payContract("contract-0001", net, ref: "PAY-1")
        } else {
            t.expectRule(.overpayment, "a payment of £120,000.01 is more than the £120,000.00 left of contract-0001's 2017-18 profile (moj £100,000.00, opcc £20,000.00); pay at most £120,000.00, or vary the contract first.") {
                try t.payContract("contract-0001", net, ref: "PAY-1")
            }
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("what is left counts the payments already made, by source", arguments: [
        ("90000.00", true), ("90000.01", false),
    ])
    func overpaymentAfterPayments(net: String, accepted: Bool) throws {
        let t = try TestLedger.withVictimsContract()
        try t.payContract("contract-0001", "30000.00", ref: "PAY-1")
        if accepted {
            try t.payContract("contract-0001", net, ref: "PAY-2")
            t.expectRule(.overpayment, "contract-0001's 2017-18 profile has nothing left to pay £0.01 from; vary the contract first.") {
                try t.payContract("contract-0001", "0.01", ref: "PAY-3")
            }
        } else {
            t.expectRule(.overpayment, "a payment of £90,000.01 is more than the £90,000.00 left of contract-0001's 2017-18 profile (moj £70,000.00, opcc £20,000.00); pay at most £90,000.00") {
                try t.payContract("contract-0001", net, ref: "PAY-2")
            }
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("a payment from one source fits what that source has left", arguments: [
        ("20000.00", true), ("20000.01", false),
    ])
    func overpaymentFromSource(net: String, accepted: Bool) throws {
        let t = try TestLedger.withVictimsContract()
        if accepted {
            try t.payContract("contract-0001", net, ref: "PAY-1", extra: ["source": ["opcc"]])
        } else {
            t.expectRule(.overpayment, "a payment of £20,000.01 is more than the £20,000.00 left of contract-0001's 2017-18 opcc profile; pay at most £20,000.00, or vary the contract first.") {
                try t.payContract("contract-0001", net, ref: "PAY-1", extra: ["source": ["opcc"]])
            }
            t.expectRule(.overpayment, "contract-0001's 2017-18 profile has nothing left from partner to pay £1.00 from; vary the contract first.") {
                try t.payContract("contract-0001", "1.00", ref: "PAY-1", extra: ["source": ["partner"]])
            }
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("a payment draws on the profile of its own financial year: 31 March and 1 April", arguments: [
        ("2018-03-31", true), ("2018-04-01", false),
    ])
    func paymentYear(date: String, accepted: Bool) throws {
        let t = try TestLedger.withVictimsContract()
        t.setToday(date)
        if accepted {
            try t.payContract("contract-0001", "1000.00", ref: "PAY-1")
        } else {
            t.expectRule(.overpayment, "contract-0001's 2018-19 profile has nothing left to pay £1,000.00 from; vary the contract first.") {
                try t.payContract("contract-0001", "1000.00", ref: "PAY-1")
            }
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("a payment reference is never used twice: on one contract, on two, or on a grant and a contract")
    func duplicatePaymentReference() throws {
        let t = try TestLedger.withVictimsContract()
        try t.run("contract let", TestLedger.victimsContract(value: "10000.00", profile: ["2017-18:opcc:10000.00"]))
        try t.payContract("contract-0001", "1000.00", ref: "PAY-1")
        let message = "payment reference PAY-1 is already recorded; each finance-system payment is recorded once."
        t.expectRule(.paymentReference, message) { try t.payContract("contract-0001", "1000.00", ref: "PAY-1") }
        t.expectRule(.paymentReference, message) { try t.payContract("contract-0002", "1000.00", ref: "PAY-1") }
        try t.grantWithTranchePaid(paymentRef: "PAY-G1")
        t.expectRule(.paymentReference, "payment reference PAY-G1 is already recorded; each finance-system payment is recorded once.") {
            try t.payContract("contract-0001", "1000.00", ref: "PAY-G1")
        }
        t.expectRule(.paymentReference, message) {
            try t.run("grant pay", ["grant": ["grant-0001"], "tranche": ["1"], "amount": ["1.00"], "payment-ref": ["PAY-1"], "invoice-ref": ["KYC-CLAIM-2"]], as: TestLedger.finance)
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("whoever let the contract cannot record its payments")
    func separationOfDuties() throws {
        let t = try TestLedger.withVictimsContract()
        try t.run("role grant", ["actor-id": [TestLedger.officer], "role": ["finance-officer"]])
        t.expectRule(.separationOfDuties, "officer-1 let contract-0001 and cannot record its payments: whoever decided an award cannot record its payments. Another finance officer must record it.") {
            try t.run("contract pay", ["contract": ["contract-0001"], "payment-ref": ["PAY-1"], "invoice-ref": ["INV-1"], "net": ["1000.00"]], as: TestLedger.officer)
        }
        try t.payContract("contract-0001", "1000.00", ref: "PAY-1")
        t.expectRefused(.notPermitted(actor: "commissioner", needs: "the finance-officer role on 2017-04-03", command: "contract pay")) {
            try t.run("contract pay", ["contract": ["contract-0001"], "payment-ref": ["PAY-2"], "invoice-ref": ["INV-2"], "net": ["1000.00"]], as: TestLedger.decisionMaker)
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("an ended contract is not paid")
    func endedContract() throws {
        let t = try TestLedger.withVictimsContract()
        try t.run("contract end", ["contract": ["contract-0001"], "reason": ["provider ceased trading"]])
        t.expectRefused(.wrongState(
            kind: "contract", id: "contract-0001", state: "ended", command: "be paid",
            fitting: "an ended contract takes only reviews, accruals and releases (`cledger contract release` returns what will not be paid to the fund)")) {
            try t.payContract("contract-0001", "1000.00", ref: "PAY-1")
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("a payment is not dated before the contract's last event: the same day is accepted, the day before refused", arguments: [
        ("2017-05-01", true), ("2017-04-30", false),
    ])
    func streamOrder(date: String, accepted: Bool) throws {
        let t = try TestLedger.withVictimsContract()
        t.setToday("2017-05-02")
        try t.payContract("contract-0001", "1000.00", ref: "PAY-1", on: "2017-05-01")
        if accepted {
            try t.payContract("contract-0001", "1000.00", ref: "PAY-2", on: date)
        } else {
            t.expectRule(.streamOrder, "contract contract-0001 already has an event dated 2017-05-01; date this command 2017-05-01 or later.") {
                try t.payContract("contract-0001", "1000.00", ref: "PAY-2", on: date)
            }
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("a payment dated in a closed year is refused; the first day of the open year is accepted", arguments: [
        ("2018-03-31", false), ("2018-04-01", true),
    ])
    func closedYear(date: String, accepted: Bool) throws {
        let t = try TestLedger()
        try t.allocate("50000.00", "opcc")
        try t.allocate("50000.00", "opcc", year: "2018-19")
        try t.run("contract let", TestLedger.victimsContract(
            value: "20000.00", end: "2019-03-31", profile: ["2017-18:opcc:10000.00", "2018-19:opcc:10000.00"]))
        t.setToday("2018-04-10")
        try t.run("year close", ["year": ["2017-18"]], as: TestLedger.finance)
        if accepted {
            try t.payContract("contract-0001", "1000.00", ref: "PAY-1", on: date)
        } else {
            t.expectRule(.closedYear, "financial year 2017-18 is closed; date the command in an open year (a closed year is never restated).") {
                try t.payContract("contract-0001", "1000.00", ref: "PAY-1", on: date)
            }
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("a payment is not dated after today")
    func futureDate() throws {
        let t = try TestLedger.withVictimsContract()
        t.expectRule(.futureDate, "the date 2017-04-04 is after today (2017-04-03); record what has happened, dated when it happened.") {
            try t.payContract("contract-0001", "1000.00", ref: "PAY-1", on: "2017-04-04")
        }
    }

    @Test("a payment is more than nothing, and its fields are what they say")
    func fields() throws {
        let t = try TestLedger.withVictimsContract()
        t.expectRefused(.field(name: "net", problem: "is £0.00; a payment is more than nothing")) {
            try t.payContract("contract-0001", "0.00", ref: "PAY-1")
        }
        t.expectRefused(.field(name: "net", problem: "'-5.00' is not pounds and pence such as 7500.00")) {
            try t.payContract("contract-0001", "-5.00", ref: "PAY-1")
        }
        t.expectRefused(.unknown(
            kind: "contract or agreement", id: "contract-0099", hint: "They are named like contract-0003 or agreement-0001, as `cledger contract let` printed.")) {
            try t.payContract("contract-0099", "1.00", ref: "PAY-1")
        }
    }

    @Test("a partnership agreement is paid the same way, VAT allowed")
    func agreementPayment() throws {
        let t = try TestLedger()
        try t.allocate("60000.00", "opcc", fund: "partnership")
        try t.run("agreement make", TestLedger.partnershipAgreement())
        let receipt = try t.payContract("agreement-0001", "15000.00", ref: "CCC-CLAIM-Q1", extra: ["vat": ["3000.00"]])
        #expect(receipt.summary == "recorded payment CCC-CLAIM-Q1 of £15,000.00 net (VAT £3,000.00) on agreement-0001 to cumbria-cc: 2017-18 opcc £15,000.00")
        t.expectRule(.overpayment, "a payment of £45,000.01 is more than the £45,000.00 left of agreement-0001's 2017-18 profile (opcc £45,000.00); pay at most £45,000.00, or vary the agreement first.") {
            try t.payContract("agreement-0001", "45000.01", ref: "CCC-CLAIM-Q2")
        }
        #expect(try t.store.verify().isValid)
    }
}
