/// Whether a bid is eligible for its fund.
public struct EligibilityAssessed: EventPayload {
    public static let eventType = "EligibilityAssessed"
    public static let schemaVersion: UInt16 = 1

    public var bidId: String
    public var eligible: Bool
    public var reason: String

    public init(bidId: String, eligible: Bool, reason: String) {
        self.bidId = bidId
        self.eligible = eligible
        self.reason = reason
    }
}
