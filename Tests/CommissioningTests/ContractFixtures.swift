import Commissioning
import LedgerStore
import Testing

/// Money, contracts and agreements for the tests of the contract and correction commands.
extension TestLedger {
    /// Records `amount` of `source` money for `fund` in `year`, as finance.
    @discardableResult
    func allocate(_ amount: String, _ source: String, year: String = "2017-18", fund: String = "victims", on: String? = nil) throws -> CommandReceipt {
        try run("allocation record", ["fund": [fund], "amount": [amount], "source": [source], "year": [year]], as: Self.finance, on: on)
    }

    /// The fields of a victims' contract with Victim Support: £120,000 in 2017-18 (MoJ
    /// £100,000 topped up with £20,000 of OPCC money), KPI referrals-assessed, objective 5.1.
    static func victimsContract(
        value: String = "120000.00", start: String = "2017-04-03", end: String = "2018-03-31",
        profile: [String] = ["2017-18:moj:100000.00", "2017-18:opcc:20000.00"], objective: [String] = ["5.1"],
        extra: [String: [String]] = [:]
    ) -> [String: [String]] {
        [
            "fund": ["victims"], "provider": ["victim-support"], "service": ["Victims' referral and assessment service"], "value": [value],
            "start": [start], "end": [end], "objective": objective, "kpi": ["referrals-assessed:1200", "victims-contacted-in-48h:95"],
            "profile": profile,
        ].merging(extra) { _, new in new }
    }

    /// The fields of a partnership agreement with Cumbria County Council: £60,000 of OPCC money
    /// in 2017-18 for domestic abuse outreach (objective 3.1).
    static func partnershipAgreement(provider: String = "cumbria-cc", extra: [String: [String]] = [:]) -> [String: [String]] {
        [
            "fund": ["partnership"], "provider": [provider], "service": ["Community safety partnership: domestic abuse outreach"],
            "value": ["60000.00"], "start": ["2017-04-03"], "end": ["2018-03-31"], "objective": ["3.1"], "kpi": ["households-supported:150"],
            "profile": ["2017-18:opcc:60000.00"],
        ].merging(extra) { _, new in new }
    }

    /// A ledger with the Victims' Services Fund's 2017-18 money (MoJ £150,000, OPCC £50,000)
    /// and contract-0001 let from it (see ``victimsContract``).
    static func withVictimsContract() throws -> TestLedger {
        let t = try TestLedger()
        try t.allocate("150000.00", "moj")
        try t.allocate("50000.00", "opcc")
        try t.run("contract let", victimsContract())
        return t
    }

    /// Pays `net` on `contract` as finance.
    @discardableResult
    func payContract(_ contract: String, _ net: String, ref: String, on: String? = nil, extra: [String: [String]] = [:]) throws -> CommandReceipt {
        try run(
            "contract pay", ["contract": [contract], "payment-ref": [ref], "invoice-ref": ["INV-" + ref], "net": [net]].merging(extra) { _, new in new },
            as: Self.finance, on: on)
    }

    /// The events of a stream, decoded.
    func streamEvents(_ stream: String) throws -> [CommissioningEvent] {
        try store.read { reader in
            var events: [CommissioningEvent] = []
            try reader.forEachEvent(inStream: stream) { events.append(try CommissioningEvent($0)) }
            return events
        }
    }

    /// The last event of a stream, decoded.
    func lastEvent(in stream: String) throws -> CommissioningEvent? { try streamEvents(stream).last }

    /// A signed Community Fund grant of £5,000 to Keswick Youth Club (grant-0001: tranche 1
    /// £4,000, tranche 2 £1,000 held back) with £3,000 of tranche 1 paid under `paymentRef`.
    func grantWithTranchePaid(paymentRef: String) throws {
        try run("bid submit", [
            "fund": ["community"], "org": ["keswick-youth-club"], "title": ["Friday night football"], "area": [Self.allerdale],
            "amount": ["5000.00"], "start": ["2017-05-01"], "end": ["2018-04-30"], "objective": ["8.2"],
        ])
        try run("bid assess", ["bid": ["bid-0001"], "eligible": ["true"], "reason": ["a community group in Allerdale"]])
        try run("bid recommend", ["bid": ["bid-0001"], "decision": ["fund"], "rationale": ["clear outcomes"]], as: Self.panel)
        try run("bid award", ["bid": ["bid-0001"], "amount": ["5000.00"]], as: Self.decisionMaker)
        try run("grant sign", ["grant": ["grant-0001"]])
        try run("grant pay", ["grant": ["grant-0001"], "tranche": ["1"], "amount": ["3000.00"], "payment-ref": [paymentRef], "invoice-ref": ["KYC-CLAIM-1"]], as: Self.finance)
    }
}
