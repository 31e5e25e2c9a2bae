import Commissioning
import Foundation
import LedgerStore
import Testing

/// A commissioning ledger in a temporary directory on a simulated clock, with the strategy's
/// reference data, funds and a cast of actors, removed when the test ends.
final class TestLedger {
    let directory: String
    let clock: SimulatedClock
    let store: LedgerStore
    let ledger: CommissioningLedger

    /// The cast: one person per role, plus a second decision maker and panel member.
    static let officer = "officer-1"
    static let finance = "finance-1"
    static let decisionMaker = "commissioner"
    static let deputy = "deputy-commissioner"
    static let panel = "panel-1"
    static let panel2 = "panel-2"
    static let pcsoAllerdale = "pcso-allerdale"
    static let pcsoCarlisle = "pcso-carlisle"
    static let allerdale = "E07000026"
    static let carlisle = "E07000028"

    /// A ledger at `start` (London 09:00) holding the strategy's set-up when `strategy`.
    init(start: String = "2017-04-03", strategy: Bool = true) throws {
        directory = NSTemporaryDirectory() + "commissioning-test-" + UUID().uuidString
        clock = SimulatedClock(LedgerInstant(utcDate: CalendarDate(iso8601: start)!, seconds: 8 * 3600))
        var options = CommissioningLedger.storeOptions()
        options.clock = clock
        options.recordedBy = "tester"
        store = try LedgerStore.create(at: directory, options: options)
        ledger = CommissioningLedger(store: store, clock: clock)
        if strategy { try setUpStrategy() }
    }

    deinit {
        #expect(store.openTransactionCount == 0, "a transaction was left open")
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs a command as `actor`, dated `on` (default: today by the clock).
    @discardableResult
    func run(_ name: String, _ fields: [String: [String]], as actor: String = officer, on: String? = nil, key: String? = nil) throws -> CommandReceipt {
        let date = on.map { CalendarDate(iso8601: $0)! } ?? ledger.today
        return try ledger.execute(name, fields, context: CommandContext(actorId: actor, on: date, idempotencyKey: key))
    }

    /// Moves the clock to 09:00 London on `date`.
    func setToday(_ date: String) {
        clock.set(LedgerInstant(utcDate: CalendarDate(iso8601: date)!, seconds: 8 * 3600))
    }

    var eventCount: UInt64 { (try? store.read { try $0.eventCount() }) ?? 0 }

    /// Expects `body` to be refused with `error` and to append nothing.
    func expectRefused(_ error: CommissioningError, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
        let before = eventCount
        #expect(throws: error, sourceLocation: sourceLocation) { try body() }
        #expect(eventCount == before, "a refused command appended events", sourceLocation: sourceLocation)
    }

    /// Expects `body` to be refused by `rule`, with a message containing `fragment`, appending nothing.
    func expectRule(_ rule: CommissioningError.Rule, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
        let before = eventCount
        do {
            try body()
            Issue.record("expected the \(rule.rawValue) rule to refuse the command", sourceLocation: sourceLocation)
        } catch let error as CommissioningError {
            #expect(error.rule == rule, "\(error)", sourceLocation: sourceLocation)
            #expect(error.description.contains(fragment), "\(error.description)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
        #expect(eventCount == before, "a refused command appended events", sourceLocation: sourceLocation)
    }

    private func setUpStrategy() throws {
        try run("actor register", ["id": [Self.officer]], as: Self.officer)
        try run("role grant", ["actor-id": [Self.officer], "role": ["commissioning-officer"]], as: Self.officer)
        for step in CumbriaStrategy2017.referenceData() { try run(step.command, step.fields) }
        let cast: [(String, String, [String: [String]])] = [
            (Self.finance, "finance-officer", [:]), (Self.decisionMaker, "decision-maker", [:]), (Self.deputy, "decision-maker", [:]),
            (Self.panel, "panel-member", [:]), (Self.panel2, "panel-member", [:]),
            (Self.pcsoAllerdale, "endorsing-officer", ["rank": ["PCSO"], "area": [Self.allerdale]]),
            (Self.pcsoCarlisle, "endorsing-officer", ["rank": ["Sergeant"], "area": [Self.carlisle]]),
        ]
        for (id, role, extra) in cast {
            try run("actor register", ["id": [id]])
            try run("role grant", ["actor-id": [id], "role": [role]].merging(extra) { a, _ in a })
        }
        for step in CumbriaStrategy2017.funds() { try run(step.command, step.fields) }
        try run("org register", ["id": ["keswick-youth-club"], "name": ["Keswick Youth Club"], "type": ["community-group"], "area": [Self.allerdale]])
        try run("org register", ["id": ["carlisle-watch"], "name": ["Carlisle Neighbourhood Watch"], "type": ["watch-scheme"], "area": [Self.carlisle]])
        try run("org register", ["id": ["acme-ltd"], "name": ["Acme Security Ltd"], "type": ["company"]])
        try run("org register", ["id": ["victim-support"], "name": ["Victim Support"], "type": ["charity"], "charity-number": ["1108422"]])
        try run("org register", ["id": ["cumbria-cc"], "name": ["Cumbria County Council"], "type": ["local-authority"]])
    }
}
