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

extension RoundRow: BinaryReadable {
    public init(reading input: BinarySource) throws {
        roundId = try input.field("roundId", input.readString)
        fundId = try input.field("fundId", input.readString)
        closesOn = try input.field("closesOn") { try input.read(CalendarDate.self) }
        panelDate = try input.field("panelDate") { try input.read(CalendarDate.self) }
        sequence = try input.field("sequence") { try input.readInteger(UInt64.self) }
        effective = try input.field("effective") { try input.read(CalendarDate.self) }
    }
}

extension RoundRow: BinaryWritable {
    public func write(to sink: BinarySink) {
        sink.write(roundId)
        sink.write(fundId)
        sink.write(closesOn)
        sink.write(panelDate)
        sink.write(sequence)
        sink.write(effective)
    }
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

extension PanelBidRow: BinaryReadable {
    public init(reading input: BinarySource) throws {
        bidId = try input.field("bidId", input.readString)
        organisationId = try input.field("organisationId", input.readString)
        title = try input.field("title", input.readString)
        amountRequested = try input.field("amountRequested") { try input.read(Money.self) }
        sequence = try input.field("sequence") { try input.readInteger(UInt64.self) }
        effective = try input.field("effective") { try input.read(CalendarDate.self) }
    }
}

extension PanelBidRow: BinaryWritable {
    public func write(to sink: BinarySink) {
        sink.write(bidId)
        sink.write(organisationId)
        sink.write(title)
        sink.write(amountRequested)
        sink.write(sequence)
        sink.write(effective)
    }
}

/// One thing the panel or the decision maker did on a bid, from event `sequence` effective on `effective`.
public struct PanelFact: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
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

extension PanelFact: BinaryReadable {
    public init(reading input: BinarySource) throws {
        sequence = try input.field("sequence") { try input.readInteger(UInt64.self) }
        effective = try input.field("effective") { try input.read(CalendarDate.self) }
        kind = try input.field("kind") { try input.readRaw(Kind.self) }
        memberId = try input.field("memberId") { try input.readIfPresent(input.readString) }
        scores = try input.field("scores") { try input.readArray(of: CriterionScore.self) }
        fund = try input.field("fund", input.readBool)
        amount = try input.field("amount") { try input.readIfPresent({ try input.read(Money.self) }) }
        grantId = try input.field("grantId") { try input.readIfPresent(input.readString) }
        text = try input.field("text") { try input.readIfPresent(input.readString) }
    }
}

extension PanelFact: BinaryWritable {
    public func write(to sink: BinarySink) {
        sink.write(sequence)
        sink.write(effective)
        sink.write(kind)
        if let memberId = sink.presence(memberId) { sink.write(memberId) }
        sink.write(scores)
        sink.write(fund)
        if let amount = sink.presence(amount) { sink.write(amount) }
        if let grantId = sink.presence(grantId) { sink.write(grantId) }
        if let text = sink.presence(text) { sink.write(text) }
    }
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
