/// The final report returned for more work.
public struct FinalReportReturned: EventPayload {
    public static let eventType = "FinalReportReturned"
    public static let schemaVersion: UInt16 = 1

    public var grantId: String
    public var reason: String

    public init(grantId: String, reason: String) {
        self.grantId = grantId
        self.reason = reason
    }
}

extension FinalReportReturned: BinaryReadable {
    public init(reading input: BinarySource) throws {
        grantId = try input.field("grantId", input.readString)
        reason = try input.field("reason", input.readString)
    }
}
