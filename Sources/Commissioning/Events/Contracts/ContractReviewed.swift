/// A review of a contract or agreement.
public struct ContractReviewed: EventPayload {
    public static let eventType = "ContractReviewed"
    public static let schemaVersion: UInt16 = 1

    public var commitmentId: String
    public var period: String
    /// Each KPI's actual figure.
    public var kpiActuals: [KeyPerformanceIndicator]
    /// Service-user feedback, as aggregates only.
    public var feedbackResponses: Int64
    public var feedbackSatisfied: Int64
    public var victimsCodeCompliant: Bool
    public var rating: ReviewRating

    public init(
        commitmentId: String,
        period: String,
        kpiActuals: [KeyPerformanceIndicator],
        feedbackResponses: Int64,
        feedbackSatisfied: Int64,
        victimsCodeCompliant: Bool,
        rating: ReviewRating
    ) {
        self.commitmentId = commitmentId
        self.period = period
        self.kpiActuals = kpiActuals
        self.feedbackResponses = feedbackResponses
        self.feedbackSatisfied = feedbackSatisfied
        self.victimsCodeCompliant = victimsCodeCompliant
        self.rating = rating
    }
}

extension ContractReviewed: BinaryReadable {
    public init(reading input: BinarySource) throws {
        commitmentId = try input.field("commitmentId", input.readString)
        period = try input.field("period", input.readString)
        kpiActuals = try input.field("kpiActuals") { try input.readArray(of: KeyPerformanceIndicator.self) }
        feedbackResponses = try input.field("feedbackResponses") { try input.readInteger(Int64.self) }
        feedbackSatisfied = try input.field("feedbackSatisfied") { try input.readInteger(Int64.self) }
        victimsCodeCompliant = try input.field("victimsCodeCompliant", input.readBool)
        rating = try input.field("rating") { try input.readRaw(ReviewRating.self) }
    }
}
