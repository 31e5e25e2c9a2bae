import Commissioning
import LedgerStore

/// The victims' grant reconciliation (DESIGN.md, "Projections and reports"): the money of every
/// fund of kind `victims` — the same movements the balances projection keeps, derived by
/// ``FundMovements`` — with the grant, contract or agreement each belongs to, who provides it
/// and the objectives it names, the payments recorded after the end of their year, and the
/// payments reversed.
///
/// ``FundMovements`` keeps the current lines of each victims fund's commitments in these rows too.
public enum VictimsGrantProjection: Projection {
    public static let name = "victims"
    public static let version: UInt32 = 5

    public static func apply(_ recorded: RecordedEvent, to rows: OverlayRows) throws {
        // Read as a value, so that the batch asks the stored rows once per fund, also for the
        // funds that are not victims funds.
        func isVictims(_ fundId: String) throws -> Bool { try rows.get(String.self, VictimsKey.fund(fundId)) != nil }
        switch try recorded.event {
        case let .fundEstablished(e) where e.kind == .victims:
            try rows.set(e.name, VictimsKey.fund(e.fundId))
        case let .bidSubmitted(e) where try isVictims(e.fundId):
            try rows.set(e.objectives, VictimsKey.bidObjectives(e.bidId))
        case let .grantAwarded(e) where try isVictims(e.fundId):
            let objectives = try rows.get([String].self, VictimsKey.bidObjectives(e.bidId)) ?? []
            try rows.set(VictimsServiceRow(commitmentId: e.grantId, providerId: e.organisationId, objectives: objectives), VictimsKey.service(e.grantId))
        case let .contractLet(e) where try isVictims(e.fundId):
            try rows.set(VictimsServiceRow(commitmentId: e.commitmentId, providerId: e.providerId, objectives: e.objectives), VictimsKey.service(e.commitmentId))
        case let .tranchePaid(e) where try isVictims(e.fundId):
            try noteIfLate(recorded, e.grantId, e.paymentReference, [e.line], rows)
        case let .commitmentPaymentRecorded(e) where try isVictims(e.fundId):
            try noteIfLate(recorded, e.commitmentId, e.paymentReference, e.lines, rows)
        case let .paymentReversed(e) where try isVictims(e.fundId):
            let row = PaymentReversalRow(sequence: recorded.sequence, paymentReference: e.paymentReference, effective: recorded.effectiveDate)
            try rows.append(row, toList: VictimsKey.reversalList(recorded.sequence))
        default:
            break
        }
        for found in try FundMovements.of(recorded, rows: rows, including: isVictims) {
            try rows.append(found.movement, toList: VictimsKey.movementList(found.movement))
            try rows.set(found.movement.financialYear, VictimsKey.year(found.movement.financialYear))
        }
    }

    /// Keeps a payment recorded on a London date after the 31 March that ends its date's year.
    static func noteIfLate(_ recorded: RecordedEvent, _ commitmentId: String, _ reference: String, _ lines: [FundingLine], _ rows: OverlayRows) throws {
        let recordedOn = LondonTime.date(at: recorded.envelope.recordedAt)
        guard recordedOn > FinancialYear(containing: recorded.effectiveDate).lastDay else { return }
        let row = LatePaymentRow(
            sequence: recorded.sequence, commitmentId: commitmentId, paymentReference: reference, effective: recorded.effectiveDate,
            recorded: recordedOn, lines: lines)
        try rows.append(row, toList: VictimsKey.lateList(recorded.sequence))
    }
}
