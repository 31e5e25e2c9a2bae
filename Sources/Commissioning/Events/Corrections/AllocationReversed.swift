/// An allocation reversed.
public struct AllocationReversed: EventPayload {
    public static let eventType = "AllocationReversed"
    public static let schemaVersion: UInt16 = 1

    public var allocationId: String
    public var fundId: String
    public var line: FundingLine
    public var reason: String

    public init(allocationId: String, fundId: String, line: FundingLine, reason: String) {
        self.allocationId = allocationId
        self.fundId = fundId
        self.line = line
        self.reason = reason
    }
}
