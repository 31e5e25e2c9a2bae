import Commissioning
import LedgerStore
import Testing

@Suite("Reversing payments, allocations and accruals")
struct CorrectionTests {
    static func line(_ year: Int, _ source: FundingSource, _ pence: Int64) -> FundingLine {
        FundingLine(financialYear: FinancialYear(startYear: year), source: source, amount: Money(pence: pence))
    }

    /// The sequence of the event of `stream` that recorded payment `reference`.
    static func sequence(ofPayment reference: String, in stream: String, _ t: TestLedger) throws -> UInt64? {
        try t.store.read { reader in
            var found: UInt64?
            try reader.forEachEvent(inStream: stream) { envelope in
                switch try CommissioningEvent(envelope) {
                case let .commitmentPaymentRecorded(e) where e.paymentReference == reference: found = envelope.sequence
                case let .tranchePaid(e) where e.paymentReference == reference: found = envelope.sequence
                default: break
                }
            }
            return found
        }
    }

    static func reverse(_ reference: String, _ t: TestLedger, on: String? = nil) throws -> CommandReceipt {
        try t.run("payment reverse", ["payment-ref": [reference], "reason": ["paid to the wrong supplier account; returned by the bank"]], as: TestLedger.finance, on: on)
    }

    @Test("a contract payment is reversed once, referring to the payment, and what it paid may be paid again")
    func reverseContractPayment() throws {
        let t = try TestLedger.withVictimsContract()
        try t.payContract("contract-0001", "110000.00", ref: "PAY-1")
        let receipt = try Self.reverse("PAY-1", t)
        #expect(receipt.summary == "reversed payment PAY-1 of £110,000.00 on contract-0001 in 2017-18 (moj £100,000.00, opcc £10,000.00)")
        guard case let .paymentReversed(e) = try t.lastEvent(in: "contract-0001") else { Issue.record("no reversal in contract-0001"); return }
        #expect(e.reversedSequence == (try Self.sequence(ofPayment: "PAY-1", in: "contract-0001", t)))
        #expect(e.lines == [Self.line(2017, .mojVictimsGrant, 10_000_000), Self.line(2017, .opcc, 1_000_000)])
        #expect(e.commitmentId == "contract-0001" && e.fundId == "victims")
        t.expectRefused(.wrongState(
            kind: "payment", id: "PAY-1", state: "already reversed", command: "be reversed again",
            fitting: "a payment is reversed once; if it was paid again, record that payment under its own reference")) {
            _ = try Self.reverse("PAY-1", t)
        }
        // The reference stays used; the profile is whole again.
        t.expectRule(.paymentReference, "payment reference PAY-1 is already recorded") { try t.payContract("contract-0001", "1.00", ref: "PAY-1") }
        try t.payContract("contract-0001", "120000.00", ref: "PAY-2")
        #expect(try t.store.verify().isValid)
    }

    @Test("a payment of a closed year is reversed in the open year of the reversal, never restating the closed one")
    func reverseIntoOpenYear() throws {
        let t = try TestLedger()
        try t.allocate("50000.00", "opcc")
        try t.allocate("50000.00", "opcc", year: "2018-19")
        try t.run("contract let", TestLedger.victimsContract(value: "20000.00", end: "2019-03-31", profile: ["2017-18:opcc:10000.00", "2018-19:opcc:10000.00"]))
        t.setToday("2018-03-20")
        try t.payContract("contract-0001", "10000.00", ref: "PAY-1")
        t.setToday("2018-04-10")
        try t.run("year close", ["year": ["2017-18"]], as: TestLedger.finance)
        t.expectRule(.closedYear, "financial year 2017-18 is closed; date the command in an open year (a closed year is never restated).") {
            _ = try Self.reverse("PAY-1", t, on: "2018-03-31")
        }
        let receipt = try Self.reverse("PAY-1", t)
        #expect(receipt.summary == "reversed payment PAY-1 of £10,000.00 on contract-0001 in 2018-19 (opcc £10,000.00)")
        guard case let .paymentReversed(e) = try t.lastEvent(in: "contract-0001") else { Issue.record("no reversal"); return }
        #expect(e.lines == [Self.line(2018, .opcc, 1_000_000)])
        // The money comes back in 2018-19: its profile has its own £10,000 and the £10,000 reversed.
        t.expectRule(.overpayment, "the £20,000.00 left of contract-0001's 2018-19 profile (opcc £20,000.00)") {
            try t.payContract("contract-0001", "20000.01", ref: "PAY-2")
        }
        try t.payContract("contract-0001", "20000.00", ref: "PAY-2")
        #expect(try t.store.verify().isValid)
    }

