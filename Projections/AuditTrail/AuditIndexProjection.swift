import Commissioning
import LedgerStore

/// Whose history an event belongs to: the audit trail's index (DESIGN.md, "Audit trail").
///
/// Every event is indexed under the actor it is attributed to and under the entities it
/// concerns: its bid, grant, contract or agreement (whose ids are their streams), the fund and
/// the organisation that entity belongs to, or the fund, organisation or actor whose own stream
/// it is on. A grant's events are indexed under its bid too, so a bid's trail runs on to the
/// grant's end. It also keeps when each fund's rules took effect, for the trail's "rules" column.
public enum AuditIndexProjection: Projection {
    public static let name = "audit-index"
    public static let version: UInt32 = 2

    /// The event types whose payload the index reads; of every other event it needs only the envelope.
    static let payloadsRead: Set<String> = [
        BidSubmitted.eventType, GrantAwarded.eventType, ContractLet.eventType, FundEstablished.eventType, FundRulesAmended.eventType,
    ]

    public static func apply(_ recorded: RecordedEvent, to rows: ProjectionRows) throws {
        let envelope = recorded.envelope
        let event = payloadsRead.contains(envelope.eventType) ? try recorded.event : nil
        var subjects: Set<AuditSubject> = [.actor(envelope.actor.id)]
        if let event, let created = createdEntity(event) {
            try rows.set(created.entity, AuditKey.entity(created.id))
        }
        if let entity = try rows.get(AuditEntity.self, AuditKey.entity(envelope.streamId)) {
            subjects.formUnion(entity.subjects(id: envelope.streamId))
        }
        if case let .grantAwarded(e)? = event, let grant = try rows.get(AuditEntity.self, AuditKey.entity(e.grantId)) {
            subjects.formUnion(grant.subjects(id: e.grantId))
        }
        subjects.formUnion(AuditSubject.ownStream(envelope.streamId).map { [$0] } ?? [])
        // The key says it all: the row holds nothing.
        let sequence = RowKey.sequence(recorded.sequence)
        for subject in subjects { rows.setRow(AuditKey.event(subject, sequence), []) }

        switch event {
        case let .fundEstablished(e)?:
            try rows.set([RulesTaken(sequence: recorded.sequence, effectiveFrom: e.rules.effectiveFrom)], AuditKey.rules(e.fundId))
        case let .fundRulesAmended(e)?:
            try rows.modify(AuditKey.rules(e.fundId), initial: [RulesTaken]()) { $0.append(RulesTaken(sequence: recorded.sequence, effectiveFrom: e.rules.effectiveFrom)) }
        default: break
        }
    }

    /// The bid, grant, contract or agreement an event creates, and what it belongs to.
    static func createdEntity(_ event: CommissioningEvent) -> (id: String, entity: AuditEntity)? {
        switch event {
        case let .bidSubmitted(e): return (e.bidId, AuditEntity(kind: .bid, fundId: e.fundId, organisationId: e.organisationId, bidId: nil))
        case let .grantAwarded(e):
            return (e.grantId, AuditEntity(kind: .grant, fundId: e.fundId, organisationId: e.organisationId, bidId: e.bidId))
        case let .contractLet(e):
            let kind: AuditEntity.Kind = e.route == .procurement ? .contract : .agreement
            return (e.commitmentId, AuditEntity(kind: kind, fundId: e.fundId, organisationId: e.providerId, bidId: nil))
        default: return nil
        }
    }
}

/// When a version of a fund's rules took effect, and the event that set it.
struct RulesTaken: Codable, Equatable {
    var sequence: UInt64
    var effectiveFrom: CalendarDate
}

/// A bid, grant, contract or agreement, with the fund and organisation it belongs to.
struct AuditEntity: Codable, Equatable {
    enum Kind: String, Codable { case bid, grant, contract, agreement }
    var kind: Kind
    var fundId: String
    var organisationId: String
    /// The bid a grant was awarded on.
    var bidId: String?

    /// The subjects an event of this entity's stream is indexed under.
    func subjects(id: String) -> Set<AuditSubject> {
        var subjects: Set<AuditSubject> = [.entity(id), .fund(fundId), .organisation(organisationId)]
        if let bidId { subjects.insert(.entity(bidId)) }
        return subjects
    }
}

/// Whose history an audit trail shows.
public enum AuditSubject: Hashable, Sendable, CustomStringConvertible {
    /// A bid, grant, contract or agreement, by its id.
    case entity(String)
    case fund(String)
    case organisation(String)
    case actor(String)

    public var description: String {
        switch self {
        case let .entity(id): return id
        case let .fund(id): return "fund " + id
        case let .organisation(id): return "organisation " + id
        case let .actor(id): return "actor " + id
        }
    }

    var key: String {
        switch self {
        case let .entity(id): return "entity:" + id
        case let .fund(id): return "fund:" + id
        case let .organisation(id): return "org:" + id
        case let .actor(id): return "actor:" + id
        }
    }

    /// The fund, organisation or actor whose own stream `streamId` is.
    static func ownStream(_ streamId: String) -> AuditSubject? {
        for (prefix, subject) in [("fund-", fund), ("org-", organisation), ("actor-", actor)] as [(String, (String) -> AuditSubject)]
        where streamId.hasPrefix(prefix) {
            return subject(String(streamId.dropFirst(prefix.count)))
        }
        return nil
    }
}

enum AuditKey {
    static func entity(_ id: String) -> String { "entity/" + id }
    static func rules(_ fundId: String) -> String { "rules/" + fundId }
    static func events(_ subject: AuditSubject) -> String { "event/" + subject.key + "/" }
    static func event(_ subject: AuditSubject, _ sequence: String) -> String { events(subject) + sequence }
}
