import Commissioning
import LedgerStore

/// Fund balances (DESIGN.md, "Projections and reports"): every movement of every fund's money
/// by financial year and funding source, with the event, effective date and commitment it came
/// from, so that a balance can be summed as of any date and as known at any sequence.
public enum FundBalancesProjection: Projection {
    public static let name = "balances"
    public static let version: UInt32 = 4

    public static func apply(_ recorded: RecordedEvent, to rows: OverlayRows) throws {
        switch try recorded.event {
        case let .fundEstablished(e):
            let version = FundRow.RulesVersion(sequence: recorded.sequence, rules: e.rules)
            try rows.set(FundRow(fundId: e.fundId, name: e.name, kind: e.kind, rules: [version]), BalanceKey.fund(e.fundId))
        case let .fundRulesAmended(e):
            try rows.modify(BalanceKey.fund(e.fundId), initial: FundRow(fundId: e.fundId, name: e.fundId, kind: .community, rules: [])) {
                $0.rules.append(.init(sequence: recorded.sequence, rules: e.rules))
            }
        default:
            for found in try FundMovements.of(recorded, rows: rows) {
                let list = BalanceKey.MovementList(fundId: found.fundId, financialYear: found.movement.financialYear, sequence: found.movement.sequence)
                rows.pending(PendingLists<BalanceKey.MovementList>.self).append(found.movement, to: list, key: \.key)
            }
        }
    }
}
