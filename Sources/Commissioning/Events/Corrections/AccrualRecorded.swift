/// A year-end accrual: delivered, not yet paid. It reverses in the next year, on that year's
/// first day (``AccrualReversal``), against the payment that settles it.
public struct AccrualRecorded: EventPayload {
    public static let eventType = "AccrualRecorded"
    public static let schemaVersion: UInt16 = 1

    public var accrualId: String
    public var commitmentId: String
    public var fundId: String
    public var line: FundingLine
    public var description: String

    public init(accrualId: String, commitmentId: String, fundId: String, line: FundingLine, description: String) {
        self.accrualId = accrualId
        self.commitmentId = commitmentId
        self.fundId = fundId
        self.line = line
        self.description = description
    }
}
