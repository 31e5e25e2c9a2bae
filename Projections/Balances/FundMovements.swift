import Commissioning
import LedgerStore

/// One movement of one fund's money.
public struct FundMovement: Sendable, Equatable {
    public var fundId: String
    public var movement: Movement
}

/// The movements of money an event makes: the one derivation of money that the balances and
/// the victims' grant projections both fold, so their figures cannot drift apart.
enum FundMovements {
    /// The movements of `recorded` of the funds `including` accepts, in the order they are
    /// keyed. The current lines of those funds' commitments are kept in `rows` (under
    /// ``BalanceKey/commitment(_:)``), so that a variation takes back the old lines before adding
    /// the new ones: every event that moves money names its fund, which a commitment keeps for
    /// its life, so a fold of some funds keeps the lines of their commitments only.
    /// - Complexity: O(l) for the l funding lines the event and the commitment it varies name.
    static func of(
        _ recorded: RecordedEvent, rows: OverlayRows, including: (_ fundId: String) throws -> Bool = { _ in true }
    ) throws -> [FundMovement] {
        var found: [FundMovement] = []
        func move(
            _ fundId: String, _ commitmentId: String?, _ line: FundingLine, _ measure: BalanceMeasure, sign: Int64 = 1,
            effective: CalendarDate? = nil
        ) throws {
            guard try including(fundId) else { return }
            let movement = Movement(
                sequence: recorded.sequence, effective: effective ?? recorded.effectiveDate, financialYear: line.financialYear,
                source: line.source, measure: measure, amount: sign == 1 ? line.amount : -line.amount, commitmentId: commitmentId)
            found.append(FundMovement(fundId: fundId, movement: movement))
        }
        /// An accrual's legs: its year from its date, and its reversal in the next year.
        func accrue(_ fundId: String, _ commitmentId: String, _ line: FundingLine, sign: Int64) throws {
            for leg in AccrualReversal.legs(of: line, on: recorded.effectiveDate, sign: sign) {
                try move(fundId, commitmentId, leg.line, .accrued, effective: leg.effective)
            }
        }
        func commit(_ id: String, _ fundId: String, _ lines: [FundingLine]) throws {
            guard try including(fundId) else { return }
            let before = try rows.get(CommitmentLinesRow.self, BalanceKey.commitment(id))?.lines ?? []
            for line in before { try move(fundId, id, line, .committed, sign: -1) }
            for line in lines { try move(fundId, id, line, .committed) }
            try rows.set(CommitmentLinesRow(fundId: fundId, lines: lines), BalanceKey.commitment(id))
        }
        switch try recorded.event {
        case let .allocationRecorded(e): try move(e.fundId, nil, e.line, .allocated)
        case let .allocationReversed(e): try move(e.fundId, nil, e.line, .allocated, sign: -1)
        case let .grantAwarded(e): try commit(e.grantId, e.fundId, e.fundingLines)
        case let .grantVaried(e): try commit(e.grantId, e.fundId, e.fundingLines)
        case let .contractLet(e): try commit(e.commitmentId, e.fundId, e.profile)
        case let .commitmentVaried(e): try commit(e.commitmentId, e.fundId, e.profile)
        case let .tranchePaid(e): try move(e.fundId, e.grantId, e.line, .paid)
        case let .commitmentPaymentRecorded(e): for line in e.lines { try move(e.fundId, e.commitmentId, line, .paid) }
        case let .paymentReversed(e): for line in e.lines { try move(e.fundId, e.commitmentId, line, .paid, sign: -1) }
        case let .commitmentReleased(e): try move(e.fundId, e.commitmentId, e.line, .released)
        case let .fundsRecovered(e): try move(e.fundId, e.grantId, e.line, .recovered)
        case let .accrualRecorded(e): try accrue(e.fundId, e.commitmentId, e.line, sign: 1)
        case let .accrualReversed(e): try accrue(e.fundId, e.commitmentId, e.line, sign: -1)
        default: break
        }
        return found
    }
}
