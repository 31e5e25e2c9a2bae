@testable import Commissioning
import Foundation
import LedgerStore
@testable import Projections
import Testing

/// The outcome dashboard against a count made straight from the events of demo histories, at
/// the head and at points in time (DESIGN.md, "Projections and reports").
@Suite("Outcome dashboard")
struct OutcomesTests {
    /// What one commitment amounts to by `point`, tallied from the events alone.
    struct Tally {
        var kind: CommitmentKind
        var fund: String
        var area: String
        var objectives: Set<String>
        var expected: [ExpectedOutcome]
        var amount: Money
        var paid = Money.zero
        var plannedEnd: CalendarDate?
        var received: FinalReportReceived?
        var status = "none"
        var accepted: FinalReportReceived?
        var released = Money.zero
        var kpis: [KeyPerformanceIndicator] = []
        var latestReview: ContractReviewed?
    }

    /// Every grant, contract and agreement made by `point`, by id, from a plain walk of the log.
    /// An objective's code and its parent (the code before the dot) are both counted.
    static func tally(_ reader: LedgerReader, at point: PointInTime) throws -> [String: Tally] {
        var bids: [String: BidSubmitted] = [:]
        var orgAreas: [String: String] = [:]
        var tallies: [String: Tally] = [:]
        func withParents(_ codes: [String]) -> Set<String> {
            Set(codes + codes.compactMap { $0.contains(".") ? String($0.split(separator: ".")[0]) : nil })
        }
        try reader.forEachEvent { envelope in
            let event = try CommissioningEvent(envelope)
            switch event {
            case let .bidSubmitted(e): bids[e.bidId] = e
            case let .organisationRegistered(e): orgAreas[e.organisationId] = e.areaCode
            default: break
            }
            guard point.counts(sequence: envelope.sequence, effective: envelope.effectiveDate) else { return }
            switch event {
            case let .grantAwarded(e):
                let bid = bids[e.bidId]!
                tallies[e.grantId] = Tally(
                    kind: .grant, fund: e.fundId, area: bid.areaCode, objectives: withParents(bid.objectives), expected: bid.expectedOutcomes,
                    amount: e.amount, plannedEnd: bid.plannedEnd)
            case let .contractLet(e):
                tallies[e.commitmentId] = Tally(
                    kind: e.route == .procurement ? .contract : .agreement, fund: e.fundId, area: orgAreas[e.providerId] ?? "countywide",
                    objectives: withParents(e.objectives), expected: [], amount: e.value, kpis: e.kpis)
            case let .grantVaried(e):
                tallies[e.grantId]!.amount = e.amount
                tallies[e.grantId]!.plannedEnd = e.plannedEnd
            case let .commitmentVaried(e): tallies[e.commitmentId]!.amount = e.value
            case let .tranchePaid(e): tallies[e.grantId]!.paid += e.line.amount
            case let .commitmentPaymentRecorded(e): for line in e.lines { tallies[e.commitmentId]!.paid += line.amount }
            case let .paymentReversed(e): for line in e.lines { tallies[e.commitmentId]!.paid -= line.amount }
            case let .finalReportReceived(e):
                tallies[e.grantId]!.received = e
                tallies[e.grantId]!.status = "received"
            case let .finalReportReturned(e): tallies[e.grantId]!.status = "returned"
            case let .finalReportAccepted(e):
                tallies[e.grantId]!.status = "accepted"
                tallies[e.grantId]!.accepted = tallies[e.grantId]!.received
            case let .commitmentReleased(e): tallies[e.commitmentId]!.released += e.line.amount
            case let .contractReviewed(e): tallies[e.commitmentId]!.latestReview = e
            default: break
            }
        }
        return tallies
    }

