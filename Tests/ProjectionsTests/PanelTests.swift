@testable import Commissioning
import Foundation
import LedgerStore
@testable import Projections
import Testing

/// The panel summary against the round's events read straight from the log of demo histories.
@Suite("Panel summary")
struct PanelTests {
    /// A round's bids as the log records them by `throughSequence`.
    struct RoundEvents {
        var bids: Set<String> = []
        var scores: [String: [String: [CriterionScore]]] = [:]
        var conflicts: [String: Set<String>] = [:]
        var recommended: [String: PanelRecommended] = [:]
        var decided: [String: String] = [:]
        var awarded: [String: Money] = [:]
    }

    static func roundEvents(_ reader: LedgerReader, through: UInt64) throws -> [String: RoundEvents] {
        var roundOfBid: [String: String] = [:]
        var rounds: [String: RoundEvents] = [:]
        try reader.forEachEvent(from: 1, through: through) { envelope in
            switch try CommissioningEvent(envelope) {
            case let .roundOpened(e): rounds[e.roundId] = RoundEvents()
            case let .bidSubmitted(e):
                guard let round = e.roundId else { return }
                roundOfBid[e.bidId] = round
                rounds[round]!.bids.insert(e.bidId)
            case let .bidScored(e): if let r = roundOfBid[e.bidId] { rounds[r]!.scores[e.bidId, default: [:]][e.memberId] = e.scores }
            case let .conflictDeclared(e): if let r = roundOfBid[e.bidId] { rounds[r]!.conflicts[e.bidId, default: []].insert(e.memberId) }
            case let .panelRecommended(e): if let r = roundOfBid[e.bidId] { rounds[r]!.recommended[e.bidId] = e }
            case let .grantAwarded(e):
                if let r = roundOfBid[e.bidId] {
                    rounds[r]!.decided[e.bidId] = "awarded"
                    rounds[r]!.awarded[e.bidId] = e.amount
                }
            case let .bidDeclined(e): if let r = roundOfBid[e.bidId] { rounds[r]!.decided[e.bidId] = "declined" }
            case let .bidWithdrawn(e): if let r = roundOfBid[e.bidId] { rounds[r]!.decided[e.bidId] = "withdrawn" }
            default: break
            }
        }
        return rounds
    }

    static func decision(_ d: PanelReport.Decision) -> String {
        switch d {
        case .pending: return "pending"
        case .awarded: return "awarded"
        case .declined: return "declined"
        case .withdrawn: return "withdrawn"
        }
    }

