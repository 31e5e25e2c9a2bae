import Commissioning
import LedgerStore
import Testing

/// Steps of a bid's and a grant's life for the Bid… and Grant… tests: each runs the commands
/// that bring a bid or grant to the named state, and returns its id.
extension TestLedger {
    /// Finance records property-act proceeds for the Property Fund in 2017-18 (it commits only
    /// what it has been allocated).
    func allocatePropertyProceeds(_ amount: String = "10000.00") throws {
        try run("allocation record", ["fund": ["property"], "amount": [amount], "source": ["property-proceeds"], "year": ["2017-18"]], as: TestLedger.finance)
    }

    /// A Property Fund bid from Keswick Youth Club endorsed by the Allerdale PCSO, assessed and recommended.
    func recommendedPropertyBid(amount: String) throws -> String {
        let bid = try submit(fund: "property", amount: amount)
        try run("bid endorse", ["bid": [bid]], as: TestLedger.pcsoAllerdale)
        try run("bid assess", ["bid": [bid], "eligible": ["true"], "reason": ["community group in Allerdale"]])
        try run("bid recommend", ["bid": [bid], "decision": ["fund"], "rationale": ["good outcomes"]], as: TestLedger.panel)
        return bid
    }

    /// Submits a bid and returns its id (`bid-0001`).
    @discardableResult
    func submit(
        fund: String = "community", org: String = "keswick-youth-club", area: String = TestLedger.allerdale, amount: String = "7500.00",
        end: String = "2018-03-31", objective: [String] = ["8.2"], on: String? = nil
    ) throws -> String {
        let receipt = try run("bid submit", [
            "fund": [fund], "org": [org], "title": ["Friday night football"], "area": [area], "amount": [amount],
            "start": ["2017-05-01"], "end": [end], "objective": objective,
        ], on: on)
        return String(receipt.summary.split(separator: " ")[2].dropLast())
    }

    /// A bid assessed as eligible.
    func eligibleBid(fund: String = "community", org: String = "keswick-youth-club", amount: String = "7500.00", on: String? = nil) throws -> String {
        let bid = try submit(fund: fund, org: org, amount: amount, on: on)
        try run("bid assess", ["bid": [bid], "eligible": ["true"], "reason": ["meets the fund's criteria"]], on: on)
        return bid
    }

    /// A bid the panel recommended for funding.
    func recommendedBid(fund: String = "community", org: String = "keswick-youth-club", amount: String = "7500.00", on: String? = nil) throws -> String {
        let bid = try eligibleBid(fund: fund, org: org, amount: amount, on: on)
        try run("bid recommend", ["bid": [bid], "decision": ["fund"], "rationale": ["clear outcomes"]], as: TestLedger.panel, on: on)
        return bid
    }

    /// Awards `bid` and returns the grant's id (`grant-0001`).
    @discardableResult
    func award(_ bid: String, amount: String = "7500.00", extra: [String: [String]] = [:], on: String? = nil) throws -> String {
        let receipt = try run("bid award", ["bid": [bid], "amount": [amount]].merging(extra) { a, _ in a }, as: TestLedger.decisionMaker, on: on)
        return String(receipt.summary.split(separator: " ")[2])
    }

    /// An awarded grant (by default £7,500 from the Community Fund: £6,000 then £1,500 held back).
    @discardableResult
    func awardedGrant(fund: String = "community", org: String = "keswick-youth-club", amount: String = "7500.00", on: String? = nil) throws -> String {
        try award(try recommendedBid(fund: fund, org: org, amount: amount, on: on), amount: amount, on: on)
    }

    /// An awarded grant whose agreement is signed.
    @discardableResult
    func signedGrant(fund: String = "community", org: String = "keswick-youth-club", amount: String = "7500.00", on: String? = nil) throws -> String {
        let grant = try awardedGrant(fund: fund, org: org, amount: amount, on: on)
        try run("grant sign", ["grant": [grant]], on: on)
        return grant
    }

    /// Pays tranche `tranche` of `grant` as finance-1.
    @discardableResult
    func pay(_ grant: String, tranche: Int, amount: String? = nil, ref: String, as actor: String = TestLedger.finance, on: String? = nil) throws -> CommandReceipt {
        var fields: [String: [String]] = ["grant": [grant], "tranche": [String(tranche)], "payment-ref": [ref], "invoice-ref": ["CLAIM-\(ref)"]]
        if let amount { fields["amount"] = [amount] }
        return try run("grant pay", fields, as: actor, on: on)
    }

    /// Records a final report with an outcome, evidence and learning, and accepts it.
    func acceptedFinalReport(_ grant: String, on: String? = nil) throws {
        try run("grant final-report", [
            "grant": [grant], "outcome": ["young people engaged:40:52"], "evidence": ["attendance registers"],
            "learning": ["presented to the county youth forum"],
        ], on: on)
        try run("grant accept-report", ["grant": [grant]], on: on)
    }

    /// The events of `stream`, decoded.
    func events(_ stream: String) throws -> [CommissioningEvent] {
        try store.read { reader in
            var events: [CommissioningEvent] = []
            try reader.forEachEvent(inStream: stream) { events.append(try CommissioningEvent($0)) }
            return events
        }
    }

    /// The envelopes of `stream`.
    func envelopes(_ stream: String) throws -> [Envelope] {
        try store.read { reader in
            var envelopes: [Envelope] = []
            try reader.forEachEvent(inStream: stream) { envelopes.append($0) }
            return envelopes
        }
    }

    /// The decision state rebuilt from the log equals the stored one, and the hash chain holds.
    func expectVerified(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let report = try store.verify()
        #expect(report.isValid, "\(report.problems)", sourceLocation: sourceLocation)
    }
}
