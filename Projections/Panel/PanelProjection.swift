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
            // Kept by bid: the list's key, and whether the bid is in a round at all, are found once a batch.
            try rows.pending(PendingLists<String>.self).append(fact, to: bidId) { bidId in
                try rows.get(String.self, PanelKey.roundOfBid(bidId)).map { PanelKey.facts($0, bidId) }
            }
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

