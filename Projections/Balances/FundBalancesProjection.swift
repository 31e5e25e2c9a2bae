import Commissioning
import LedgerStore

/// Fund balances (DESIGN.md, "Projections and reports"): every movement of every fund's money
/// by financial year and funding source, with the event and effective date it came from, so
/// that a balance can be summed as of any date and as known at any sequence.
public enum FundBalancesProjection: Projection {
    public static let name = "balances"
    public static let version: UInt32 = 1

    public static func apply(_ recorded: RecordedEvent, to rows: ProjectionRows) throws {
        var index = 0
        func move(_ fundId: String, _ line: FundingLine, _ measure: BalanceMeasure, sign: Int64 = 1) throws {
            let movement = Movement(
                sequence: recorded.sequence, effective: recorded.effectiveDate, financialYear: line.financialYear, source: line.source,
                measure: measure, amount: sign == 1 ? line.amount : -line.amount)
            try rows.set(movement, BalanceKey.movement(fundId, movement, index: index))
            index += 1
        }
        func commit(_ id: String, _ fundId: String, _ lines: [FundingLine]) throws {
            let before = try rows.get(CommitmentLinesRow.self, BalanceKey.commitment(id))?.lines ?? []
            for line in before { try move(fundId, line, .committed, sign: -1) }
            for line in lines { try move(fundId, line, .committed) }
            try rows.set(CommitmentLinesRow(fundId: fundId, lines: lines), BalanceKey.commitment(id))
        }
        switch recorded.event {
        case let .fundEstablished(e):
            let version = FundRow.RulesVersion(sequence: recorded.sequence, rules: e.rules)
            try rows.set(FundRow(fundId: e.fundId, name: e.name, kind: e.kind, rules: [version]), BalanceKey.fund(e.fundId))
        case let .fundRulesAmended(e):
            try rows.modify(BalanceKey.fund(e.fundId), initial: FundRow(fundId: e.fundId, name: e.fundId, kind: .community, rules: [])) {
                $0.rules.append(.init(sequence: recorded.sequence, rules: e.rules))
            }
        case let .allocationRecorded(e): try move(e.fundId, e.line, .allocated)
        case let .allocationReversed(e): try move(e.fundId, e.line, .allocated, sign: -1)
        case let .grantAwarded(e): try commit(e.grantId, e.fundId, e.fundingLines)
        case let .grantVaried(e): try commit(e.grantId, e.fundId, e.fundingLines)
        case let .contractLet(e): try commit(e.commitmentId, e.fundId, e.profile)
        case let .commitmentVaried(e): try commit(e.commitmentId, e.fundId, e.profile)
        case let .tranchePaid(e): try move(e.fundId, e.line, .paid)
        case let .commitmentPaymentRecorded(e): for line in e.lines { try move(e.fundId, line, .paid) }
        case let .paymentReversed(e): for line in e.lines { try move(e.fundId, line, .paid, sign: -1) }
        case let .commitmentReleased(e): try move(e.fundId, e.line, .released)
        case let .fundsRecovered(e): try move(e.fundId, e.line, .recovered)
        case let .accrualRecorded(e): try move(e.fundId, e.line, .accrued)
        case let .accrualReversed(e): try move(e.fundId, e.line, .accrued, sign: -1)
        default: break
        }
    }
}
