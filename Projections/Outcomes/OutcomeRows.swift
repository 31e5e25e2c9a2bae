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

/// One later fact about a commitment, from event `sequence` effective on `effective`.
public struct CommitmentFact: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
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
