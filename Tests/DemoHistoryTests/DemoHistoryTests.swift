import Commissioning
@testable import DemoHistory
import Foundation
import LedgerStore
import Testing

@Suite("The demo history")
struct DemoHistoryTests {
    /// Writes the demo for `seed` into a temporary directory and hands it to `body`.
    static func withDemo<T>(seed: UInt64, scale: Int = 1, _ body: (DemoHistory.Summary, LedgerStore) throws -> T) throws -> T {
        let directory = NSTemporaryDirectory() + "demo-test-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let summary = try DemoHistory.write(into: directory, seed: seed, scale: scale)
        let store = try LedgerStore(path: directory, options: CommissioningLedger.storeOptions())
        return try body(summary, store)
    }

    @Test("the demo tells the whole story of 2017-2020 through the ledger's decisions, and the ledger verifies")
    func tellsTheStory() throws {
        try Self.withDemo(seed: 1) { summary, store in
            #expect(summary.events > 2_000)
            #expect(try store.verify().isValid)
            var types: [String: Int] = [:]
            var recordedLate = 0
            try store.read { reader in
                try reader.forEachEvent { envelope in
                    types[envelope.eventType, default: 0] += 1
                    if LondonTime.date(at: envelope.recordedAt) > envelope.effectiveDate.adding(days: 3) { recordedLate += 1 }
                    #expect(envelope.recordedAt.utcDate.year >= 2017 && envelope.recordedAt.utcDate.year <= 2021)
                }
            }
            let story = [
                "FundEstablished", "AllocationRecorded", "RoundOpened", "BidSubmitted", "BidEndorsed", "EligibilityAssessed",
                "ConflictDeclared", "BidScored", "PanelRecommended", "GrantAwarded", "BidDeclined", "BidWithdrawn",
                "AgreementSigned", "TranchePaid", "ProgressReportReceived", "FinalReportReceived", "FinalReportReturned",
                "FinalReportAccepted", "GrantClosed", "CommitmentReleased", "FundsRecovered", "ContractLet",
                "CommitmentPaymentRecorded", "ContractReviewed", "CommitmentVaried", "CommitmentEnded", "AccrualRecorded",
                "PaymentReversed", "YearClosed", "MojReturnSubmitted",
            ]
            for type in story { #expect(types[type, default: 0] > 0, "the demo has no \(type)") }
            #expect((types["BidSubmitted"] ?? 0) >= 200, "a few hundred bids")
            #expect(types["YearClosed"] == 3)
            #expect(recordedLate == 1, "one payment recorded days after its date")
        }
    }

    @Test("at scale 3 the history runs on through the 2021 plan and the 2023 unitary areas, and verifies")
    func atScale() throws {
        try Self.withDemo(seed: 2017, scale: 3) { summary, store in
            #expect(summary.bulk)
            #expect(summary.lastDay > CalendarDate(year: 2026, month: 1, day: 1)!)
            #expect(try store.verify().isValid)
            var unitaryBids = 0
            try store.read { reader in
                try reader.forEachEvent { envelope in
                    guard case let .bidSubmitted(bid) = try CommissioningEvent(envelope) else { return }
                    let unitary = DemoCast.unitaries.contains { $0.code == bid.areaCode }
                    #expect(unitary == (envelope.effectiveDate >= CalendarDate(year: 2023, month: 4, day: 1)!), "\(bid.bidId) in \(bid.areaCode)")
                    if unitary { unitaryBids += 1 }
                }
            }
            #expect(unitaryBids > 0)
        }
    }

    @Test("the same seed gives the same events; another seed another history")
    func deterministic() throws {
        let first = try Self.withDemo(seed: 5) { summary, _ in summary.head }
        let again = try Self.withDemo(seed: 5) { summary, _ in summary.head }
        let other = try Self.withDemo(seed: 6) { summary, _ in summary.head }
        #expect(first != nil)
        #expect(first == again)
        #expect(first != other)
    }

    @Test("the demo refuses a ledger that already holds events")
    func refusesNonEmpty() throws {
        let directory = NSTemporaryDirectory() + "demo-test-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            let store = try LedgerStore.create(at: directory, options: CommissioningLedger.storeOptions())
            _ = try CommissioningLedger(store: store, clock: SystemClock()).execute(
                "actor register", ["id": ["x"]], context: CommandContext(actorId: "x", on: CalendarDate(year: 2020, month: 1, day: 1)!))
        }
        #expect(throws: LedgerError.self) { _ = try DemoHistory.write(into: directory, seed: 1, scale: 1) }
    }
}
