import Commissioning
import LedgerStore

/// Whose history an event belongs to: the audit trail's index (DESIGN.md, "Audit trail").
///
/// Every event is indexed under the actor it is attributed to and under the entities it
/// concerns: its bid, grant, contract or agreement (whose ids are their streams), the fund and
/// the organisation that entity belongs to, or the fund, organisation or actor whose own stream
/// it is on. A grant's events are indexed under its bid too, so a bid's trail runs on to the
/// grant's end. It also keeps when each fund's rules took effect, for the trail's "rules" column.
///
/// A subject's events are kept as posting lists: one row per subject and block of
/// ``RowKey/blockSequences`` sequences, holding the block's sequences of that subject as
/// u64 big-endian, ascending. A batch keeps each list's new sequences by subject and block
/// (``AuditPostings``) and appends them to the row once, rather than adding a row per event.
public enum AuditIndexProjection: Projection {
    public static let name = "audit-index"
    public static let version: UInt32 = 3

    /// The event types whose payload the index reads; of every other event it needs only the envelope.
    static let payloadsRead: Set<String> = [
        BidSubmitted.eventType, GrantAwarded.eventType, ContractLet.eventType, FundEstablished.eventType, FundRulesAmended.eventType,
    ]

    public static func apply(_ recorded: RecordedEvent, to rows: OverlayRows) throws {
        // The envelope's fields are read in place: a copy of it would retain each of its strings.
        let event = payloadsRead.contains(recorded.envelope.eventType) ? try recorded.event : nil
        let postings = rows.pending(AuditPostings.self)
        if let event, let created = createdEntity(event) {
            try rows.set(created.entity, AuditKey.entity(created.id))
            postings.forgetSubjects(ofStream: created.id)
        }
        var grantSubjects: [AuditSubject] = []
        if case let .grantAwarded(e)? = event, let grant = try rows.get(AuditEntity.self, AuditKey.entity(e.grantId)) {
            grant.addSubjects(id: e.grantId, to: &grantSubjects)
        }
        let streamId = recorded.envelope.streamId
        try postings.add(recorded.sequence, actor: recorded.envelope.actor.id, stream: streamId, more: grantSubjects) {
            try streamSubjects(streamId, rows)
        }

        switch event {
        case let .fundEstablished(e)?:
            try rows.set([RulesTaken(sequence: recorded.sequence, effectiveFrom: e.rules.effectiveFrom)], AuditKey.rules(e.fundId))
        case let .fundRulesAmended(e)?:
            try rows.modify(AuditKey.rules(e.fundId), initial: [RulesTaken]()) { $0.append(RulesTaken(sequence: recorded.sequence, effectiveFrom: e.rules.effectiveFrom)) }
        default: break
        }
    }

