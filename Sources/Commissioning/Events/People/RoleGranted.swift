/// A role granted to a person from a date (never back-dated).
public struct RoleGranted: EventPayload {
    public static let eventType = "RoleGranted"
    public static let schemaVersion: UInt16 = 1

    public var actorId: String
    public var role: Role
    /// An endorsing officer's rank (police officer of any rank, or PCSO).
    public var rank: String?
    /// An endorsing officer's area.
    public var areaCode: String?
    public var reason: String

    public init(actorId: String, role: Role, rank: String? = nil, areaCode: String? = nil, reason: String) {
        self.actorId = actorId
        self.role = role
        self.rank = rank
        self.areaCode = areaCode
        self.reason = reason
    }
}
