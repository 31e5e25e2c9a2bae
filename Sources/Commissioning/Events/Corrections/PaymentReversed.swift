/// A payment reversed, with a reason and the event it reverses.
public struct PaymentReversed: EventPayload {
    public static let eventType = "PaymentReversed"
    public static let schemaVersion: UInt16 = 1

    public var paymentReference: String
    public var commitmentId: String
    public var fundId: String
    public var reversedSequence: UInt64
    /// The amounts reversed, by source, in the financial year of the reversal.
    public var lines: [FundingLine]
    public var reason: String

    public init(
        paymentReference: String,
        commitmentId: String,
        fundId: String,
        reversedSequence: UInt64,
        lines: [FundingLine],
        reason: String
    ) {
        self.paymentReference = paymentReference
        self.commitmentId = commitmentId
        self.fundId = fundId
        self.reversedSequence = reversedSequence
        self.lines = lines
        self.reason = reason
    }
}
