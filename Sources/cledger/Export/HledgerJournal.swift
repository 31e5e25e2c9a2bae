import Commissioning
import LedgerStore
import Projections

/// Every fund's money as an hledger journal (docs/hledger.md): one transaction per event that
/// moves money, dated on its effective date, each movement posted to its fund's account and
/// balanced by its counter-account.
///
/// Chart of accounts:
/// - `funds:FUND:YEAR:SOURCE:MEASURE` — the movement as the `balances` report counts it
///   (MEASURE is allocated, committed, released, paid, recovered or accrued);
/// - `sources:SOURCE:FUND:YEAR` — the counter-account of an allocation: where it came from;
/// - `commitments:ID:YEAR:SOURCE:MEASURE` — the counter-account of every other movement: the
///   grant, contract or agreement it belongs to.
enum HledgerJournal {
    /// The account a movement is posted to: `hledger balance` on it gives the balances figure.
    static func fundAccount(_ fundId: String, _ m: Movement) -> String {
        "funds:\(fundId):\(m.financialYear):\(m.source.rawValue):\(m.measure.rawValue)"
    }

    /// The account that balances a movement: the negation of it is posted there.
    static func counterAccount(_ fundId: String, _ m: Movement) -> String {
        guard let commitmentId = m.commitmentId else { return "sources:\(m.source.rawValue):\(fundId):\(m.financialYear)" }
        return "commitments:\(commitmentId):\(m.financialYear):\(m.source.rawValue):\(m.measure.rawValue)"
    }

    /// `£1234.56`, `£-25.00`: the pound sign as hledger's commodity, two decimals, no separators.
    static func amount(_ money: Money) -> String { "£" + money.plain }

    /// The journal of `movements` (in event order), after `header` as comment lines; `event`
    /// gives the envelope of a sequence, for the description and the recorded time. An event's
    /// movements make one transaction per date they take effect: an accrual's reversal in the
    /// next year is a transaction of its own, dated on that year's first day.
    static func render(_ movements: [FundMovement], header: [String], event: (UInt64) throws -> Envelope?) throws -> String {
        var out = header.map { "; " + $0 }
        out += ["; Chart of accounts: docs/hledger.md.", "commodity £1000.00", ""]
        var start = movements.startIndex
        while start < movements.endIndex {
            let (sequence, effective) = (movements[start].movement.sequence, movements[start].movement.effective)
            let end = movements[start...].firstIndex { $0.movement.sequence != sequence || $0.movement.effective != effective } ?? movements.endIndex
            guard let envelope = try event(sequence) else {
                preconditionFailure("balances projection: a movement of event \(sequence), which the ledger does not hold")
            }
            let leg = effective == envelope.effectiveDate ? "" : " (its next-year leg, of \(envelope.effectiveDate))"
            out.append("\(effective) (\(sequence)) \(envelope.eventType)\(leg) \(envelope.streamId)  ; recorded:\(envelope.recordedAt)")
            for found in movements[start..<end] {
                let m = found.movement
                out.append(posting(fundAccount(found.fundId, m), m.amount))
                out.append(posting(counterAccount(found.fundId, m), -m.amount))
            }
            out.append("")
            start = end
        }
        return out.joined(separator: "\n")
    }

    /// One posting line, the amount right-aligned after the account.
    private static func posting(_ account: String, _ money: Money) -> String {
        let text = amount(money)
        return "    " + account + String(repeating: " ", count: max(2, postingWidth - account.count - text.count)) + text
    }

    /// Characters from an account's start to its amount's end, in an aligned posting.
    private static let postingWidth = 72
}
