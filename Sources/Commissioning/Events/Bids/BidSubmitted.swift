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
