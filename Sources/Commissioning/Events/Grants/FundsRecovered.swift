/// Cash clawed back from a grantee.
public struct FundsRecovered: EventPayload {
    public static let eventType = "FundsRecovered"
    public static let schemaVersion: UInt16 = 1

    public var grantId: String
    public var fundId: String
    public var line: FundingLine
    public var reference: String
    public var reason: String

    public init(grantId: String, fundId: String, line: FundingLine, reference: String, reason: String) {
        self.grantId = grantId
        self.fundId = fundId
        self.line = line
        self.reference = reference
        self.reason = reason
    }
}
