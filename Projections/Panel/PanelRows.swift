import Commissioning
import LedgerStore

/// A funding round as opened, from event `sequence` effective on `effective`.
public struct RoundRow: Codable, Sendable, Equatable {
    public var roundId: String
    public var fundId: String
    public var closesOn: CalendarDate
    public var panelDate: CalendarDate
    public var sequence: UInt64
    public var effective: CalendarDate
}

/// A bid of a round as submitted, from event `sequence` effective on `effective`.
public struct PanelBidRow: Codable, Sendable, Equatable {
    public var bidId: String
    public var organisationId: String
    public var title: String
    public var amountRequested: Money
    public var sequence: UInt64
    public var effective: CalendarDate
}

/// One thing the panel or the decision maker did on a bid, from event `sequence` effective on `effective`.
public struct PanelFact: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// `memberId` scored the bid `scores`.
        case scored
        /// `memberId` declared a conflict of interest; `text` is its nature.
        case conflictDeclared
        /// The panel recommended funding (`fund`, with `amount`) or declining; `text` is its rationale.
        case recommended
        /// Awarded `amount` as `grantId`.
        case awarded
        /// Declined; `text` is the reason.
        case declined
        /// Withdrawn by the applicant; `text` is the reason.
        case withdrawn
    }

    public var sequence: UInt64
    public var effective: CalendarDate
    public var kind: Kind
    public var memberId: String?
    public var scores: [CriterionScore]
    public var fund: Bool
    public var amount: Money?
    public var grantId: String?
    public var text: String?
}

/// The keys of the panel projection's rows.
enum PanelKey {
    static let roundPrefix = "round/"
    static func round(_ id: String) -> String { roundPrefix + id }
    /// The round a bid was submitted to.
    static func roundOfBid(_ bidId: String) -> String { "bid-round/" + bidId }
    /// Every bid of one round.
    static func bids(_ roundId: String) -> String { "bid/" + roundId + "/" }
    static func bid(_ roundId: String, _ bidId: String) -> String { bids(roundId) + bidId }
    /// The list of every fact of one bid of a round, in sequence order.
    static func facts(_ roundId: String, _ bidId: String) -> String { "fact/" + roundId + "/" + bidId + "/" }
}
