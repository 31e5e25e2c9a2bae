import Commissioning
import LedgerStore

/// The panel summary's read model (DESIGN.md, "Projections and reports"): each funding round
/// with its bids, and every score, conflict, recommendation and decision on them, each with
/// the event and effective date it came from. Bids submitted outside a round are not kept.
public enum PanelProjection: Projection {
    public static let name = "panel"
    public static let version: UInt32 = 2

    public static func apply(_ recorded: RecordedEvent, to rows: OverlayRows) throws {
        func fact(_ bidId: String, _ kind: PanelFact.Kind, member: String? = nil, scores: [CriterionScore] = [], fund: Bool = false,
                  amount: Money? = nil, grantId: String? = nil, text: String? = nil) throws {
            let fact = PanelFact(
                sequence: recorded.sequence, effective: recorded.effectiveDate, kind: kind, memberId: member, scores: scores, fund: fund,
                amount: amount, grantId: grantId, text: text)
            try rows.pending(PanelFactLists.self).append(fact, ofBid: bidId) { try rows.get(String.self, PanelKey.roundOfBid(bidId)) }
        }
        switch try recorded.event {
        case let .roundOpened(e):
            let round = RoundRow(
                roundId: e.roundId, fundId: e.fundId, closesOn: e.closesOn, panelDate: e.panelDate, sequence: recorded.sequence,
                effective: recorded.effectiveDate)
            try rows.set(round, PanelKey.round(e.roundId))
        case let .bidSubmitted(e):
            guard let roundId = e.roundId else { return }
            try rows.set(roundId, PanelKey.roundOfBid(e.bidId))
            let bid = PanelBidRow(
                bidId: e.bidId, organisationId: e.organisationId, title: e.title, amountRequested: e.amountRequested,
                sequence: recorded.sequence, effective: recorded.effectiveDate)
            try rows.set(bid, PanelKey.bid(roundId, e.bidId))
        case let .bidScored(e): try fact(e.bidId, .scored, member: e.memberId, scores: e.scores)
        case let .conflictDeclared(e): try fact(e.bidId, .conflictDeclared, member: e.memberId, text: e.nature)
        case let .panelRecommended(e): try fact(e.bidId, .recommended, fund: e.fund, amount: e.amount, text: e.rationale)
        case let .grantAwarded(e): try fact(e.bidId, .awarded, amount: e.amount, grantId: e.grantId)
        case let .bidDeclined(e): try fact(e.bidId, .declined, text: e.reason)
        case let .bidWithdrawn(e): try fact(e.bidId, .withdrawn, text: e.reason)
        default: break
        }
    }
}

/// The facts a batch adds to each bid's list, kept by bid and appended to the rows once per list
/// when the rows are read or saved: a fact then costs one lookup of its bid, not the building
/// and hashing of two keys (the bid's round, and its list's).
final class PanelFactLists: PendingRows {
    /// Each bid's list key (nil for a bid outside any round, whose facts are not kept) and the
    /// records its facts add, in the order they came.
    @exclusivity(unchecked) private var lists: [String: (key: String?, records: [UInt8])] = [:]

    init() {}

    /// Adds `fact` to the list of `bidId`, whose round `round` finds the first time the batch meets the bid.
    func append(_ fact: PanelFact, ofBid bidId: String, round: () throws -> String?) rethrows {
        if lists[bidId] == nil { lists[bidId] = (try round().map { PanelKey.facts($0, bidId) }, []) }
        guard lists[bidId]!.key != nil else { return }
        BinarySink.appendRecord(fact, to: &lists[bidId]!.records)
    }

    func write(to rows: OverlayRows) throws {
        for case let (key?, records) in lists.values where !records.isEmpty {
            try records.withUnsafeBytes { try rows.appendToRow(key, $0) }
        }
    }
}
