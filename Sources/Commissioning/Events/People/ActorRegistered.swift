/// A person who acts in the ledger, by id only: names and contact details stay outside the chain.
public struct ActorRegistered: EventPayload {
    public static let eventType = "ActorRegistered"
    public static let schemaVersion: UInt16 = 1

    public var actorId: String

    public init(actorId: String) {
        self.actorId = actorId
    }
}
