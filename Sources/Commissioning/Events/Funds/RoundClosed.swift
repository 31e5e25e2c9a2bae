/// A funding round closed to new bids.
public struct RoundClosed: EventPayload {
    public static let eventType = "RoundClosed"
    public static let schemaVersion: UInt16 = 1

    public var fundId: String
    public var roundId: String

    public init(fundId: String, roundId: String) {
        self.fundId = fundId
        self.roundId = roundId
    }
}
