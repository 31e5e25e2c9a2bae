/// A tranche of a grant paid.
public struct TranchePaid: EventPayload {
    public static let eventType = "TranchePaid"
    public static let schemaVersion: UInt16 = 1

    public var grantId: String
    public var fundId: String
    public var trancheNumber: Int64
    /// The finance system's payment reference (unique).
    public var paymentReference: String
    /// The claim or invoice reference.
    public var invoiceReference: String
    /// The amount, its financial year and source.
    public var line: FundingLine

    public init(
        grantId: String,
        fundId: String,
        trancheNumber: Int64,
        paymentReference: String,
        invoiceReference: String,
        line: FundingLine
    ) {
        self.grantId = grantId
        self.fundId = fundId
        self.trancheNumber = trancheNumber
        self.paymentReference = paymentReference
        self.invoiceReference = invoiceReference
        self.line = line
    }
}

extension TranchePaid: BinaryReadable {
    public init(reading input: BinarySource) throws {
        grantId = try input.field("grantId", input.readString)
        fundId = try input.field("fundId", input.readString)
        trancheNumber = try input.field("trancheNumber") { try input.readInteger(Int64.self) }
        paymentReference = try input.field("paymentReference", input.readString)
        invoiceReference = try input.field("invoiceReference", input.readString)
        line = try input.field("line") { try input.read(FundingLine.self) }
    }
}
