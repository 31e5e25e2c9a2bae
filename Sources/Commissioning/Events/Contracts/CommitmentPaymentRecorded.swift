/// A payment on a contract or agreement.
public struct CommitmentPaymentRecorded: EventPayload {
    public static let eventType = "CommitmentPaymentRecorded"
    public static let schemaVersion: UInt16 = 1

    public var commitmentId: String
    public var fundId: String
    public var paymentReference: String
    public var invoiceReference: String
    public var net: Money
    public var vat: Money
    /// Net amount by financial year and source.
    public var lines: [FundingLine]

    public init(
        commitmentId: String,
        fundId: String,
        paymentReference: String,
        invoiceReference: String,
        net: Money,
        vat: Money,
        lines: [FundingLine]
    ) {
        self.commitmentId = commitmentId
        self.fundId = fundId
        self.paymentReference = paymentReference
        self.invoiceReference = invoiceReference
        self.net = net
        self.vat = vat
        self.lines = lines
    }
}

extension CommitmentPaymentRecorded: BinaryReadable {
    public init(reading input: BinarySource) throws {
        commitmentId = try input.field("commitmentId", input.readString)
        fundId = try input.field("fundId", input.readString)
        paymentReference = try input.field("paymentReference", input.readString)
        invoiceReference = try input.field("invoiceReference", input.readString)
        net = try input.field("net") { try input.read(Money.self) }
        vat = try input.field("vat") { try input.read(Money.self) }
        lines = try input.field("lines") { try input.readArray(of: FundingLine.self) }
    }
}
