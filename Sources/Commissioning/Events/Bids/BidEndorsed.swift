/// A police officer or PCSO of the bid's area supports it.
public struct BidEndorsed: EventPayload {
    public static let eventType = "BidEndorsed"
    public static let schemaVersion: UInt16 = 1

    public var bidId: String
    public var officerId: String
    public var rank: String
    public var areaCode: String

    public init(bidId: String, officerId: String, rank: String, areaCode: String) {
        self.bidId = bidId
        self.officerId = officerId
        self.rank = rank
        self.areaCode = areaCode
    }
}

extension BidEndorsed: BinaryReadable {
    public init(reading input: BinarySource) throws {
        bidId = try input.field("bidId", input.readString)
        officerId = try input.field("officerId", input.readString)
        rank = try input.field("rank", input.readString)
        areaCode = try input.field("areaCode", input.readString)
    }
}
