/// A role taken away.
public struct RoleRevoked: EventPayload {
    public static let eventType = "RoleRevoked"
    public static let schemaVersion: UInt16 = 1

    public var actorId: String
    public var role: Role
    public var reason: String

    public init(actorId: String, role: Role, reason: String) {
        self.actorId = actorId
        self.role = role
        self.reason = reason
    }
}
