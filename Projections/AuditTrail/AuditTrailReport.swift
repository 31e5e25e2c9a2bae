import Commissioning
import Foundation
import LedgerStore

/// The `audit-trail` report: every event of one bid, grant, contract, agreement, fund,
/// organisation or actor, in order, with who recorded it and when, the rules in force, and its
/// hash, each checked against the chain.
public struct AuditTrailReport: Sendable, Equatable {
    /// One event of the trail.
    public struct Entry: Sendable, Equatable {
        public var sequence: UInt64
        public var recordedAt: LedgerInstant
        public var recordedBy: String
        public var effectiveDate: CalendarDate
        public var actor: ActorRef
        public var streamId: String
        public var eventType: String
        /// The event's facts, as JSON with sorted keys (money `7500.00`, dates `YYYY-MM-DD`).
        public var details: String
        /// The fund whose rules applied and the date that version of its rules took effect.
        public var rules: String?
        public var hash: EventHash
        /// The event's bytes still hash, with the previous event's hash, to its stored hash.
        public var hashHolds: Bool
    }

    public var subject: AuditSubject
    public var entries: [Entry]

    /// Whether every event shown is as it was appended.
    public var allHashesHold: Bool { entries.allSatisfy(\.hashHolds) }

    /// Whether the index knows `subject` (it has at least one event, at any time).
    public static func knows(_ subject: AuditSubject, _ rows: ProjectionRows) throws -> Bool {
        var found = false
        try rows.forEachRow(prefix: AuditKey.events(subject)) { _, _ in found = true }
        return found
    }

    /// Builds the trail of `subject` from the audit index and the events it names.
    /// - Complexity: O(k log n) for the k events of the subject.
    public static func build(_ rows: ProjectionRows, _ reader: LedgerReader, subject: AuditSubject, at point: PointInTime) throws -> AuditTrailReport {
        var sequences = try sequencesIndexed(under: subject, rows)
        // A grant's trail starts with the bid it was awarded on.
        if case let .entity(id) = subject, let entity = try rows.get(AuditEntity.self, AuditKey.entity(id)), let bidId = entity.bidId {
            sequences.formUnion(try sequencesIndexed(under: .entity(bidId), rows))
        }
        var entries: [Entry] = []
        var rulesOfFunds: [String: [RulesTaken]] = [:]
        for sequence in sequences.sorted() where sequence <= point.throughSequence {
            guard let envelope = try reader.event(at: sequence) else { continue }
            guard point.asOf.map({ envelope.effectiveDate <= $0 }) ?? true else { continue }
            let event = try CommissioningEvent(envelope)
            entries.append(
                Entry(
                    sequence: sequence, recordedAt: envelope.recordedAt, recordedBy: envelope.recordedBy, effectiveDate: envelope.effectiveDate,
                    actor: envelope.actor, streamId: envelope.streamId, eventType: envelope.eventType, details: try details(event),
                    rules: try rulesInForce(envelope, rows, &rulesOfFunds), hash: envelope.hash, hashHolds: try reader.chainLinkHolds(at: sequence) ?? false))
        }
        return AuditTrailReport(subject: subject, entries: entries)
    }

    private static func sequencesIndexed(under subject: AuditSubject, _ rows: ProjectionRows) throws -> Set<UInt64> {
        var found = Set<UInt64>()
        try rows.forEachRow(prefix: AuditKey.events(subject)) { key, postings in
            // A list of whole sequences, or a damaged row: never a trail that silently misses events.
            guard postings.count % 8 == 0 else { throw FactListError(key: key, offset: postings.count - postings.count % 8) }
            for start in stride(from: 0, to: postings.count, by: 8) {
                found.insert(postings[start..<start + 8].reduce(0) { $0 << 8 | UInt64($1) })
            }
        }
        return found
    }

    /// The fund rules in force for an event of a fund's entity, or on a fund's stream; each
    /// fund's versions are read once per trail, into `rulesOfFunds`.
    private static func rulesInForce(_ envelope: Envelope, _ rows: ProjectionRows, _ rulesOfFunds: inout [String: [RulesTaken]]) throws -> String? {
        let fundId: String
        if let entity = try rows.get(AuditEntity.self, AuditKey.entity(envelope.streamId)) {
            fundId = entity.fundId
        } else if case let .fund(id)? = AuditSubject.ownStream(envelope.streamId) {
            fundId = id
        } else {
            return nil
        }
        let taken: [RulesTaken]
        if let known = rulesOfFunds[fundId] {
            taken = known
        } else {
            let key = AuditKey.rules(fundId)
            taken = try rows.row(key).map { try RulesTaken.list(fromRow: $0, key: key) } ?? []
            rulesOfFunds[fundId] = taken
        }
        let inForce = taken.filter { $0.sequence <= envelope.sequence && $0.effectiveFrom <= envelope.effectiveDate }
            .max { ($0.effectiveFrom, $0.sequence) < ($1.effectiveFrom, $1.sequence) }
        return inForce.map { "\(fundId) rules from \($0.effectiveFrom)" }
    }

    /// An event's payload as one line of JSON with sorted keys, dates and money as people write them.
    static func details(_ event: CommissioningEvent) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.userInfo[.forPeople] = true
        return String(decoding: try encoder.encode(AnyPayload(event.payload)), as: UTF8.self)
    }
}

/// Encodes any payload through its own `Encodable` conformance.
private struct AnyPayload: Encodable {
    let payload: any EventPayload
    init(_ payload: any EventPayload) { self.payload = payload }
    func encode(to encoder: any Encoder) throws { try payload.encode(to: encoder) }
}
