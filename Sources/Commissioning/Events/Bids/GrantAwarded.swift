import LedgerStore

/// A grant awarded on a bid: amount, tranches, conditions and the money it commits.
public struct GrantAwarded: EventPayload {
    public static let eventType = "GrantAwarded"
    public static let schemaVersion: UInt16 = 1

    public var bidId: String
    public var grantId: String
    public var fundId: String
    public var organisationId: String
    public var amount: Money
    public var tranches: [Tranche]
    public var conditions: [String]
    /// The commitment by financial year and source.
    public var fundingLines: [FundingLine]
    /// The fund rules the award was decided under.
    public var rulesInForceFrom: CalendarDate

    public init(
        bidId: String,
        grantId: String,
        fundId: String,
        organisationId: String,
        amount: Money,
        tranches: [Tranche],
        conditions: [String],
        fundingLines: [FundingLine],
        rulesInForceFrom: CalendarDate
    ) {
        self.bidId = bidId
        self.grantId = grantId
        self.fundId = fundId
        self.organisationId = organisationId
        self.amount = amount
        self.tranches = tranches
        self.conditions = conditions
        self.fundingLines = fundingLines
        self.rulesInForceFrom = rulesInForceFrom
    }
}
