/// A panel member's scores of a bid, per criterion (0-5).
public struct BidScored: EventPayload {
    public static let eventType = "BidScored"
    public static let schemaVersion: UInt16 = 1

    public var bidId: String
    public var memberId: String
    public var scores: [CriterionScore]

    public init(bidId: String, memberId: String, scores: [CriterionScore]) {
        self.bidId = bidId
        self.memberId = memberId
        self.scores = scores
    }
}

extension BidScored: BinaryReadable {
    public init(reading input: BinarySource) throws {
        bidId = try input.field("bidId", input.readString)
        memberId = try input.field("memberId", input.readString)
        scores = try input.field("scores") { try input.readArray(of: CriterionScore.self) }
    }
}
