import Commissioning
import LedgerStore

/// The outcome dashboard's read model (DESIGN.md, "Projections and reports"): every grant,
/// contract and agreement with the objectives, fund and area it counts under and the outcomes
/// it expects, and every later fact about it (variations, payments, final reports), each with
/// the event and effective date it came from, so the dashboard can be built at any point in time.
public enum OutcomesProjection: Projection {
    public static let name = "outcomes"
    public static let version: UInt32 = 3

    public static func apply(_ recorded: RecordedEvent, to rows: OverlayRows) throws {
        func define(_ key: String, _ code: String, _ name: String, parent: String? = nil) throws {
            let version = ReferenceRow.Version(sequence: recorded.sequence, name: name, parentCode: parent)
            try rows.modify(key, initial: ReferenceRow(code: code, versions: [])) { $0.versions.append(version) }
        }
        func fact(_ id: String, _ kind: CommitmentFact.Kind, amount: Money? = nil, plannedEnd: CalendarDate? = nil,
                  outcomes: [AchievedOutcome] = [], learningShared: Bool = false, rating: ReviewRating? = nil) throws {
            let fact = CommitmentFact(
                sequence: recorded.sequence, effective: recorded.effectiveDate, kind: kind, amount: amount, plannedEnd: plannedEnd,
                outcomes: outcomes, learningShared: learningShared, rating: rating)
            rows.pending(PendingLists<String>.self).append(fact, to: id, key: OutcomeKey.facts)
        }
        func commitment(_ id: String, _ kind: CommitmentKind, fundId: String, areaCode: String?, objectives: [String],
                        expected: [ExpectedOutcome] = [], kpis: [KeyPerformanceIndicator] = [], amount: Money, plannedEnd: CalendarDate?) throws {
            let row = CommitmentRow(
                id: id, kind: kind, fundId: fundId, areaCode: areaCode, objectives: objectives, expectedOutcomes: expected, kpis: kpis,
                amount: amount, plannedEnd: plannedEnd, sequence: recorded.sequence, effective: recorded.effectiveDate)
            try rows.set(row, OutcomeKey.commitment(id))
        }
        switch try recorded.event {
        case let .fundEstablished(e): try define(OutcomeKey.fund(e.fundId), e.fundId, e.name)
        case let .objectiveDefined(e): try define(OutcomeKey.objective(e.code), e.code, e.title, parent: e.parentCode)
        case let .areaDefined(e): try define(OutcomeKey.area(e.gssCode), e.gssCode, e.name)
        case let .organisationRegistered(e):
            if let area = e.areaCode { try rows.set(area, OutcomeKey.organisationArea(e.organisationId)) }
        case let .bidSubmitted(e):
            let terms = BidTermsRow(objectives: e.objectives, areaCode: e.areaCode, expectedOutcomes: e.expectedOutcomes, plannedEnd: e.plannedEnd)
            try rows.set(terms, OutcomeKey.bid(e.bidId))
        case let .grantAwarded(e):
            guard let bid = try rows.get(BidTermsRow.self, OutcomeKey.bid(e.bidId)) else {
                preconditionFailure("grant \(e.grantId) at event \(recorded.sequence) is awarded on bid \(e.bidId), which no earlier event submitted")
            }
            try commitment(
                e.grantId, .grant, fundId: e.fundId, areaCode: bid.areaCode, objectives: bid.objectives, expected: bid.expectedOutcomes,
                amount: e.amount, plannedEnd: bid.plannedEnd)
        case let .contractLet(e):
            try commitment(
                e.commitmentId, e.route == .procurement ? .contract : .agreement, fundId: e.fundId,
                areaCode: try rows.get(String.self, OutcomeKey.organisationArea(e.providerId)), objectives: e.objectives, kpis: e.kpis,
                amount: e.value, plannedEnd: nil)
        case let .grantVaried(e): try fact(e.grantId, .varied, amount: e.amount, plannedEnd: e.plannedEnd)
        case let .commitmentVaried(e): try fact(e.commitmentId, .varied, amount: e.value)
        case let .tranchePaid(e): try fact(e.grantId, .paid, amount: e.line.amount)
        case let .commitmentPaymentRecorded(e): try fact(e.commitmentId, .paid, amount: e.lines.sum(\.amount))
        case let .paymentReversed(e): try fact(e.commitmentId, .paid, amount: -e.lines.sum(\.amount))
        case let .finalReportReceived(e):
            try fact(e.grantId, .reportReceived, outcomes: e.outcomes, learningShared: e.learningShared.contains { !$0.isWhitespace })
        case let .finalReportReturned(e): try fact(e.grantId, .reportReturned)
        case let .finalReportAccepted(e): try fact(e.grantId, .reportAccepted)
        case let .commitmentReleased(e): try fact(e.commitmentId, .released, amount: e.line.amount)
        case let .contractReviewed(e):
            guard let letting = try rows.get(CommitmentRow.self, OutcomeKey.commitment(e.commitmentId)) else {
                preconditionFailure("\(e.commitmentId) at event \(recorded.sequence) is reviewed, but no earlier event let it")
            }
            // Each actual against the target it was let with (a review names only KPIs the contract has).
            let actuals = e.kpiActuals.compactMap { actual in
                letting.kpis.first { $0.name == actual.name }.map { AchievedOutcome(description: actual.name, target: $0.target, achieved: actual.target) }
            }
            try fact(e.commitmentId, .reviewed, outcomes: actuals, rating: e.rating)
        default: break
        }
    }
}
