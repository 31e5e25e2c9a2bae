import LedgerStore

/// `payment reverse`: finance reverses a recorded payment (a grant tranche or a payment on a
/// contract or agreement), with a reason, once. The reversal refers to the event it reverses
/// and is dated in an open year: its amounts are moved into the financial year of its date,
/// so a closed year is never restated.
public struct ReversePayment: LedgerCommand {
    public static let spec = CommandSpec(
        name: "payment reverse", summary: "Reverse a grant tranche payment or a contract or agreement payment, in the year of the reversal.",
        role: .financeOfficer,
        fields: [
            FieldSpec("payment-ref", .text, help: "the finance system's payment reference of the payment"),
            FieldSpec("reason", .text, help: "why it is reversed"),
        ],
        example: [("payment-ref", ["PAY-2017-0412"]), ("reason", ["paid to the wrong supplier; recovered by the bank"])])

    let paymentReference: String
    let reason: String

    public init(_ fields: CommandFields) throws {
        paymentReference = try fields.text("payment-ref")
        reason = try fields.text("reason")
    }

    public func decide(_ decision: Decision) throws -> String {
        guard let payment = try decision.state.get(PaymentState.self, StateKey.payment(paymentReference)) else {
            throw CommissioningError.unknown(
                kind: "payment", id: paymentReference, hint: "Give the finance system's payment reference as the payment was recorded with it.")
        }
        if payment.reversed {
            throw CommissioningError.wrongState(
                kind: "payment", id: paymentReference, state: "already reversed", command: "be reversed again",
                fitting: "a payment is reversed once; if it was paid again, record that payment under its own reference")
        }
        if payment.trancheNumber != nil {
            let grant = try decision.grant(payment.commitmentId)
            try decision.requireNotBefore(grant.lastEffective, of: "grant \(payment.commitmentId)")
        } else {
            let commitment = try decision.commitment(payment.commitmentId)
            try decision.requireNotBefore(try decision.lastEventDate(of: payment.commitmentId, commitment), of: "\(commitment.noun) \(payment.commitmentId)")
        }
        let year = decision.year
        let lines = FundingSource.allCases.compactMap { source -> FundingLine? in
            let amount = payment.lines.filter { $0.source == source }.sum(\.amount)
            return amount == .zero ? nil : FundingLine(financialYear: year, source: source, amount: amount)
        }
        try decision.emit(
            PaymentReversed(
                paymentReference: paymentReference, commitmentId: payment.commitmentId, fundId: payment.fundId, reversedSequence: payment.sequence,
                lines: lines, reason: reason),
            to: StreamId.entity(payment.commitmentId))
        return "reversed payment \(paymentReference) of \(lines.sum(\.amount)) on \(payment.commitmentId) in \(year) (\(FundingProfile.describeBySource(lines)))"
    }
}
