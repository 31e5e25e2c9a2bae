/// A bid withdrawn by its applicant.
public struct BidWithdrawn: EventPayload {
    public static let eventType = "BidWithdrawn"
    public static let schemaVersion: UInt16 = 1

    public var bidId: String
    public var reason: String

    public init(bidId: String, reason: String) {
        self.bidId = bidId
        self.reason = reason
    }
}

extension BidWithdrawn: BinaryReadable {
    public init(reading input: BinarySource) throws {
        bidId = try input.field("bidId", input.readString)
        reason = try input.field("reason", input.readString)
    }
}
