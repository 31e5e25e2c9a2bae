/// An accrual reversed before its year closed.
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
