import Commissioning
import LedgerStore

/// The `panel` report (the panel summary): one round's bids with each panel member's scores per
/// criterion, the conflicts declared, the ranking by average score, the panel's recommendation
/// and the decision taken, at a point in time.
public struct PanelReport: Sendable, Equatable {
    /// One panel member on one bid: their scores, or the conflict that kept them from scoring.
    public struct Member: Sendable, Equatable {
        public var memberId: String
        public var scores: [CriterionScore] = []
        /// The sum of the scores; nil when the member did not score the bid.
        public var total: Int64?
        /// The nature of the conflict of interest the member declared.
        public var conflict: String?
    }

    /// What the panel recommended.
    public struct Recommendation: Sendable, Equatable {
        public var fund: Bool
        public var amount: Money?
        public var rationale: String
    }

    /// The decision taken on a bid.
    public enum Decision: Sendable, Equatable {
        case pending
        case awarded(grantId: String, amount: Money)
        case declined(reason: String)
        case withdrawn(reason: String)
    }

    /// One bid of the round.
    public struct Bid: Sendable, Equatable {
        public var bid: PanelBidRow
        /// The members who scored the bid or declared a conflict, in id order.
        public var members: [Member]
        /// The position by average score (1 is highest; equal averages share a position); nil when no one scored it.
        public var rank: Int?
        public var recommendation: Recommendation?
        public var decision: Decision

        /// The totals of the members who scored.
        public var totals: [Int64] { members.compactMap(\.total) }

        /// The average of the members' totals to two decimals, rounded half up (`14.67`); nil when no one scored.
        public var average: String? {
            let totals = totals
            guard !totals.isEmpty else { return nil }
            let count = Int64(totals.count)
            let hundredths = (totals.reduce(0, +) * 200 + count) / (2 * count)
            let cents = String(hundredths % 100)
            return "\(hundredths / 100)." + (cents.count == 1 ? "0" + cents : cents)
        }
    }

    public var round: RoundRow
    /// Every criterion scored in the round, in the order first scored.
    public var criteria: [String]
    /// Ranked bids first, best first, then the unscored, each group in bid order.
    public var bids: [Bid]

    /// Every round the ledger has opened, in id order.
    public static func rounds(_ rows: ProjectionRows) throws -> [RoundRow] {
        try rows.rows(RoundRow.self, prefix: PanelKey.roundPrefix)
    }

    /// Builds the summary of round `roundId` at `point`; nil when the ledger has no such round.
    /// - Complexity: O(b + f) for the b bids of the round and the f facts about them.
    public static func build(_ rows: ProjectionRows, roundId: String, at point: PointInTime) throws -> PanelReport? {
        guard let round = try rows.get(RoundRow.self, PanelKey.round(roundId)) else { return nil }
        var criteria: [String] = []
        var bids: [Bid] = []
        for row in try rows.rows(PanelBidRow.self, prefix: PanelKey.bids(roundId))
        where point.counts(sequence: row.sequence, effective: row.effective) {
            var bid = Bid(bid: row, members: [], decision: .pending)
            var members: [String: Member] = [:]
            for fact in try rows.facts(PanelFact.self, prefix: PanelKey.facts(roundId, row.bidId))
            where point.counts(sequence: fact.sequence, effective: fact.effective) {
                switch fact.kind {
                case .scored:
                    let id = fact.memberId!
                    members[id, default: Member(memberId: id)].scores = fact.scores
                    members[id]!.total = fact.scores.reduce(0) { $0 + $1.score }
                    for score in fact.scores where !criteria.contains(score.criterion) { criteria.append(score.criterion) }
                case .conflictDeclared:
                    let id = fact.memberId!
                    members[id, default: Member(memberId: id)].conflict = fact.text
                case .recommended: bid.recommendation = Recommendation(fund: fact.fund, amount: fact.amount, rationale: fact.text ?? "")
                case .awarded: bid.decision = .awarded(grantId: fact.grantId!, amount: fact.amount!)
                case .declined: bid.decision = .declined(reason: fact.text ?? "")
                case .withdrawn: bid.decision = .withdrawn(reason: fact.text ?? "")
                }
            }
            bid.members = members.values.sorted { $0.memberId < $1.memberId }
            bids.append(bid)
        }
        return PanelReport(round: round, criteria: criteria, bids: ranked(bids))
    }

    /// `bids` with their ranks, best average first; equal averages share a rank (1, 2, 2, 4).
    static func ranked(_ bids: [Bid]) -> [Bid] {
        /// Whether `a`'s average is above `b`'s, compared exactly: sum(a)·n(b) > sum(b)·n(a).
        func above(_ a: Bid, _ b: Bid) -> Bool {
            a.totals.reduce(0, +) * Int64(b.totals.count) > b.totals.reduce(0, +) * Int64(a.totals.count)
        }
        var scored = bids.filter { !$0.totals.isEmpty }.sorted { above($0, $1) || (!above($1, $0) && $0.bid.bidId < $1.bid.bidId) }
        for index in scored.indices {
            scored[index].rank = index > 0 && !above(scored[index - 1], scored[index]) ? scored[index - 1].rank : index + 1
        }
        return scored + bids.filter { $0.totals.isEmpty }
    }
}
