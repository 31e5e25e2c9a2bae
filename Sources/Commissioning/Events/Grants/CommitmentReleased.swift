/// An unpaid balance that will not be paid goes back to the fund.
public struct CommitmentReleased: EventPayload {
    public static let eventType = "CommitmentReleased"
    public static let schemaVersion: UInt16 = 1

    public var commitmentId: String
    public var fundId: String
    public var line: FundingLine
    public var reason: String

    public init(commitmentId: String, fundId: String, line: FundingLine, reason: String) {
        self.commitmentId = commitmentId
        self.fundId = fundId
        self.line = line
        self.reason = reason
    }
}
