import Commissioning

extension FundBalancesReport {
    /// Every movement of every fund that `point` counts, in the order of the events that made
    /// them (and, within an event, by fund, year and the order the event gave them): the
    /// figures ``build(_:at:fundId:year:)`` sums, one by one.
    /// - Complexity: O(m log m) for the m movements of the ledger.
    public static func movements(_ rows: ProjectionRows, at point: PointInTime) throws -> [FundMovement] {
        var found: [FundMovement] = []
        for fund in try funds(rows) {
            for movement in try rows.facts(Movement.self, prefix: BalanceKey.movements(fund.fundId))
            where point.counts(sequence: movement.sequence, effective: movement.effective) {
                found.append(FundMovement(fundId: fund.fundId, movement: movement))
            }
        }
        return found.enumerated().sorted { ($0.element.movement.sequence, $0.offset) < ($1.element.movement.sequence, $1.offset) }.map(\.element)
    }
}