    /// Checks every round's report at `through` against the round's events.
    static func expectAgrees(_ rows: ProjectionRows, _ reader: LedgerReader, through: UInt64) throws {
        let events = try roundEvents(reader, through: through)
        #expect(try PanelReport.rounds(rows).count >= events.count)
        for (roundId, round) in events {
            let report = try #require(try PanelReport.build(rows, roundId: roundId, at: PointInTime(throughSequence: through)))
            #expect(Set(report.bids.map(\.bid.bidId)) == round.bids, "\(roundId): bids")
            for bid in report.bids {
                let id = bid.bid.bidId
                let scored = bid.members.filter { $0.total != nil }
                #expect(Dictionary(uniqueKeysWithValues: scored.map { ($0.memberId, $0.scores) }) == round.scores[id] ?? [:], "\(id): scores")
                for member in scored { #expect(member.total == member.scores.map(\.score).reduce(0, +)) }
                let conflicted = bid.members.filter { $0.conflict != nil }
                #expect(Set(conflicted.map(\.memberId)) == round.conflicts[id] ?? [], "\(id): conflicts")
                #expect(conflicted.allSatisfy { $0.total == nil }, "\(id): a member with a conflict has a score")
                #expect(bid.recommendation?.fund == round.recommended[id]?.fund && bid.recommendation?.amount == round.recommended[id]?.amount)
                #expect(decision(bid.decision) == round.decided[id] ?? "pending", "\(id): decision")
                if case let .awarded(_, amount) = bid.decision { #expect(amount == round.awarded[id]) }
                // Rank: one more than the bids of the round with a strictly higher average.
                func average(_ scores: [String: [CriterionScore]]?) -> Double? {
                    guard let scores, !scores.isEmpty else { return nil }
                    return Double(scores.values.map { $0.map(\.score).reduce(0, +) }.reduce(0, +)) / Double(scores.count)
                }
                let mine = average(round.scores[id])
                let higher = round.bids.filter { other in mine.map { m in average(round.scores[other]).map { $0 > m } ?? false } ?? false }
                #expect(bid.rank == mine.map { _ in higher.count + 1 }, "\(id): rank")
            }
            let ranks = report.bids.compactMap(\.rank)
            #expect(ranks == ranks.sorted() && ranks.first.map { $0 == 1 } ?? true)
        }
    }

    @Test("every round's scores, conflicts, recommendations, decisions and ranking agree with its events", arguments: [UInt64(1), 77])
    func agreesWithEvents(seed: UInt64) throws {
        let (store, directory) = try ProjectionFixtures.demoLedger(seed: seed)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try ProjectionRunner(store: store, saves: true).catchUp(PanelProjection.self)
        try ProjectionRunner(store: store, saves: true).read(PanelProjection.self) { rows, reader, _ in
            try Self.expectAgrees(rows, reader, through: try reader.head()!.sequence)
        }
        #expect(store.openTransactionCount == 0)
    }

    @Test("a score recorded after the point a report is known at is absent from it, and present from its own sequence")
    func scoreKnownLater() throws {
        let (store, directory) = try ProjectionFixtures.demoLedger(seed: 2017)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try ProjectionRunner(store: store, saves: false).read(PanelProjection.self) { rows, reader, _ in
            var lastScore: (sequence: UInt64, BidScored)?
            try reader.forEachEvent { e in
                if case let .bidScored(s) = try CommissioningEvent(e), e.sequence < 3_000 { lastScore = (e.sequence, s) }
            }
            let (sequence, score) = try #require(lastScore)
            let roundId = try #require(try rows.get(String.self, PanelKey.roundOfBid(score.bidId)))
            func member(through: UInt64) throws -> PanelReport.Member? {
                let report = try PanelReport.build(rows, roundId: roundId, at: PointInTime(throughSequence: through))!
                return report.bids.first { $0.bid.bidId == score.bidId }?.members.first { $0.memberId == score.memberId }
            }
            #expect(try member(through: sequence - 1) == nil)
            #expect(try member(through: sequence)?.scores == score.scores)
            try Self.expectAgrees(rows, reader, through: sequence - 1)
        }
        #expect(store.openTransactionCount == 0)
    }

    @Test("equal averages share a rank and the next rank skips; unscored bids are unranked and last")
    func ranking() {
        func bid(_ id: String, _ totals: [Int64]) -> PanelReport.Bid {
            let row = PanelBidRow(bidId: id, organisationId: "org", title: id, amountRequested: .zero, sequence: 1, effective: CalendarDate(year: 2018, month: 1, day: 1)!)
            return .init(bid: row, members: totals.enumerated().map { .init(memberId: "m\($0)", total: $1) }, decision: .pending)
        }
        let ranked = PanelReport.ranked([bid("a", [10, 11]), bid("b", [14]), bid("c", []), bid("d", [21, 21, 21].map { $0 / 3 * 2 }), bid("e", [14, 14])])
        #expect(ranked.map(\.bid.bidId) == ["b", "d", "e", "a", "c"])
        #expect(ranked.map(\.rank) == [1, 1, 1, 4, nil])
        #expect(ranked.map(\.average) == ["14.00", "14.00", "14.00", "10.50", nil])
        #expect(bid("f", [14, 15, 15]).average == "14.67")
    }
}
