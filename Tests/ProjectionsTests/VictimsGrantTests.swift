import Commissioning
import Foundation
import LedgerStore
@testable import Projections
import Testing

/// The victims' grant reconciliation against the same figures summed straight from the events
/// (``VictimsGrantExpected``), at points in time.
@Suite("Victims' grant reconciliation")
struct VictimsGrantTests {
    /// Calls `body` with the demo of `seed`'s victims projection, caught up, and its snapshot.
    static func withDemo(seed: UInt64, _ body: (ProjectionRows, LedgerReader) throws -> Void) throws {
        let (store, directory) = try ProjectionFixtures.demoLedger(seed: seed)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let runner = ProjectionRunner(store: store, saves: true)
        try runner.catchUp(VictimsGrantProjection.self)
        try runner.read(VictimsGrantProjection.self) { rows, reader, _ in try body(rows, reader) }
    }

    /// The points the report is checked at: now, and around the first two year ends.
    static func points(_ reader: LedgerReader) throws -> [PointInTime] {
        let head = try reader.head()!.sequence
        let april = try reader.lastSequence(knownAt: LondonTime.startOfDay(CalendarDate(year: 2018, month: 4, day: 2)!))
        return [
            PointInTime(throughSequence: head), PointInTime(throughSequence: head, asOf: CalendarDate(year: 2018, month: 3, day: 31)!),
            PointInTime(throughSequence: april, asOf: CalendarDate(year: 2018, month: 3, day: 31)!),
            PointInTime(throughSequence: head, asOf: CalendarDate(year: 2019, month: 9, day: 30)!),
        ]
    }

    @Test("years, providers and objectives agree to the penny with the events summed directly", arguments: [UInt64(2017), 77])
    func agreesWithEvents(seed: UInt64) throws {
        try Self.withDemo(seed: seed) { rows, reader in
            for point in try Self.points(reader) {
                let report = try VictimsGrantReport.build(rows, at: point)
                let expected = try VictimsGrantExpected(reader, at: point)
                #expect(report.years.count == 3, "the demo's MoJ years are 2017-18 to 2019-20")
                for year in report.years {
                    let want = expected.years[year.financialYear] ?? .init()
                    #expect(VictimsGrantExpected.figures(year.money, allocated: true) == want, "\(year.financialYear) at \(point)")
                    #expect(year.underspend == want.mojAllocated - want.mojPaid - want.mojAccrued)
                    let providers = report.byProvider.filter { $0.financialYear == year.financialYear }
                    // Each commitment under one provider: the providers add up to the year.
                    #expect(providers.map(\.money.moj.paid).sum { $0 } == year.money.moj.paid)
                    #expect(providers.map(\.money.other.committed).sum { $0 } == year.money.other.committed)
                }
                for line in report.byProvider {
                    #expect(VictimsGrantExpected.figures(line.money, allocated: false) == expected.providers["\(line.financialYear)/\(line.name)"])
                }
                for line in report.byObjective {
                    #expect(VictimsGrantExpected.figures(line.money, allocated: false) == expected.objectives["\(line.financialYear)/\(line.name)"])
                }
                #expect(report.byProvider.count == expected.providers.count && report.byObjective.count == expected.objectives.count)
                #expect(report.latePayments.map(\.sequence) == expected.latePayments)
            }
        }
    }

    @Test("the fold keeps the funding lines of victims funds' commitments only, and of every one of them")
    func keepsVictimsCommitmentsOnly() throws {
        try Self.withDemo(seed: 2017) { rows, reader in
            var victimsFunds: Set<String> = []
            try rows.forEachRow(prefix: VictimsKey.fund("")) { key, _ in victimsFunds.insert(String(key.dropFirst(VictimsKey.fund("").count))) }
            var kept: Set<String> = []
            try rows.forEachRow(prefix: BalanceKey.commitment("")) { key, value in
                let lines = try BinaryDecoder().decode(CommitmentLinesRow.self, from: value)
                #expect(victimsFunds.contains(lines.fundId), "\(key) is of fund \(lines.fundId)")
                kept.insert(String(key.dropFirst(BalanceKey.commitment("").count)))
            }
            var letOnVictimsFunds: Set<String> = []
            try reader.forEachEvent(from: 1, through: .max) { envelope in
                switch try CommissioningEvent(envelope) {
                case let .grantAwarded(e) where victimsFunds.contains(e.fundId): letOnVictimsFunds.insert(e.grantId)
                case let .contractLet(e) where victimsFunds.contains(e.fundId): letOnVictimsFunds.insert(e.commitmentId)
                default: break
                }
            }
            #expect(!victimsFunds.isEmpty && !kept.isEmpty)
            #expect(kept == letOnVictimsFunds)
        }
    }

