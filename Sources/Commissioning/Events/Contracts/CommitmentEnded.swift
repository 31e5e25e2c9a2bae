/// A contract or agreement ended.
public struct CommitmentEnded: EventPayload {
    public static let eventType = "CommitmentEnded"
    public static let schemaVersion: UInt16 = 1

    public var commitmentId: String
    public var reason: String

    public init(commitmentId: String, reason: String) {
        self.commitmentId = commitmentId
        self.reason = reason
    }
}
