import LedgerStore

/// A contract let by procurement, or a partnership agreement with a lead agency.
public struct ContractLet: EventPayload {
    public static let eventType = "ContractLet"
    public static let schemaVersion: UInt16 = 1

    public var commitmentId: String
    public var fundId: String
    public var providerId: String
    public var service: String
    public var route: CommissioningRoute
    public var value: Money
    public var start: CalendarDate
    public var end: CalendarDate
    public var objectives: [String]
    /// A service for victims (meets the Victims' Code).
    public var victimsService: Bool
    public var kpis: [KeyPerformanceIndicator]
    /// The value by financial year and funding source.
    public var profile: [FundingLine]

    public init(
        commitmentId: String,
        fundId: String,
        providerId: String,
        service: String,
        route: CommissioningRoute,
        value: Money,
        start: CalendarDate,
        end: CalendarDate,
        objectives: [String],
        victimsService: Bool,
        kpis: [KeyPerformanceIndicator],
        profile: [FundingLine]
    ) {
        self.commitmentId = commitmentId
        self.fundId = fundId
        self.providerId = providerId
        self.service = service
        self.route = route
        self.value = value
        self.start = start
        self.end = end
        self.objectives = objectives
        self.victimsService = victimsService
        self.kpis = kpis
        self.profile = profile
    }
}
