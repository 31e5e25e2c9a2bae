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

extension EligibilityAssessed: BinaryReadable {
    public init(reading input: BinarySource) throws {
        bidId = try input.field("bidId", input.readString)
        eligible = try input.field("eligible", input.readBool)
        reason = try input.field("reason", input.readString)
    }
}
