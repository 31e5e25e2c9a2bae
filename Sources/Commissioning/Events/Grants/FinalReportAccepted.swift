/// The final report accepted: the held-back balance may be paid.
public struct FinalReportAccepted: EventPayload {
    public static let eventType = "FinalReportAccepted"
    public static let schemaVersion: UInt16 = 1

    public var grantId: String

    public init(grantId: String) {
        self.grantId = grantId
    }
}

extension FinalReportAccepted: BinaryReadable {
    public init(reading input: BinarySource) throws {
        grantId = try input.field("grantId", input.readString)
    }
}
