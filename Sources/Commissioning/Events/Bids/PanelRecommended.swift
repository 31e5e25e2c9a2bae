/// The panel's recommendation on a bid.
public struct PanelRecommended: EventPayload {
    public static let eventType = "PanelRecommended"
    public static let schemaVersion: UInt16 = 1

    public var bidId: String
    public var roundId: String?
    /// Recommended for funding (else for decline).
    public var fund: Bool
    public var amount: Money?
    public var rationale: String

    public init(bidId: String, roundId: String? = nil, fund: Bool, amount: Money? = nil, rationale: String) {
        self.bidId = bidId
        self.roundId = roundId
        self.fund = fund
        self.amount = amount
        self.rationale = rationale
    }
}

extension PanelRecommended: BinaryReadable {
    public init(reading input: BinarySource) throws {
        bidId = try input.field("bidId", input.readString)
        roundId = try input.field("roundId") { try input.readIfPresent(input.readString) }
        fund = try input.field("fund", input.readBool)
        amount = try input.field("amount") { try input.readIfPresent({ try input.read(Money.self) }) }
        rationale = try input.field("rationale", input.readString)
    }
}
