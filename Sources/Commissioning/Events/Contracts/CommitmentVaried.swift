import LedgerStore

/// A contract or agreement varied or extended: value, end date and profile.
public struct CommitmentVaried: EventPayload {
    public static let eventType = "CommitmentVaried"
    public static let schemaVersion: UInt16 = 1

    public var commitmentId: String
    public var fundId: String
    public var value: Money
    public var end: CalendarDate
    public var profile: [FundingLine]
    /// An extension of the term rather than a variation.
    public var isExtension: Bool
    public var reason: String

    public init(
        commitmentId: String,
        fundId: String,
        value: Money,
        end: CalendarDate,
        profile: [FundingLine],
        isExtension: Bool,
        reason: String
    ) {
        self.commitmentId = commitmentId
        self.fundId = fundId
        self.value = value
        self.end = end
        self.profile = profile
        self.isExtension = isExtension
        self.reason = reason
    }
}
