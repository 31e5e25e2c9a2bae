/// A grant closed.
public struct GrantClosed: EventPayload {
    public static let eventType = "GrantClosed"
    public static let schemaVersion: UInt16 = 1

    public var grantId: String

    public init(grantId: String) {
        self.grantId = grantId
    }
}

extension GrantClosed: BinaryReadable {
    public init(reading input: BinarySource) throws {
        grantId = try input.field("grantId", input.readString)
    }
}