    @Test("the ISVA contract's two objectives each show its money in full; the year counts it once")
    func objectivesNotDoubleCounted() throws {
        try Self.withDemo(seed: 2017) { rows, reader in
            let report = try VictimsGrantReport.build(rows, at: PointInTime(throughSequence: try reader.head()!.sequence), year: FinancialYear(startYear: 2017))
            let byObjective = report.byObjective.map(\.money.moj.committed).sum { $0 }
            #expect(byObjective > report.years[0].money.moj.committed)
            #expect(report.total == report.years[0].money)
        }
    }

    @Test("a payment effective 28 March and recorded 6 April is listed as of 31 March, and absent known at 1 April")
    func paymentRecordedAfterYearEnd() throws {
        try Self.withDemo(seed: 2017) { rows, reader in
            let yearEnd = CalendarDate(year: 2018, month: 3, day: 31)!
            let head = try reader.head()!.sequence
            let april = try reader.lastSequence(knownAt: LondonTime.startOfDay(CalendarDate(year: 2018, month: 4, day: 2)!))
            let year = FinancialYear(startYear: 2017)
            let asOf = try VictimsGrantReport.build(rows, at: PointInTime(throughSequence: head, asOf: yearEnd), year: year)
            let late = try #require(asOf.latePayments.first, "the demo's payment recorded after 31 March 2018 is missing")
            #expect(asOf.latePayments.count == 1)
            #expect(late.effective == CalendarDate(year: 2018, month: 3, day: 28)! && late.recorded == CalendarDate(year: 2018, month: 4, day: 6)!)
            #expect(late.providerId == "safety-net" && late.moj + late.other == Money(pounds: 30_000))
            let knownThen = try VictimsGrantReport.build(rows, at: PointInTime(throughSequence: april, asOf: yearEnd), year: year)
            #expect(knownThen.latePayments.isEmpty)
            #expect(asOf.years[0].money.moj.paid - knownThen.years[0].money.moj.paid == late.moj)
            #expect(knownThen.years[0].underspend - asOf.years[0].underspend == late.moj)
        }
    }

    @Test("a late payment reversed afterwards is listed with the reversal's sequence, once the point in time counts the reversal")
    func latePaymentReversed() throws {
        let (store, directory) = try ProjectionFixtures.demoLedger(seed: 2017)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let runner = ProjectionRunner(store: store, saves: true)
        let year = FinancialYear(startYear: 2017)
        func report(through sequence: UInt64? = nil) throws -> VictimsGrantReport {
            try runner.read(VictimsGrantProjection.self) { rows, reader, _ in
                try VictimsGrantReport.build(rows, at: PointInTime(throughSequence: sequence ?? (try reader.head()!.sequence)), year: year)
            }
        }
        let late = try #require(try report().latePayments.first, "the demo's payment recorded after 31 March 2018 is missing")
        #expect(late.reversedBy == nil)
        let before = try store.read { try $0.head()!.sequence }
        // Reversed by the other finance officer in 2020-21, the demo's first open year.
        let ledger = CommissioningLedger(store: store, clock: SystemClock())
        let reversal = try ledger.execute(
            "payment reverse", ["payment-ref": [late.paymentReference], "reason": ["paid to the wrong account"]],
            context: CommandContext(actorId: "finance-0002", on: CalendarDate(year: 2020, month: 4, day: 2)!))
        let sequence = try #require(reversal.sequences.first)
        #expect(try report().latePayments.map(\.reversedBy) == [sequence])
        #expect(try report(through: before).latePayments.map(\.reversedBy) == [nil], "known before the reversal, the payment stands")
        #expect(try report().latePayments.first?.moj == late.moj, "its amounts stay listed: the reversal counts in its own year")
    }
}
