import LedgerStore

/// A funding round with its panel date.
public struct RoundOpened: EventPayload {
    public static let eventType = "RoundOpened"
    public static let schemaVersion: UInt16 = 1

    public var fundId: String
    public var roundId: String
    /// Bids are accepted until this day.
    public var closesOn: CalendarDate
    public var panelDate: CalendarDate

    public init(fundId: String, roundId: String, closesOn: CalendarDate, panelDate: CalendarDate) {
        self.fundId = fundId
        self.roundId = roundId
        self.closesOn = closesOn
        self.panelDate = panelDate
    }
}
