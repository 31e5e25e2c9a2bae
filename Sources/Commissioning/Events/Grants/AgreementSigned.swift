/// The grant agreement signed by the grantee.
public struct AgreementSigned: EventPayload {
    public static let eventType = "AgreementSigned"
    public static let schemaVersion: UInt16 = 1

    public var grantId: String

    public init(grantId: String) {
        self.grantId = grantId
    }
}

extension AgreementSigned: BinaryReadable {
    public init(reading input: BinarySource) throws {
        grantId = try input.field("grantId", input.readString)
    }
}