    /// The figures of `tallies`, counted the way docs/reports.md defines them.
    static func figures(_ tallies: [Tally], overdueOn: CalendarDate) -> OutcomeFigures {
        var f = OutcomeFigures()
        for t in tallies {
            f.grants += t.kind == .grant ? 1 : 0
            f.contracts += t.kind == .contract ? 1 : 0
            f.agreements += t.kind == .agreement ? 1 : 0
            f.awarded += t.amount
            f.paid += t.paid
            f.outcomesExpected += t.expected.count
            f.targetsExpected += t.expected.map(\.target).reduce(0, +)
            if let report = t.accepted {
                f.reportsAccepted += 1
                f.outcomesReported += report.outcomes.count
                f.targetsReported += report.outcomes.map(\.target).reduce(0, +)
                f.achieved += report.outcomes.map(\.achieved).reduce(0, +)
                f.outcomesMet += report.outcomes.filter { $0.achieved >= $0.target }.count
                f.outcomesMissed += report.outcomes.filter { $0.achieved < $0.target }.count
                f.learningShared += report.learningShared.isEmpty ? 0 : 1
            }
            let wentAhead = t.paid != .zero || t.released < t.amount
            let owed = t.kind == .grant && wentAhead && (t.status == "none" || t.status == "returned")
            f.reportsOutstanding += owed ? 1 : 0
            f.reportsOverdue += owed && t.plannedEnd! < overdueOn ? 1 : 0
            f.kpis += t.kpis.count
            if let review = t.latestReview {
                f.reviewed += 1
                for actual in review.kpiActuals {
                    let target = t.kpis.first { $0.name == actual.name }!.target
                    if actual.target >= target { f.kpisMet += 1 } else { f.kpisMissed += 1 }
                }
                f.reviewsOfConcern += review.rating == .requiresImprovement || review.rating == .inadequate ? 1 : 0
            }
        }
        return f
    }

    /// Checks every objective, fund and area row of the report built at `point` against the tally.
    static func expectAgrees(_ store: LedgerStore, at point: (LedgerReader) throws -> PointInTime, overdueOn: CalendarDate) throws {
        try ProjectionRunner(store: store, saves: true).catchUp(OutcomesProjection.self)
        try ProjectionRunner(store: store, saves: true).read(OutcomesProjection.self) { rows, reader, _ in
            let point = try point(reader)
            let tallies = try tally(reader, at: point)
            let report = try OutcomesReport.build(rows, at: point, overdueOn: overdueOn)
            #expect(report.objectives.count == CumbriaStrategy2017.objectives.count)
            for line in report.objectives {
                let expected = figures(tallies.values.filter { $0.objectives.contains(line.code) }, overdueOn: overdueOn)
                #expect(line.figures == expected, "objective \(line.code)")
            }
            #expect(report.funds.map(\.code) == ["community", "innovation", "partnership", "property", "victims"])
            for line in report.funds {
                #expect(line.figures == figures(tallies.values.filter { $0.fund == line.code }, overdueOn: overdueOn), "fund \(line.code)")
            }
            for line in report.areas {
                #expect(line.figures == figures(tallies.values.filter { $0.area == line.code }, overdueOn: overdueOn), "area \(line.code)")
            }
            #expect(report.total == figures(Array(tallies.values), overdueOn: overdueOn))
            #expect(report.total.grants > 0 && report.total.contracts > 0 && report.total.agreements > 0)
            #expect(report.total.kpis > 0 && report.total.reviewed > 0, "the demo lets contracts with KPIs and reviews them")
        }
    }

