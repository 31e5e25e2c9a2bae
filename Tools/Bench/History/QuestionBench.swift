import DemoHistory
import Commissioning
import Foundation
import LedgerStore
import Projections

/// Two fixed-size questions answered at random points in time: one fund's balances for one
/// year, and one bid's audit trail, each with `--as-of` and `--known-at` as a report asks them.
enum QuestionBench {
    struct Result {
        var fundYearMilliseconds: [Double] = []
        var auditTrailMilliseconds: [Double] = []
    }

    static let funds = ["property", "community", "innovation", "victims", "partnership"]

    static func measure(_ ledger: String, questions: Int, seed: UInt64) throws -> Result {
        let store = try LedgerStore(path: ledger, options: CommissioningLedger.storeOptions())
        let runner = ProjectionRunner(store: store, saves: true)
        for projection in allProjections { try runner.catchUp(projection) }
        let bids = try bidIds(store)
        var random = SplitMix64(seed: seed)
        var result = Result()
        for _ in 0..<questions {
            let (asOf, knownAt) = try randomPoint(store, &random)
            let fund = funds[Int(random.next() % UInt64(funds.count))]
            let bid = bids[Int(random.next() % UInt64(bids.count))]
            result.fundYearMilliseconds.append(
                try milliseconds {
                    _ = try runner.read(FundBalancesProjection.self) { rows, reader, _ in
                        let point = PointInTime(throughSequence: try reader.lastSequence(knownAt: knownAt), asOf: asOf)
                        return try FundBalancesReport.build(rows, at: point, fundId: fund, year: FinancialYear(containing: asOf))
                    }
                })
            result.auditTrailMilliseconds.append(
                try milliseconds {
                    _ = try runner.read(AuditIndexProjection.self) { rows, reader, _ in
                        let point = PointInTime(throughSequence: try reader.lastSequence(knownAt: knownAt), asOf: asOf)
                        return try AuditTrailReport.build(rows, reader, subject: .entity(bid), at: point)
                    }
                })
        }
        return result
    }

    /// A random event's effective date and recorded time: a point inside the history.
    static func randomPoint(_ store: LedgerStore, _ random: inout SplitMix64) throws -> (CalendarDate, LedgerInstant) {
        try store.read { reader in
            let head = try reader.head()!.sequence
            let event = try reader.event(at: 1 + random.next() % head)!
            return (event.effectiveDate, event.recordedAt)
        }
    }

    /// Every bid of the history, found once before the questions are timed.
    static func bidIds(_ store: LedgerStore) throws -> [String] {
        var ids: [String] = []
        try store.read { reader in
            try reader.forEachEvent { envelope in
                if envelope.eventType == BidSubmitted.eventType { ids.append(envelope.streamId) }
            }
        }
        return ids
    }

    static func milliseconds(_ body: () throws -> Void) rethrows -> Double { try secondsTaken(body) * 1000 }
}
