@testable import Commissioning
import Foundation
import LedgerStore
@testable import Projections
import Testing

/// The balances report against the decision state the commands were decided on, and at points
/// in time (DESIGN.md, "Bitemporal").
@Suite("Fund balances")
struct FundBalancesTests {
    /// The decision state's running totals of a fund, by year and source: an independent sum of
    /// the same events, kept by the reducer the decisions read.
    /// The decision state keeps a fund's money one financial year per key; the demo's years run
    /// from 2017-18 for a few years past its last award.
    static func decisionStateLines(_ reader: LedgerReader, fund: String) throws -> [FundYearLine] {
        try (2017...2035).flatMap { start in
            let key = StateKey.fundYear(fund, FinancialYear(startYear: start))
            return try reader.stateValue(forKey: Array(key.utf8)).map { try BinaryDecoder().decode(FundYear.self, from: $0).lines } ?? []
        }
    }

    @Test("every fund's year and source agrees to the penny with the totals the decisions were made on", arguments: [UInt64(1), 77])
    func agreesWithDecisionState(seed: UInt64) throws {
        let (store, directory) = try ProjectionFixtures.demoLedger(seed: seed)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let runner = ProjectionRunner(store: store, saves: true)
        try runner.catchUp(FundBalancesProjection.self)
        try runner.read(FundBalancesProjection.self) { rows, reader, _ in
            let head = try reader.head()!.sequence
            let report = try FundBalancesReport.build(rows, at: PointInTime(throughSequence: head))
            #expect(report.funds.count == 5)
            for fund in report.funds {
                let state = try Self.decisionStateLines(reader, fund: fund.fundId)
                let years = report.years.filter { $0.fundId == fund.fundId }
                #expect(state.count == years.map(\.sources.count).reduce(0, +), "\(fund.fundId): the report and the state have other lines")
                for line in state {
                    let figures = years.first { $0.financialYear == line.financialYear }?.sources.first { $0.source == line.source }?.figures
                    let shown = try #require(figures, "\(fund.fundId) \(line.financialYear) \(line.source) is missing from the report")
                    #expect(shown.allocated == line.allocated && shown.committed == line.committed && shown.released == line.released)
                    #expect(shown.paid == line.paid && shown.recovered == line.recovered && shown.accrued == line.accrued)
                }
                // One year asked for alone, which reads only its own and its pot's movements, is the same year.
                for year in years {
                    let alone = try FundBalancesReport.build(rows, at: PointInTime(throughSequence: head), fundId: fund.fundId, year: year.financialYear)
                    #expect(alone.years == [year], "\(fund.fundId) \(year.financialYear) asked for alone differs")
                }
                var sum = BalanceFigures()
                for year in years { sum.add(year.total) }
                #expect(sum == fund.total, "\(fund.fundId): the years do not add up to the period")
            }
        }
    }

    @Test("a payment effective 28 March and recorded 6 April is in the year as of 31 March, and absent as known at 1 April")
    func paymentRecordedAfterYearEnd() throws {
        let (store, directory) = try ProjectionFixtures.demoLedger(seed: 2017)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let runner = ProjectionRunner(store: store, saves: true)
        try runner.catchUp(FundBalancesProjection.self)
        // The demo records one payment days after its effective date, across a year end.
        let late = try store.read { reader -> Envelope? in
            var found: Envelope?
            try reader.forEachEvent { e in
                guard found == nil, e.eventType == "CommitmentPaymentRecorded" || e.eventType == "TranchePaid" else { return }
                let recorded = LondonTime.date(at: e.recordedAt)
                if FinancialYear(containing: recorded) != FinancialYear(containing: e.effectiveDate) { found = e }
            }
            return found
        }
        let payment = try #require(late, "the demo has no payment recorded after the end of its year")
        let year = FinancialYear(containing: payment.effectiveDate)
        let fundId = try #require(try Self.fundId(of: payment))
        try runner.read(FundBalancesProjection.self) { rows, reader, _ in
            let knownAtYearEnd = try reader.lastSequence(knownAt: LondonTime.startOfDay(year.lastDay.adding(days: 1)))
            #expect(knownAtYearEnd < payment.sequence)
            func paid(_ point: PointInTime) throws -> Money {
                try FundBalancesReport.build(rows, at: point, fundId: fundId, year: year).years.first?.total.paid ?? .zero
            }
            let head = try reader.head()!.sequence
            let asOfYearEnd = try paid(PointInTime(throughSequence: head, asOf: year.lastDay))
            let asOfYearEndKnownThen = try paid(PointInTime(throughSequence: knownAtYearEnd, asOf: year.lastDay))
            let amount = try Self.amount(of: payment)
            #expect(asOfYearEnd - asOfYearEndKnownThen >= amount, "the late payment of \(amount) is missing as of \(year.lastDay)")
            let dayBefore = try paid(PointInTime(throughSequence: payment.sequence - 1, asOf: year.lastDay))
            let withIt = try paid(PointInTime(throughSequence: payment.sequence, asOf: year.lastDay))
            #expect(withIt - dayBefore == amount)
            let asOfDayBefore = try paid(PointInTime(throughSequence: head, asOf: payment.effectiveDate.adding(days: -1)))
            #expect(asOfDayBefore <= asOfYearEnd - amount)
        }
    }

