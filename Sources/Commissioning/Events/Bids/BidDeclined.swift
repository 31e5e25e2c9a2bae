/// A bid declined.
public struct BidDeclined: EventPayload {
    public static let eventType = "BidDeclined"
    public static let schemaVersion: UInt16 = 1

    public var bidId: String
    public var reason: String

    public init(bidId: String, reason: String) {
        self.bidId = bidId
        self.reason = reason
    }
}

extension BidDeclined: BinaryReadable {
    public init(reading input: BinarySource) throws {
        bidId = try input.field("bidId", input.readString)
        reason = try input.field("reason", input.readString)
    }
}
