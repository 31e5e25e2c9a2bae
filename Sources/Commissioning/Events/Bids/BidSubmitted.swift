import LedgerStore

/// A bid for a grant.
public struct BidSubmitted: EventPayload {
    public static let eventType = "BidSubmitted"
    public static let schemaVersion: UInt16 = 1

    public var bidId: String
    public var fundId: String
    public var roundId: String?
    public var organisationId: String
    public var title: String
    public var description: String
    public var areaCode: String
    public var amountRequested: Money
    public var plannedStart: CalendarDate
    public var plannedEnd: CalendarDate
    public var objectives: [String]
    public var expectedOutcomes: [ExpectedOutcome]
    /// Benefits in kind: volunteer hours.
    public var volunteerHours: Int64
    /// Benefits in kind: other fund raising.
    public var matchFunding: Money

    public init(
        bidId: String,
        fundId: String,
        roundId: String? = nil,
        organisationId: String,
        title: String,
        description: String,
        areaCode: String,
        amountRequested: Money,
        plannedStart: CalendarDate,
        plannedEnd: CalendarDate,
        objectives: [String],
        expectedOutcomes: [ExpectedOutcome],
        volunteerHours: Int64,
        matchFunding: Money
    ) {
        self.bidId = bidId
        self.fundId = fundId
        self.roundId = roundId
        self.organisationId = organisationId
        self.title = title
        self.description = description
        self.areaCode = areaCode
        self.amountRequested = amountRequested
        self.plannedStart = plannedStart
        self.plannedEnd = plannedEnd
        self.objectives = objectives
        self.expectedOutcomes = expectedOutcomes
        self.volunteerHours = volunteerHours
        self.matchFunding = matchFunding
    }
}

extension BidSubmitted: BinaryReadable {
    public init(reading input: BinarySource) throws {
        bidId = try input.field("bidId", input.readString)
        fundId = try input.field("fundId", input.readString)
        roundId = try input.field("roundId") { try input.readIfPresent(input.readString) }
        organisationId = try input.field("organisationId", input.readString)
        title = try input.field("title", input.readString)
        description = try input.field("description", input.readString)
        areaCode = try input.field("areaCode", input.readString)
        amountRequested = try input.field("amountRequested") { try input.read(Money.self) }
        plannedStart = try input.field("plannedStart") { try input.read(CalendarDate.self) }
        plannedEnd = try input.field("plannedEnd") { try input.read(CalendarDate.self) }
        objectives = try input.field("objectives", input.readStrings)
        expectedOutcomes = try input.field("expectedOutcomes") { try input.readArray(of: ExpectedOutcome.self) }
        volunteerHours = try input.field("volunteerHours") { try input.readInteger(Int64.self) }
        matchFunding = try input.field("matchFunding") { try input.read(Money.self) }
    }
}
