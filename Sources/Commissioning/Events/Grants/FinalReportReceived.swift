/// The final report: outcomes achieved against expected, evidence, learning shared.
public struct FinalReportReceived: EventPayload {
    public static let eventType = "FinalReportReceived"
    public static let schemaVersion: UInt16 = 1

    public var grantId: String
    public var outcomes: [AchievedOutcome]
    public var evidence: String
    public var learningShared: String

    public init(grantId: String, outcomes: [AchievedOutcome], evidence: String, learningShared: String) {
        self.grantId = grantId
        self.outcomes = outcomes
        self.evidence = evidence
        self.learningShared = learningShared
    }
}

extension FinalReportReceived: BinaryReadable {
    public init(reading input: BinarySource) throws {
        grantId = try input.field("grantId", input.readString)
        outcomes = try input.field("outcomes") { try input.readArray(of: AchievedOutcome.self) }
        evidence = try input.field("evidence", input.readString)
        learningShared = try input.field("learningShared", input.readString)
    }
}
