import Commissioning
import LedgerStore

/// A fund, plan objective or area as the outcomes projection knows it: every definition of it,
/// with the event that made it, so a report names it as it was known at its point in time.
public struct ReferenceRow: Codable, Sendable, Equatable {
    public var code: String
    public var versions: [Version]

    /// One definition: its name or title, and for a sub-priority the objective it belongs to.
    public struct Version: Codable, Sendable, Equatable {
        public var sequence: UInt64
        public var name: String
        public var parentCode: String?
    }

    /// The latest definition recorded by `point`'s sequence, or nil when none was.
    public func version(at point: PointInTime) -> Version? {
        versions.last { $0.sequence <= point.throughSequence }
    }
}

/// What a grant's bid set out: what the grant is counted under and what it is measured by.
struct BidTermsRow: Codable, Sendable, Equatable {
    var objectives: [String]
    var areaCode: String
    var expectedOutcomes: [ExpectedOutcome]
    var plannedEnd: CalendarDate
}

extension BidTermsRow: BinaryReadable {
    public init(reading input: BinarySource) throws {
        objectives = try input.field("objectives", input.readStrings)
        areaCode = try input.field("areaCode", input.readString)
        expectedOutcomes = try input.field("expectedOutcomes") { try input.readArray(of: ExpectedOutcome.self) }
        plannedEnd = try input.field("plannedEnd") { try input.read(CalendarDate.self) }
    }
}

extension BidTermsRow: BinaryWritable {
    public func write(to sink: BinarySink) {
        sink.write(objectives)
        sink.write(areaCode)
        sink.write(expectedOutcomes)
        sink.write(plannedEnd)
    }
}

/// What kind of commitment a row is.
public enum CommitmentKind: String, Codable, Sendable, CaseIterable {
    /// A grant awarded on a bid.
    case grant
    /// A contract let by procurement.
    case contract
    /// A partnership agreement with a lead agency.
    case agreement
}

/// A grant, contract or agreement as it was made, from event `sequence` effective on `effective`.
public struct CommitmentRow: Codable, Sendable, Equatable {
    public var id: String
    public var kind: CommitmentKind
    public var fundId: String
    /// The bid's area for a grant; the provider's registered area, if any, for a contract or agreement.
    public var areaCode: String?
    public var objectives: [String]
    /// The bid's expected outcomes (a grant's only).
    public var expectedOutcomes: [ExpectedOutcome]
    /// The KPIs it was let with, each with its target (a contract's or agreement's only).
    public var kpis: [KeyPerformanceIndicator]
    public var amount: Money
    /// The bid's planned end (a grant's only).
    public var plannedEnd: CalendarDate?
    public var sequence: UInt64
    public var effective: CalendarDate
}

extension CommitmentRow: BinaryReadable {
    public init(reading input: BinarySource) throws {
        id = try input.field("id", input.readString)
        kind = try input.field("kind") { try input.readRaw(CommitmentKind.self) }
        fundId = try input.field("fundId", input.readString)
        areaCode = try input.field("areaCode") { try input.readIfPresent(input.readString) }
        objectives = try input.field("objectives", input.readStrings)
        expectedOutcomes = try input.field("expectedOutcomes") { try input.readArray(of: ExpectedOutcome.self) }
        kpis = try input.field("kpis") { try input.readArray(of: KeyPerformanceIndicator.self) }
        amount = try input.field("amount") { try input.read(Money.self) }
        plannedEnd = try input.field("plannedEnd") { try input.readIfPresent({ try input.read(CalendarDate.self) }) }
        sequence = try input.field("sequence") { try input.readInteger(UInt64.self) }
        effective = try input.field("effective") { try input.read(CalendarDate.self) }
    }
}

extension CommitmentRow: BinaryWritable {
    public func write(to sink: BinarySink) {
        sink.write(id)
        sink.write(kind)
        sink.write(fundId)
        if let areaCode = sink.presence(areaCode) { sink.write(areaCode) }
        sink.write(objectives)
        sink.write(expectedOutcomes)
        sink.write(kpis)
        sink.write(amount)
        if let plannedEnd = sink.presence(plannedEnd) { sink.write(plannedEnd) }
        sink.write(sequence)
        sink.write(effective)
    }
}

/// One later fact about a commitment, from event `sequence` effective on `effective`.
public struct CommitmentFact: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// The amount (and for a grant the planned end) changed to `amount` and `plannedEnd`.
        case varied
        /// `amount` paid (negative for a reversed payment).
        case paid
        /// A final report with `outcomes` and, in `learningShared`, whether it says how learning was shared.
        case reportReceived
        case reportReturned
        case reportAccepted
        /// `amount` of a grant's commitment released back to its fund.
        case released
        /// A review of a contract or agreement with, in `outcomes`, each KPI actual against its
        /// target, and its `rating`.
        case reviewed
    }

    public var sequence: UInt64
    public var effective: CalendarDate
    public var kind: Kind
    public var amount: Money?
    public var plannedEnd: CalendarDate?
    public var outcomes: [AchievedOutcome]
    public var learningShared: Bool
    public var rating: ReviewRating?
}

extension CommitmentFact: BinaryReadable {
    public init(reading input: BinarySource) throws {
        sequence = try input.field("sequence") { try input.readInteger(UInt64.self) }
        effective = try input.field("effective") { try input.read(CalendarDate.self) }
        kind = try input.field("kind") { try input.readRaw(Kind.self) }
        amount = try input.field("amount") { try input.readIfPresent({ try input.read(Money.self) }) }
        plannedEnd = try input.field("plannedEnd") { try input.readIfPresent({ try input.read(CalendarDate.self) }) }
        outcomes = try input.field("outcomes") { try input.readArray(of: AchievedOutcome.self) }
        learningShared = try input.field("learningShared", input.readBool)
        rating = try input.field("rating") { try input.readIfPresent({ try input.readRaw(ReviewRating.self) }) }
    }
}

extension CommitmentFact: BinaryWritable {
    public func write(to sink: BinarySink) {
        sink.write(sequence)
        sink.write(effective)
        sink.write(kind)
        if let amount = sink.presence(amount) { sink.write(amount) }
        if let plannedEnd = sink.presence(plannedEnd) { sink.write(plannedEnd) }
        sink.write(outcomes)
        sink.write(learningShared)
        if let rating = sink.presence(rating) { sink.write(rating) }
    }
}

/// The keys of the outcomes projection's rows.
enum OutcomeKey {
    static let fundPrefix = "fund/"
    static let objectivePrefix = "objective/"
    static let areaPrefix = "area/"
    static let commitmentPrefix = "commitment/"
    static func fund(_ id: String) -> String { fundPrefix + id }
    static func objective(_ code: String) -> String { objectivePrefix + code }
    static func area(_ code: String) -> String { areaPrefix + code }
    static func organisationArea(_ id: String) -> String { "org-area/" + id }
    static func bid(_ id: String) -> String { "bid/" + id }
    static func commitment(_ id: String) -> String { commitmentPrefix + id }
    /// The list of every later fact of one commitment, in sequence order.
    static func facts(_ id: String) -> String { "fact/" + id + "/" }
}
