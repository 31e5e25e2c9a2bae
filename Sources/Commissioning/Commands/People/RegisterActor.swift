/// `actor register`: a person who acts in the ledger, by id only. Names and contact details
/// stay outside the hash chain (DESIGN.md: personal data never enters the chain).
public struct RegisterActor: LedgerCommand {
    public static let spec = CommandSpec(
        name: "actor register", summary: "Register a person who acts in the ledger, by id (no name or contact details).",
        role: .commissioningOfficer,
        fields: [FieldSpec("id", .id, help: "the person's id, such as officer-0012")],
        example: [("id", ["officer-0012"])])

    let actorId: String

    public init(_ fields: CommandFields) throws { actorId = try fields.id("id") }

    public func decide(_ decision: Decision) throws -> String {
        if try decision.state.get(ActorState.self, StateKey.actor(actorId)) != nil {
            throw CommissioningError.duplicate(kind: "actor", id: actorId)
        }
        try decision.emit(ActorRegistered(actorId: actorId), to: StreamId.actor(actorId))
        return "registered actor \(actorId)"
    }
}
