import LedgerStore

/// `grant pay`: finance records a payment of a tranche of a grant, with the finance system's
/// payment reference (never used twice) and the claim or invoice it pays.
public struct PayTranche: LedgerCommand {
    public static let spec = CommandSpec(
        name: "grant pay", summary: "Record a payment of a tranche of a grant.",
        role: .financeOfficer,
        fields: [
            FieldSpec("grant", .id, help: "the grant"),
            FieldSpec("tranche", .integer, help: "the tranche's number, from 1"),
            FieldSpec("amount", .money, required: false, help: "the amount paid (default: what is left to pay of the tranche)"),
            FieldSpec("payment-ref", .text, help: "the finance system's payment reference (each is recorded once)"),
            FieldSpec("invoice-ref", .text, help: "the grantee's claim or invoice reference"),
        ],
        example: [("grant", ["grant-0001"]), ("tranche", ["1"]), ("payment-ref", ["PAY-104233"]), ("invoice-ref", ["KYC-CLAIM-1"])])

    let grantId: String
    let trancheNumber: Int64
    let amount: Money?
    let paymentReference: String
    let invoiceReference: String

    public init(_ fields: CommandFields) throws {
        grantId = try fields.id("grant")
        trancheNumber = try fields.integer("tranche", in: 1...Int64(Int32.max))
        amount = try fields.optionalMoney("amount")
        if let amount, amount <= .zero { throw CommissioningError.field(name: "amount", problem: "\(amount) is not more than £0.00") }
        paymentReference = try fields.text("payment-ref")
        invoiceReference = try fields.text("invoice-ref")
    }

    public func decide(_ decision: Decision) throws -> String {
        let grant = try decision.grantInOrder(grantId)
        try decision.requireGrantOpen(grant, grantId, to: "be paid")
        try decision.requireSigned(grant, grantId, to: "be paid")
        guard trancheNumber <= grant.tranches.count else {
            throw CommissioningError.field(
                name: "tranche", problem: "grant \(grantId) has tranche\(grant.tranches.count == 1 ? " 1" : "s 1 to \(grant.tranches.count)"); \(trancheNumber) is not one of them")
        }
        if decision.actorId == grant.decidedBy {
            throw CommissioningError.rule(
                .separationOfDuties,
                "\(decision.actorId) decided the award of \(grantId) and cannot record its payments: whoever decides an award never pays it. Another finance officer must record this payment.")
        }
        let index = Int(trancheNumber) - 1
        let tranche = grant.tranches[index]
        if tranche.afterFinalReport && grant.finalReport != .accepted {
            throw CommissioningError.rule(
                .finalReportFirst,
                "tranche \(trancheNumber) of \(grantId) (\(tranche.amount)) is payable only after the final report is accepted, and the report is \(grant.finalReportText): "
                    + "\"The balance of funding will be subject to the receipt of a final report that clearly demonstrates the outcomes\". "
                    + "Accept the final report with `cledger grant accept-report` first.")
        }
        let unpaid = tranche.amount - grant.paidByTranche[index]
        // A release is not attributed to a tranche: never pay beyond what the grant has outstanding.
        let left = max(min(unpaid, grant.outstanding), .zero)
        let paying = amount ?? left
        if left == .zero {
            let why = unpaid > .zero ? "the grant's \(grant.released) released leaves nothing to pay" : "it is paid in full (\(tranche.amount))"
            throw CommissioningError.rule(.overpayment, "tranche \(trancheNumber) of \(grantId) has nothing left to pay: \(why).")
        }
        if paying > left {
            let why = left < unpaid ? " (\(unpaid) of the tranche is unpaid, but \(grant.released) of the grant was released)" : ""
            throw CommissioningError.rule(
                .overpayment,
                "a payment of \(paying) would overpay tranche \(trancheNumber) of \(grantId): \(left) is left to pay\(why). Pay at most \(left).")
        }
        try decision.requireNewPaymentReference(paymentReference)
        let fund = try decision.fund(grant.fundId)
        let rules = try decision.rules(of: grant.fundId, fund, on: decision.on)
        let line = FundingLine(financialYear: decision.year, source: grant.source(fund), amount: paying)
        try FundMoney(fundId: grant.fundId, fund: fund, rules: rules, state: decision.state).requirePaymentFits([line])
        try decision.emit(
            TranchePaid(
                grantId: grantId, fundId: grant.fundId, trancheNumber: trancheNumber, paymentReference: paymentReference,
                invoiceReference: invoiceReference, line: line),
            to: StreamId.entity(grantId))
        return "recorded payment \(paymentReference) of \(paying) on tranche \(trancheNumber) of \(grantId) (\(line.source.rawValue), \(line.financialYear)); \(left - paying) of the tranche is left to pay"
    }
}
