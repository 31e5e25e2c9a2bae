/// An accrual reversed in error before its year closed: it takes back the accrual and its
/// reversal in the next year (``AccrualReversal``).
public struct AccrualReversed: EventPayload {
    public static let eventType = "AccrualReversed"
    public static let schemaVersion: UInt16 = 1

    public var accrualId: String
    public var commitmentId: String
    public var fundId: String
    public var line: FundingLine
    public var reason: String

    public init(accrualId: String, commitmentId: String, fundId: String, line: FundingLine, reason: String) {
        self.accrualId = accrualId
        self.commitmentId = commitmentId
        self.fundId = fundId
        self.line = line
        self.reason = reason
    }
}