    /// "The balance of funding will be subject to the receipt of a final report that clearly
    /// demonstrates the outcomes and delivery of the project": a project that never went ahead
    /// has none to give.
    @Test("a final report is owed by a grant paid anything or not released in full, and not by one released in full unpaid")
    func reportOwedUnlessReleasedUnpaid() {
        let day = CalendarDate(year: 2018, month: 6, day: 1)!
        let grant = CommitmentRow(
            id: "grant-0001", kind: .grant, fundId: "community", areaCode: nil, objectives: ["3.1"], expectedOutcomes: [], kpis: [],
            amount: Money(pounds: 5_000), plannedEnd: day, sequence: 1, effective: day)
        func fact(_ sequence: UInt64, _ kind: CommitmentFact.Kind, _ pounds: Int64) -> CommitmentFact {
            CommitmentFact(sequence: sequence, effective: day, kind: kind, amount: Money(pounds: pounds), plannedEnd: nil, outcomes: [], learningShared: false, rating: nil)
        }
        let point = PointInTime(throughSequence: 10)
        func owed(_ facts: [CommitmentFact]) -> Bool { CommitmentStatus(grant, facts: facts, at: point).reportOutstanding }
        #expect(owed([]))
        #expect(owed([fact(2, .released, 4_999)]), "£1 of it may still be paid")
        #expect(!owed([fact(2, .released, 5_000)]))
        #expect(owed([fact(2, .paid, 1_000), fact(3, .released, 4_000)]), "it was paid £1,000 for work it must report on")
        #expect(owed([fact(2, .paid, 1_000), fact(3, .paid, -1_000), fact(4, .released, 5_000)]) == false, "its only payment was reversed")
    }

    @Test("every objective, fund and area agrees with a count over the events: commitments, money, outcomes and reports owed", arguments: [UInt64(1), 77])
    func agreesWithEvents(seed: UInt64) throws {
        let (store, directory) = try ProjectionFixtures.demoLedger(seed: seed)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let end = CalendarDate(year: 2021, month: 6, day: 30)!
        try Self.expectAgrees(store, at: { PointInTime(throughSequence: try $0.head()!.sequence) }, overdueOn: end)
        #expect(store.openTransactionCount == 0)
    }

    @Test("as known part-way through the history and as of an earlier date, the figures are those of the events counted then")
    func pointInTime() throws {
        let (store, directory) = try ProjectionFixtures.demoLedger(seed: 2017)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let asOf = CalendarDate(year: 2018, month: 9, day: 30)!
        try Self.expectAgrees(store, at: { PointInTime(throughSequence: try $0.head()!.sequence * 2 / 3, asOf: asOf) }, overdueOn: asOf)
        // By the end of September 2018 some final reports are owed and some overdue, some accepted.
        try ProjectionRunner(store: store, saves: false).read(OutcomesProjection.self) { rows, reader, _ in
            let report = try OutcomesReport.build(rows, at: PointInTime(throughSequence: try reader.head()!.sequence, asOf: asOf), overdueOn: asOf)
            #expect(report.total.reportsOverdue > 0 && report.total.reportsOutstanding > report.total.reportsOverdue)
            #expect(report.total.reportsAccepted > 0)
        }
        #expect(store.openTransactionCount == 0)
    }

    @Test("a sub-priority rolls up into its objective; --objective keeps the commitments that count under it, once")
    func objectiveFilter() throws {
        let (store, directory) = try ProjectionFixtures.demoLedger(seed: 1)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let runner = ProjectionRunner(store: store, saves: false)
        try runner.read(OutcomesProjection.self) { rows, reader, _ in
            let point = PointInTime(throughSequence: try reader.head()!.sequence)
            let day = CalendarDate(year: 2030, month: 1, day: 1)!
            let all = try OutcomesReport.build(rows, at: point, overdueOn: day)
            let three = try OutcomesReport.build(rows, at: point, overdueOn: day, filter: .init(objective: "3"))
            #expect(three.objectives.map(\.code) == ["3", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7"])
            #expect(three.total == all.objectives.first { $0.code == "3" }!.figures)
            let subTotal = three.objectives.dropFirst().map(\.figures.grants).reduce(0, +)
            #expect(three.total.grants <= subTotal, "a grant naming two sub-priorities counts once under the objective")
            let one = try OutcomesReport.build(rows, at: point, overdueOn: day, filter: .init(objective: "3.1", fundId: "community"))
            #expect(one.objectives.map(\.code) == ["3.1"])
            #expect(one.funds.map(\.code) == ["community"])
            #expect(one.total.contracts == 0 && one.total.grants > 0)
        }
        #expect(store.openTransactionCount == 0)
    }
}
