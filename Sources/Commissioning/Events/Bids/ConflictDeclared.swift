/// A panel member declares a conflict of interest in a bid.
public struct ConflictDeclared: EventPayload {
    public static let eventType = "ConflictDeclared"
    public static let schemaVersion: UInt16 = 1

    public var bidId: String
    public var memberId: String
    public var nature: String

    public init(bidId: String, memberId: String, nature: String) {
        self.bidId = bidId
        self.memberId = memberId
        self.nature = nature
    }
}

extension ConflictDeclared: BinaryReadable {
    public init(reading input: BinarySource) throws {
        bidId = try input.field("bidId", input.readString)
        memberId = try input.field("memberId", input.readString)
        nature = try input.field("nature", input.readString)
    }
}
