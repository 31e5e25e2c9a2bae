/// `role grant`: a role for a person from today (never back-dated). The first commissioning
/// officer may be granted by anyone; after that only commissioning officers grant roles.
public struct GrantRole: LedgerCommand {
    public static let spec = CommandSpec(
        name: "role grant", summary: "Grant a person a role from today (never back-dated).",
        role: .commissioningOfficer,
        fields: [
            FieldSpec("actor-id", .id, help: "the person"),
            FieldSpec("role", .choice(Role.allCases.map(\.rawValue)), help: "the role"),
            FieldSpec("rank", .text, required: false, help: "an endorsing officer's rank: a police officer of any rank, or PCSO"),
            FieldSpec("area", .area, required: false, help: "an endorsing officer's local area"),
            FieldSpec("reason", .text, required: false, help: "why"),
        ],
        example: [("actor-id", ["pcso-0031"]), ("role", ["endorsing-officer"]), ("rank", ["PCSO"]), ("area", ["E07000026"])])

    let payload: RoleGranted

    public init(_ fields: CommandFields) throws {
        payload = RoleGranted(
            actorId: try fields.id("actor-id"), role: try fields.choice("role", Role.self), rank: try fields.optionalText("rank"),
            areaCode: try fields.optionalText("area"), reason: try fields.optionalText("reason") ?? "")
        if payload.role == .endorsingOfficer && (payload.rank == nil || payload.areaCode == nil) {
            throw CommissioningError.field(name: payload.rank == nil ? "rank" : "area", problem: "is required for an endorsing officer: give the officer's rank (or PCSO) and local area")
        }
    }

    public func decide(_ decision: Decision) throws -> String {
        try decision.requireNotBackDated(decision.on, what: "a role grant")
        let actor = try decision.actor(payload.actorId)
        try decision.requireNotBefore(actor.lastEffective, of: "actor \(payload.actorId)")
        if let area = payload.areaCode { try decision.requireArea(area, validOn: decision.on) }
        if actor.holding(payload.role, on: decision.on) != nil {
            throw CommissioningError.duplicate(kind: "role \(payload.role.rawValue) of", id: payload.actorId)
        }
        let bootstrapped = try decision.state.get(Bool.self, StateKey.rolesBootstrapped) == true
        if !bootstrapped && payload.role != .commissioningOfficer {
            throw CommissioningError.notPermitted(
                actor: decision.actorId, needs: "a commissioning officer: grant the first commissioning-officer role before any other", command: Self.spec.name)
        }
        try decision.emit(payload, to: StreamId.actor(payload.actorId))
        return "granted \(payload.actorId) the \(payload.role.rawValue) role from \(decision.on)"
    }
}
