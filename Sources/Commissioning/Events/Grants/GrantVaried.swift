import LedgerStore

/// A grant's amount, schedule or dates changed, with a reason.
public struct GrantVaried: EventPayload {
    public static let eventType = "GrantVaried"
    public static let schemaVersion: UInt16 = 1

    public var grantId: String
    public var fundId: String
    public var amount: Money
    public var tranches: [Tranche]
    public var plannedEnd: CalendarDate
    /// The commitment after the variation.
    public var fundingLines: [FundingLine]
    public var reason: String

    public init(
        grantId: String,
        fundId: String,
        amount: Money,
        tranches: [Tranche],
        plannedEnd: CalendarDate,
        fundingLines: [FundingLine],
        reason: String
    ) {
        self.grantId = grantId
        self.fundId = fundId
        self.amount = amount
        self.tranches = tranches
        self.plannedEnd = plannedEnd
        self.fundingLines = fundingLines
        self.reason = reason
    }
}
