import LedgerStore

/// `contract pay`: finance records a payment on a contract or a partnership agreement: the
/// finance system's payment reference, the invoice or claim, net and VAT. The net is paid from
/// the profile of the financial year of the payment date, by default MoJ money first, then
/// OPCC money and the rest in ``FundingSource`` order, and never more than that year's profile
/// has left neither paid nor accrued. An accrual of the year before reverses in this one, so the
/// invoice that settles it is paid without using this year's profile.
public struct PayContract: LedgerCommand {
    public static let spec = CommandSpec(
        name: "contract pay", summary: "Record a payment on a contract or partnership agreement, from the profile of the payment's financial year.",
        role: .financeOfficer,
        fields: [
            FieldSpec("contract", .id, help: "the contract or partnership agreement (contract-NNNN or agreement-NNNN)"),
            FieldSpec("payment-ref", .text, help: "the finance system's payment reference (used once only)"),
            FieldSpec("invoice-ref", .text, help: "the provider's invoice or the lead agency's claim"),
            FieldSpec("net", .money, help: "the amount net of VAT, paid from the profile"),
            FieldSpec("vat", .money, required: false, help: "VAT on the invoice (default 0.00; agreements normally have none, but it may be given)"),
            FieldSpec("source", .choice(FundingSource.allCases.map(\.rawValue)), required: false,
                      help: "pay it all from this source (default: what the year's profile has left, MoJ money first)"),
        ],
        example: [("contract", ["contract-0001"]), ("payment-ref", ["PAY-2017-0412"]), ("invoice-ref", ["VS-INV-0001"]), ("net", ["31250.00"]), ("vat", ["0.00"])])

    let commitmentId: String
    let paymentReference: String
    let invoiceReference: String
    let net: Money
    let vat: Money
    let source: FundingSource?

    public init(_ fields: CommandFields) throws {
        commitmentId = try fields.id("contract")
        paymentReference = try fields.text("payment-ref")
        invoiceReference = try fields.text("invoice-ref")
        net = try fields.money("net")
        if net == .zero { throw CommissioningError.field(name: "net", problem: "is £0.00; a payment is more than nothing") }
        vat = try fields.optionalMoney("vat") ?? .zero
        source = try fields.optionalChoice("source", FundingSource.self)
    }

    public func decide(_ decision: Decision) throws -> String {
        let commitment = try decision.commitment(commitmentId, toAct: "be paid")
        if commitment.lettingActor == decision.actorId {
            throw CommissioningError.rule(
                .separationOfDuties,
                "\(decision.actorId) let \(commitmentId) and cannot record its payments: whoever decided an award cannot record its payments. Another finance officer must record it.")
        }
        try decision.requireNewPaymentReference(paymentReference)
        let lines = try commitment.split(net, commitmentId, in: decision.year, from: source)
        let fund = try decision.fund(commitment.fundId)
        try FundMoney(fundId: commitment.fundId, fund: fund, rules: try decision.rules(of: commitment.fundId, fund, on: decision.on), state: decision.state).requirePaymentFits(lines)
        try decision.emit(
            CommitmentPaymentRecorded(
                commitmentId: commitmentId, fundId: commitment.fundId, paymentReference: paymentReference, invoiceReference: invoiceReference,
                net: net, vat: vat, lines: lines),
            to: StreamId.entity(commitmentId))
        return "recorded payment \(paymentReference) of \(net) net (VAT \(vat)) on \(commitmentId) to \(commitment.providerId): \(FundingProfile.describe(lines))"
    }
}

extension CommitmentState {
    /// `amount` taken from what the profile for `year` has left unpaid and unaccrued: all from `source`, or by
    /// default from each source in ``FundingSource`` order (MoJ money first).
    /// - Throws: the overpayment rule, saying what is left, when the year has less than `amount`.
    fileprivate func split(_ amount: Money, _ id: String, in year: FinancialYear, from source: FundingSource?) throws -> [FundingLine] {
        let left = remaining(in: year).filter { source == nil || $0.source == source }
        let total = left.sum(\.amount)
        // Work accrued in the year is not paid for twice: the payment that settles an accrual comes after it is reversed.
        let accruedInYear = accrued.filter { $0.financialYear == year && (source == nil || $0.source == source) }.sum(\.amount)
        let settling = accruedInYear > .zero
            ? " (\(accruedInYear) of it is accrued: if this payment settles an accrual, reverse the accrual first with `cledger accrual reverse`)" : ""
        if amount > total && total == .zero {
            throw CommissioningError.rule(
                .overpayment, "\(id)'s \(year) profile has nothing left\(source.map { " from \($0.rawValue)" } ?? "") to pay \(amount) from; vary the \(noun) first\(settling).")
        }
        if amount > total {
            let scope = source.map { "\(year) \($0.rawValue) profile" } ?? "\(year) profile (\(FundingProfile.describeBySource(left)))"
            throw CommissioningError.rule(
                .overpayment,
                "a payment of \(amount) is more than the \(total) left of \(id)'s \(scope); pay at most \(total), or vary the \(noun) first\(settling).")
        }
        var rest = amount
        var lines: [FundingLine] = []
        for line in left where rest > .zero {
            let take = min(rest, line.amount)
            lines.append(FundingLine(financialYear: year, source: line.source, amount: take))
            rest -= take
        }
        return lines
    }
}
