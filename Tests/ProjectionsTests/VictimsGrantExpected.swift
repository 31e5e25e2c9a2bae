import Commissioning
import LedgerStore
@testable import Projections

/// The victims' grant reconciliation summed straight from the events, without the projection's
/// movements: a commitment counts its latest profile, a payment its lines, less reversals.
struct VictimsGrantExpected {
    /// MoJ and other money of one year, one provider or one objective.
    struct Figures: Equatable {
        var mojAllocated = Money.zero, mojCommitted = Money.zero, mojReleased = Money.zero, mojPaid = Money.zero, mojAccrued = Money.zero
        var otherCommitted = Money.zero, otherPaid = Money.zero, otherAccrued = Money.zero

        mutating func add(_ line: FundingLine, committed: Bool = false, paid: Bool = false, accrued: Bool = false, sign: Int64 = 1) {
            let amount = Money(pence: line.amount.pence * sign)
            let moj = line.source == .mojVictimsGrant
            if committed { if moj { mojCommitted += amount } else { otherCommitted += amount } }
            if paid { if moj { mojPaid += amount } else { otherPaid += amount } }
            if accrued { if moj { mojAccrued += amount } else { otherAccrued += amount } }
        }
    }

    var years: [FinancialYear: Figures] = [:]
    var providers: [String: Figures] = [:]  // "YEAR/PROVIDER"
    var objectives: [String: Figures] = [:]  // "YEAR/OBJECTIVE"
    /// Sequences of the payments recorded after the year end their date falls in.
    var latePayments: [UInt64] = []

    /// Sums the events `point` counts.
    init(_ reader: LedgerReader, at point: PointInTime) throws {
        var victimsFunds: Set<String> = []
        var bidObjectives: [String: [String]] = [:]
        var services: [String: (provider: String, objectives: [String])] = [:]
        var profiles: [String: [FundingLine]] = [:]
        func attribute(_ id: String, _ line: FundingLine, committed: Bool = false, paid: Bool = false, accrued: Bool = false, sign: Int64 = 1) {
            years[line.financialYear, default: Figures()].add(line, committed: committed, paid: paid, accrued: accrued, sign: sign)
            let service = services[id]!
            providers["\(line.financialYear)/\(service.provider)", default: Figures()].add(line, committed: committed, paid: paid, accrued: accrued, sign: sign)
            for objective in Set(service.objectives) {
                objectives["\(line.financialYear)/\(objective)", default: Figures()].add(line, committed: committed, paid: paid, accrued: accrued, sign: sign)
            }
        }
        func profile(_ id: String, _ lines: [FundingLine]) {
            for line in profiles[id] ?? [] { attribute(id, line, committed: true, sign: -1) }
            for line in lines { attribute(id, line, committed: true) }
            profiles[id] = lines
        }
        /// An accrual's line in the next year, where it reverses from 1 April (or the accrual's
        /// date, if later), when `point` counts that date.
        func nextYearReversal(of line: FundingLine, _ envelope: Envelope) -> FundingLine? {
            let year = FinancialYear(startYear: Int(line.financialYear.startYear) + 1)
            let april = CalendarDate(year: Int(year.startYear), month: 4, day: 1)!
            guard point.counts(sequence: envelope.sequence, effective: max(april, envelope.effectiveDate)) else { return nil }
            return FundingLine(financialYear: year, source: line.source, amount: line.amount)
        }
        try reader.forEachEvent(through: point.throughSequence) { envelope in
            guard point.counts(sequence: envelope.sequence, effective: envelope.effectiveDate) else { return }
            let late = LondonTime.date(at: envelope.recordedAt) > FinancialYear(containing: envelope.effectiveDate).lastDay
            switch try CommissioningEvent(envelope) {
            case let .fundEstablished(e) where e.kind == .victims: victimsFunds.insert(e.fundId)
            case let .bidSubmitted(e) where victimsFunds.contains(e.fundId): bidObjectives[e.bidId] = e.objectives
            case let .allocationRecorded(e) where victimsFunds.contains(e.fundId) && e.line.source == .mojVictimsGrant:
                years[e.line.financialYear, default: Figures()].mojAllocated += e.line.amount
            case let .allocationReversed(e) where victimsFunds.contains(e.fundId) && e.line.source == .mojVictimsGrant:
                years[e.line.financialYear, default: Figures()].mojAllocated -= e.line.amount
            case let .grantAwarded(e) where victimsFunds.contains(e.fundId):
                services[e.grantId] = (e.organisationId, bidObjectives[e.bidId] ?? [])
                profile(e.grantId, e.fundingLines)
            case let .grantVaried(e) where victimsFunds.contains(e.fundId): profile(e.grantId, e.fundingLines)
            case let .contractLet(e) where victimsFunds.contains(e.fundId):
                services[e.commitmentId] = (e.providerId, e.objectives)
                profile(e.commitmentId, e.profile)
            case let .commitmentVaried(e) where victimsFunds.contains(e.fundId): profile(e.commitmentId, e.profile)
            case let .tranchePaid(e) where victimsFunds.contains(e.fundId):
                attribute(e.grantId, e.line, paid: true)
                if late { latePayments.append(envelope.sequence) }
            case let .commitmentPaymentRecorded(e) where victimsFunds.contains(e.fundId):
                for line in e.lines { attribute(e.commitmentId, line, paid: true) }
                if late { latePayments.append(envelope.sequence) }
            case let .paymentReversed(e) where victimsFunds.contains(e.fundId):
                for line in e.lines { attribute(e.commitmentId, line, paid: true, sign: -1) }
            case let .commitmentReleased(e) where victimsFunds.contains(e.fundId) && e.line.source == .mojVictimsGrant:
                years[e.line.financialYear, default: Figures()].mojReleased += e.line.amount
            case let .accrualRecorded(e) where victimsFunds.contains(e.fundId):
                attribute(e.commitmentId, e.line, accrued: true)
                if let reversal = nextYearReversal(of: e.line, envelope) { attribute(e.commitmentId, reversal, accrued: true, sign: -1) }
            case let .accrualReversed(e) where victimsFunds.contains(e.fundId):
                attribute(e.commitmentId, e.line, accrued: true, sign: -1)
                if let reversal = nextYearReversal(of: e.line, envelope) { attribute(e.commitmentId, reversal, accrued: true) }
            default: break
            }
        }
    }

    /// The report's figures in the same shape.
    static func figures(_ split: VictimsGrantReport.Split, allocated: Bool) -> Figures {
        Figures(
            mojAllocated: allocated ? split.moj.allocated : .zero, mojCommitted: split.moj.committed, mojReleased: allocated ? split.moj.released : .zero,
            mojPaid: split.moj.paid, mojAccrued: split.moj.accrued, otherCommitted: split.other.committed, otherPaid: split.other.paid,
            otherAccrued: split.other.accrued)
    }
}