    /// The subjects every event of `streamId` is indexed under besides its actor: those of the
    /// entity whose stream it is, or the fund, organisation or actor whose own stream it is.
    static func streamSubjects(_ streamId: String, _ rows: OverlayRows) throws -> [AuditSubject] {
        var subjects: [AuditSubject] = []
        if let entity = try rows.get(AuditEntity.self, AuditKey.entity(streamId)) { entity.addSubjects(id: streamId, to: &subjects) }
        if let own = AuditSubject.ownStream(streamId) { own.add(to: &subjects) }
        return subjects
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

/// The sequences a batch adds to the posting lists, by subject and block, appended to the rows
/// once per list when the rows are read or saved. An event is indexed under four subjects or
/// so, and a subject's events in a batch mostly share a block: so a row key is built and
/// hashed once per subject and block of a batch, rather than once per subject of every event.
/// The lists each stream's and each actor's events go to are kept too, found once per block:
/// an event then costs a lookup of its stream and one of its actor, and an append to each list.
///
/// Its state is unchecked for overlapping access at run time: it is reached for every event,
/// and only its own methods touch it. The one call out in the middle of an access (finding a
/// stream's subjects, while its postings are open) reads the rows, never the postings.
final class AuditPostings: PendingRows {
    /// Subjects by number, in the order first met.
    @exclusivity(unchecked) private var subjects: [AuditSubject] = []
    @exclusivity(unchecked) private var subjectNumbers: [AuditSubject: Int] = [:]
    /// Each list's sequences as its row holds them (u64 big-endian, ascending), by list number,
    /// and whose list and of which block each is.
    @exclusivity(unchecked) private var lists: [(list: List, sequences: [UInt8])] = []
    @exclusivity(unchecked) private var listNumbers: [List: Int] = [:]
    @exclusivity(unchecked) private var streams: [String: Posting] = [:]
    @exclusivity(unchecked) private var actors: [String: Posting] = [:]

    private struct List: Hashable {
        var subject: Int
        var block: UInt64
    }

    /// The subjects the events of a stream, or of an actor, are indexed under, and the numbers
    /// of their lists for the block of the last such event.
    private struct Posting {
        var subjects: [Int]
        var block: UInt64
        var lists: [Int]
    }

    init() {}

    /// Adds `sequence` to the lists of `actor`, of the subjects of `stream` (found by
    /// `subjectsOfStream` the first time the batch meets the stream) and of `more`: once to
    /// each list however often its subject is named.
    func add(
        _ sequence: UInt64, actor: String, stream: String, more: [AuditSubject], subjectsOfStream: () throws -> [AuditSubject]
    ) rethrows {
        let block = RowKey.blockNumber(of: sequence)
        let actorList = lists(&actors, actor, block) { [.actor(actor)] }[0]
        let streamLists = try lists(&streams, stream, block, subjectsOfStream)
        withUnsafeBytes(of: sequence.bigEndian) { bytes in
            lists[actorList].sequences.append(contentsOf: bytes)
            for list in streamLists where list != actorList { lists[list].sequences.append(contentsOf: bytes) }
            for subject in more {
                let list = listNumber(List(subject: number(subject), block: block))
                if list != actorList, !streamLists.contains(list) { lists[list].sequences.append(contentsOf: bytes) }
            }
        }
    }

    /// Forgets the subjects found for `streamId`: its entity has just been recorded.
    func forgetSubjects(ofStream streamId: String) { streams[streamId] = nil }

    /// The lists of `id`'s posting in `postings` for `block`: its subjects found by `find` the
    /// first time, its lists found again when the block is not the last one's.
    private func lists(
        _ postings: inout [String: Posting], _ id: String, _ block: UInt64, _ find: () throws -> [AuditSubject]
    ) rethrows -> [Int] {
        guard let index = postings.index(forKey: id) else {
            let subjects = try find().map(number)
            let lists = subjects.map { listNumber(List(subject: $0, block: block)) }
            postings[id] = Posting(subjects: subjects, block: block, lists: lists)
            return lists
        }
        if postings.values[index].block != block {
            postings.values[index].block = block
            postings.values[index].lists = postings.values[index].subjects.map { listNumber(List(subject: $0, block: block)) }
        }
        return postings.values[index].lists
    }

    private func number(_ subject: AuditSubject) -> Int {
        if let number = subjectNumbers[subject] { return number }
        subjectNumbers[subject] = subjects.count
        subjects.append(subject)
        return subjects.count - 1
    }

    private func listNumber(_ list: List) -> Int {
        if let number = listNumbers[list] { return number }
        listNumbers[list] = lists.count
        lists.append((list, []))
        return lists.count - 1
    }

    func write(to rows: OverlayRows) throws {
        for (list, sequences) in lists {
            let key = AuditKey.postings(subjects[list.subject], RowKey.block(number: list.block))
            try sequences.withUnsafeBytes { try rows.appendToRow(key, $0) }
        }
    }
}

/// When a version of a fund's rules took effect, and the event that set it.
struct RulesTaken: Codable, Equatable {
    var sequence: UInt64
    var effectiveFrom: CalendarDate

    /// Bytes of one version in a row: its sequence (u64) and its day (i32), big-endian.
    static let storedBytes = 12

    /// A fund's versions from its row, as ``BinaryEncoder`` writes `[RulesTaken]` (a u32 count,
    /// then ``storedBytes`` per version), read without `Codable`: an audit trail reads the list
    /// of every fund it meets, and a fund amended hundreds of times would otherwise cost a
    /// keyed container per version for each trail asked for.
    /// - Throws: ``FactListError`` when the row is not a whole list.
    static func list(fromRow row: [UInt8], key: String) throws -> [RulesTaken] {
        guard row.count >= 4 else { throw FactListError(key: key, offset: 0) }
        let count = row[..<4].reduce(0) { $0 << 8 | Int($1) }
        guard row.count == 4 + count * storedBytes else { throw FactListError(key: key, offset: min(row.count, 4 + count * storedBytes)) }
        return (0..<count).map { index in
            let start = 4 + index * storedBytes
            let days = row[start + 8..<start + 12].reduce(0) { $0 << 8 | UInt32($1) }
            return RulesTaken(
                sequence: row[start..<start + 8].reduce(0) { $0 << 8 | UInt64($1) },
                effectiveFrom: CalendarDate(daysSinceEpoch: Int32(bitPattern: days)))
        }
    }
}

/// A bid, grant, contract or agreement, with the fund and organisation it belongs to.
struct AuditEntity: Codable, Equatable {
    enum Kind: String, Codable, CaseIterable { case bid, grant, contract, agreement }
    var kind: Kind
    var fundId: String
    var organisationId: String
    /// The bid a grant was awarded on.
    var bidId: String?

    /// Adds the subjects an event of this entity's stream is indexed under.
    func addSubjects(id: String, to subjects: inout [AuditSubject]) {
        AuditSubject.entity(id).add(to: &subjects)
        AuditSubject.fund(fundId).add(to: &subjects)
        AuditSubject.organisation(organisationId).add(to: &subjects)
        if let bidId { AuditSubject.entity(bidId).add(to: &subjects) }
    }
}

extension AuditEntity: BinaryReadable {
    public init(reading input: BinarySource) throws {
        kind = try input.field("kind") { try input.readRaw(Kind.self) }
        fundId = try input.field("fundId", input.readString)
        organisationId = try input.field("organisationId", input.readString)
        bidId = try input.field("bidId") { try input.readIfPresent(input.readString) }
    }
}

extension AuditEntity: BinaryWritable {
    public func write(to sink: BinarySink) {
        sink.write(kind)
        sink.write(fundId)
        sink.write(organisationId)
        if let bidId = sink.presence(bidId) { sink.write(bidId) }
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

    /// The subject's part of a row key: its kind with a colon, and its id.
    var keyParts: (kind: String, id: String) {
        switch self {
        case let .entity(id): return ("entity:", id)
        case let .fund(id): return ("fund:", id)
        case let .organisation(id): return ("org:", id)
        case let .actor(id): return ("actor:", id)
        }
    }

    /// Adds this subject to `subjects` unless it is there: an event is indexed once under each.
    func add(to subjects: inout [AuditSubject]) {
        if !subjects.contains(self) { subjects.append(self) }
    }

    /// The fund, organisation or actor whose own stream `streamId` is.
    static func ownStream(_ streamId: String) -> AuditSubject? {
        if streamId.hasPrefix("fund-") { return .fund(String(streamId.dropFirst(5))) }
        if streamId.hasPrefix("org-") { return .organisation(String(streamId.dropFirst(4))) }
        if streamId.hasPrefix("actor-") { return .actor(String(streamId.dropFirst(6))) }
        return nil
    }
}

enum AuditKey {
    static func entity(_ id: String) -> String { "entity/" + id }
    static func rules(_ fundId: String) -> String { "rules/" + fundId }
    /// The prefix of every posting-list row of `subject`.
    static func events(_ subject: AuditSubject) -> String { postings(subject, "") }
    /// The posting-list row of `subject` for `block`: `event/`, the subject's kind and id, a slash
    /// and the block, built in one string, for most events build several.
    static func postings(_ subject: AuditSubject, _ block: String) -> String {
        let (kind, id) = subject.keyParts
        var key = String()
        key.reserveCapacity(7 + kind.utf8.count + id.utf8.count + block.utf8.count)
        key += "event/"
        key += kind
        key += id
        key += "/"
        key += block
        return key
    }
}
