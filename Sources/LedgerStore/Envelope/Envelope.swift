/// Who an event is attributed to: a person's id (never their name) and the role they acted in.
public struct ActorRef: Hashable, Sendable {
    public var id: String
    public var role: String

    public init(id: String, role: String) {
        self.id = id
        self.role = role
    }
}

/// An event as the ledger stores it: the fact, its place in the log and who recorded it when.
public struct Envelope: Hashable, Sendable {
    /// Position in the whole log, from 1, without gaps.
    public var sequence: UInt64
    /// The stream (entity) the event belongs to, such as `bid-0042` or `fund-community`.
    public var streamId: String
    /// Position in its stream, from 1, without gaps.
    public var streamVersion: UInt64
    public var eventType: String
    public var schemaVersion: UInt16
    /// When the ledger appended it, from the ledger's clock; never decreases along the log.
    public var recordedAt: LedgerInstant
    /// Who ran the program that appended it (the operating-system user).
    public var recordedBy: String
    /// The business date: a panel's date, a payment's value date.
    public var effectiveDate: CalendarDate
    public var actor: ActorRef
    public var correlationId: String?
    public var causationId: String?
    /// The idempotency key of the command that appended it.
    public var idempotencyKey: String?
    /// SHA-256 of the command's content, when it carried an idempotency key.
    public var commandDigest: EventHash?
    /// The event's own bytes, in the encoding its type and schema version define.
    public var payload: [UInt8]
    /// `h(sequence)` of the hash chain.
    public var hash: EventHash
}

/// An event a decision wants to append; the store fills in the rest of the envelope.
public struct NewEvent: Sendable {
    public var eventType: String
    public var schemaVersion: UInt16
    public var effectiveDate: CalendarDate
    public var actor: ActorRef
    public var correlationId: String?
    public var causationId: String?
    public var payload: [UInt8]

    public init(
        eventType: String, schemaVersion: UInt16, effectiveDate: CalendarDate, actor: ActorRef,
        correlationId: String? = nil, causationId: String? = nil, payload: [UInt8]
    ) {
        self.eventType = eventType
        self.schemaVersion = schemaVersion
        self.effectiveDate = effectiveDate
        self.actor = actor
        self.correlationId = correlationId
        self.causationId = causationId
        self.payload = payload
    }
}

/// The stream version a caller decided against (optimistic concurrency).
public enum ExpectedVersion: Sendable, Equatable {
    /// Append whatever the stream's version.
    case any
    /// The stream must not exist yet.
    case noStream
    /// The stream must be at exactly this version (0 = no events).
    case exactly(UInt64)
}