    @Test("a grant tranche payment is reversed to the grant, and the tranche may be paid again")
    func reverseTranchePayment() throws {
        let t = try TestLedger()
        try t.grantWithTranchePaid(paymentRef: "PAY-G1")
        let receipt = try Self.reverse("PAY-G1", t)
        #expect(receipt.summary == "reversed payment PAY-G1 of £3,000.00 on grant-0001 in 2017-18 (opcc £3,000.00)")
        guard case let .paymentReversed(e) = try t.lastEvent(in: "grant-0001") else { Issue.record("no reversal in grant-0001"); return }
        #expect(e.reversedSequence == (try Self.sequence(ofPayment: "PAY-G1", in: "grant-0001", t)))
        #expect(e.lines == [Self.line(2017, .opcc, 300_000)] && e.fundId == "community")
        t.expectRefused(.wrongState(
            kind: "payment", id: "PAY-G1", state: "already reversed", command: "be reversed again",
            fitting: "a payment is reversed once; if it was paid again, record that payment under its own reference")) {
            _ = try Self.reverse("PAY-G1", t)
        }
        try t.run("grant pay", ["grant": ["grant-0001"], "tranche": ["1"], "amount": ["4000.00"], "payment-ref": ["PAY-G2"], "invoice-ref": ["KYC-CLAIM-1"]], as: TestLedger.finance)
        #expect(try t.store.verify().isValid)
    }

    @Test("only finance reverses, a payment that was recorded, not before its entity's last event")
    func reversalRefusals() throws {
        let t = try TestLedger.withVictimsContract()
        t.setToday("2017-05-02")
        try t.payContract("contract-0001", "1000.00", ref: "PAY-1", on: "2017-05-02")
        t.expectRefused(.unknown(kind: "payment", id: "PAY-9", hint: "Give the finance system's payment reference as the payment was recorded with it.")) {
            _ = try Self.reverse("PAY-9", t)
        }
        t.expectRefused(.notPermitted(actor: "officer-1", needs: "the finance-officer role on 2017-05-02", command: "payment reverse")) {
            try t.run("payment reverse", ["payment-ref": ["PAY-1"], "reason": ["error"]])
        }
        t.expectRule(.streamOrder, "contract contract-0001 already has an event dated 2017-05-02; date this command 2017-05-02 or later.") {
            _ = try Self.reverse("PAY-1", t, on: "2017-05-01")
        }
        #expect(try t.store.verify().isValid)
    }

