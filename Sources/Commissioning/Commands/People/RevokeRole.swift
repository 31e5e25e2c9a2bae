/// `role revoke`: a role taken away from today.
public struct RevokeRole: LedgerCommand {
    public static let spec = CommandSpec(
        name: "role revoke", summary: "Take a role away from a person from today.",
        role: .commissioningOfficer,
        fields: [
            FieldSpec("actor-id", .id, help: "the person"),
            FieldSpec("role", .choice(Role.allCases.map(\.rawValue)), help: "the role"),
            FieldSpec("reason", .text, help: "why"),
        ],
        example: [("actor-id", ["pcso-0031"]), ("role", ["endorsing-officer"]), ("reason", ["left the force"])])

    let payload: RoleRevoked

    public init(_ fields: CommandFields) throws {
        payload = RoleRevoked(actorId: try fields.id("actor-id"), role: try fields.choice("role", Role.self), reason: try fields.text("reason"))
    }

    public func decide(_ decision: Decision) throws -> String {
        try decision.requireNotBackDated(decision.on, what: "a role change")
        let actor = try decision.actor(payload.actorId)
        guard actor.holding(payload.role, on: decision.on) != nil else {
            throw CommissioningError.wrongState(
                kind: "actor", id: payload.actorId, state: "without the \(payload.role.rawValue) role", command: "lose it", fitting: "nothing to revoke")
        }
        try decision.emit(payload, to: StreamId.actor(payload.actorId))
        return "revoked the \(payload.role.rawValue) role of \(payload.actorId) from \(decision.on)"
    }
}
