/// Money allocated to a fund for a financial year: the MoJ grant, property proceeds, OPCC budget.
public struct AllocationRecorded: EventPayload {
    public static let eventType = "AllocationRecorded"
    public static let schemaVersion: UInt16 = 1

    public var fundId: String
    public var allocationId: String
    public var line: FundingLine
    public var reference: String

    public init(fundId: String, allocationId: String, line: FundingLine, reference: String) {
        self.fundId = fundId
        self.allocationId = allocationId
        self.line = line
        self.reference = reference
    }
}