    /// "Finance may record year-end accruals (delivered, not yet paid), which reverse in the
    /// next year" (DESIGN.md, "Money"). The demo accrues a contract's fourth quarter on 31 March
    /// and pays its invoice in April.
    @Test("an accrual counts in its year, and reverses on the next year's first day against the payment that settles it")
    func accrualReversesInNextYear() throws {
        let (store, directory) = try ProjectionFixtures.demoLedger(seed: 2017)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let runner = ProjectionRunner(store: store, saves: true)
        try runner.catchUp(FundBalancesProjection.self)
        let all = try store.read { reader -> [(envelope: Envelope, accrual: AccrualRecorded)] in
            var found: [(envelope: Envelope, accrual: AccrualRecorded)] = []
            try reader.forEachEvent { e in
                if case let .accrualRecorded(accrual) = try CommissioningEvent(e) { found.append((e, accrual)) }
                #expect(e.eventType != AccrualReversed.eventType, "the demo reverses no accrual in error; the sums below would need it")
            }
            return found
        }
        let (envelope, accrual) = try #require(all.first, "the demo records no accrual")
        let accruals = all.filter { $0.accrual.fundId == accrual.fundId && $0.accrual.line.source == accrual.line.source }
            .map { (line: $0.accrual.line, effective: $0.envelope.effectiveDate) }
        let year = accrual.line.financialYear
        try runner.read(FundBalancesProjection.self) { rows, reader, _ in
            let head = try reader.head()!.sequence
            func figures(_ year: FinancialYear, asOf date: CalendarDate, through sequence: UInt64 = head) throws -> BalanceFigures {
                let report = try FundBalancesReport.build(rows, at: PointInTime(throughSequence: sequence, asOf: date), fundId: accrual.fundId, year: year)
                return report.years.first?.sources.first { $0.source == accrual.line.source }?.figures ?? BalanceFigures()
            }
            let amount = accrual.line.amount
            // In its own year from its date, and through the year end.
            let before = try figures(year, asOf: envelope.effectiveDate, through: envelope.sequence - 1).accrued
            #expect(try figures(year, asOf: envelope.effectiveDate, through: envelope.sequence).accrued - before == amount)
            #expect(try figures(year, asOf: year.next.lastDay).accrued - before == amount, "the accrual stays in its year")
            // In the next year, taken back from its first day and not before.
            let next = year.next
            let lastDayOfYear = try figures(next, asOf: year.lastDay)
            let firstDayOfNext = try figures(next, asOf: next.firstDay)
            #expect(firstDayOfNext.accrued - lastDayOfYear.accrued == -amount)
            // Every year of the fund and source, on its first and last day: its own accruals from
            // their dates, less the year before's from the year's first day, summed from the events.
            for year in Set(accruals.map(\.line.financialYear.next) + accruals.map(\.line.financialYear)) {
                for date in [year.firstDay, year.lastDay] {
                    let own = accruals.filter { $0.line.financialYear == year && $0.effective <= date }.sum(\.line.amount)
                    let reversed = accruals.filter { $0.line.financialYear.next == year && max($0.effective, year.firstDay) <= date }.sum(\.line.amount)
                    #expect(try figures(year, asOf: date).accrued == own - reversed, "\(year) as of \(date)")
                }
            }
        }
    }

    static func fundId(of payment: Envelope) throws -> String? {
        switch try CommissioningEvent(payment) {
        case let .tranchePaid(e): return e.fundId
        case let .commitmentPaymentRecorded(e): return e.fundId
        default: return nil
        }
    }

    static func amount(of payment: Envelope) throws -> Money {
        switch try CommissioningEvent(payment) {
        case let .tranchePaid(e): return e.line.amount
        case let .commitmentPaymentRecorded(e): return e.lines.sum(\.amount)
        default: return .zero
        }
    }
}