    /// "The Commissioner receives a specific ring-fenced Victims Services Grants from the
    /// Ministry of Justice": an allocation is not reversed from under the MoJ money committed.
    @Test("an allocation is reversed only if the year's MoJ commitments still fit what is left", arguments: [
        ("100000.00", true), ("100000.01", false),
    ])
    func reverseMojAllocation(committed: String, accepted: Bool) throws {
        let t = try TestLedger()
        try t.allocate("100000.00", "moj")
        try t.allocate("50000.00", "moj")
        try t.run("contract let", TestLedger.victimsContract(value: committed, profile: ["2017-18:moj:" + committed]))
        let reverse = { try t.run("allocation reverse", ["allocation": ["allocation-0002"], "reason": ["recorded twice"]], as: TestLedger.finance) }
        if accepted {
            let receipt = try reverse()
            #expect(receipt.summary == "reversed allocation allocation-0002: £50,000.00 of moj money to fund victims for 2017-18")
            guard case let .allocationReversed(e) = try t.lastEvent(in: "fund-victims") else { Issue.record("no reversal"); return }
            #expect(e.line == Self.line(2017, .mojVictimsGrant, 5_000_000))
            t.expectRefused(.wrongState(
                kind: "allocation", id: "allocation-0002", state: "already reversed", command: "be reversed again",
                fitting: "an allocation is reversed once; record the right one with `cledger allocation record`")) {
                _ = try reverse()
            }
            // The ring fence now holds at £100,000.
            t.expectRule(.mojAllocation, "above the year's MoJ allocation of £100,000.00; £0.00 of it is left.") {
                try t.run("contract let", TestLedger.victimsContract(value: "0.01", profile: ["2017-18:moj:0.01"]))
            }
        } else {
            t.expectRule(.mojAllocation, "reversing allocation-0002 would leave the 2017-18 MoJ allocation of fund victims at £100,000.00, below the £100,000.01 committed from it; release or vary commitments first, or record the right allocation before reversing this one.") {
                _ = try reverse()
            }
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("a fund without a pot keeps its commitments within each source's allocation; a pot fund commits from its pot")
    func reverseOtherAllocations() throws {
        let t = try TestLedger()
        try t.allocate("60000.00", "opcc", fund: "partnership")
        try t.run("agreement make", TestLedger.partnershipAgreement())
        t.expectRule(.fundsAvailable, "reversing allocation-0001 would leave the 2017-18 opcc allocation of fund partnership at £0.00, below the £60,000.00 committed from it;") {
            try t.run("allocation reverse", ["allocation": ["allocation-0001"], "reason": ["budget withdrawn"]], as: TestLedger.finance)
        }
        // The Community Fund commits from its three-year pot, not from the year's allocation.
        try t.allocate("10000.00", "opcc", fund: "community")
        try t.grantWithTranchePaid(paymentRef: "PAY-G1")
        try t.run("allocation reverse", ["allocation": ["allocation-0002"], "reason": ["budget transferred"]], as: TestLedger.finance)
        t.expectRefused(.unknown(kind: "allocation", id: "allocation-0009", hint: "Allocations are named like allocation-0001, as `cledger allocation record` printed.")) {
            try t.run("allocation reverse", ["allocation": ["allocation-0009"], "reason": ["typo"]], as: TestLedger.finance)
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("an allocation of a closed year is never reversed")
    func reverseClosedAllocation() throws {
        let t = try TestLedger()
        try t.allocate("100000.00", "moj")
        t.setToday("2018-04-10")
        try t.run("year close", ["year": ["2017-18"]], as: TestLedger.finance)
        t.expectRule(.closedYear, "allocation-0001 is an allocation for 2017-18, which is closed; a closed year is never restated.") {
            try t.run("allocation reverse", ["allocation": ["allocation-0001"], "reason": ["recorded in error"]], as: TestLedger.finance)
        }
        #expect(try t.store.verify().isValid)
    }

    @Test("an accrual is reversed once while its year is open, and its room may be accrued again")
    func reverseAccrual() throws {
        let t = try TestLedger.withVictimsContract()
        try t.run("accrual record", ["contract": ["contract-0001"], "amount": ["100000.00"], "description": ["Q4 service"]], as: TestLedger.finance)
        let receipt = try t.run("accrual reverse", ["accrual": ["accrual-0001"], "reason": ["invoice paid before the year end"]], as: TestLedger.finance)
        #expect(receipt.summary == "reversed accrual accrual-0001 of £100,000.00 on contract-0001 for 2017-18")
        guard case let .accrualReversed(e) = try t.lastEvent(in: "contract-0001") else { Issue.record("no reversal"); return }
        #expect(e == AccrualReversed(
            accrualId: "accrual-0001", commitmentId: "contract-0001", fundId: "victims", line: Self.line(2017, .mojVictimsGrant, 10_000_000),
            reason: "invoice paid before the year end"))
        t.expectRefused(.wrongState(
            kind: "accrual", id: "accrual-0001", state: "already reversed", command: "be reversed again",
            fitting: "an accrual is reversed once; record a new one with `cledger accrual record` if it is needed")) {
            try t.run("accrual reverse", ["accrual": ["accrual-0001"], "reason": ["again"]], as: TestLedger.finance)
        }
        t.expectRefused(.unknown(kind: "accrual", id: "accrual-0002", hint: "Accruals are named like accrual-0001, as `cledger accrual record` printed.")) {
            try t.run("accrual reverse", ["accrual": ["accrual-0002"], "reason": ["typo"]], as: TestLedger.finance)
        }
        try t.run("accrual record", ["contract": ["contract-0001"], "amount": ["100000.00"], "description": ["Q4 service"]], as: TestLedger.finance)
        #expect(try t.store.verify().isValid)
    }
}
