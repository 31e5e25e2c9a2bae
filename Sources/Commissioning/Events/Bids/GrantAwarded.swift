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

extension GrantAwarded: BinaryReadable {
    public init(reading input: BinarySource) throws {
        bidId = try input.field("bidId", input.readString)
        grantId = try input.field("grantId", input.readString)
        fundId = try input.field("fundId", input.readString)
        organisationId = try input.field("organisationId", input.readString)
        amount = try input.field("amount") { try input.read(Money.self) }
        tranches = try input.field("tranches") { try input.readArray(of: Tranche.self) }
        conditions = try input.field("conditions", input.readStrings)
        fundingLines = try input.field("fundingLines") { try input.readArray(of: FundingLine.self) }
        rulesInForceFrom = try input.field("rulesInForceFrom") { try input.read(CalendarDate.self) }
    }
}
