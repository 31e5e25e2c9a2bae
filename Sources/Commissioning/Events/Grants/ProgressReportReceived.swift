/// A progress report on a grant.
public struct ProgressReportReceived: EventPayload {
    public static let eventType = "ProgressReportReceived"
    public static let schemaVersion: UInt16 = 1

    public var grantId: String
    public var summary: String

    public init(grantId: String, summary: String) {
        self.grantId = grantId
        self.summary = summary
    }
}

extension ProgressReportReceived: BinaryReadable {
    public init(reading input: BinarySource) throws {
        grantId = try input.field("grantId", input.readString)
        summary = try input.field("summary", input.readString)
    }
}
