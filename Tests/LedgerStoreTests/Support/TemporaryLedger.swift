import Foundation
import LedgerStore
import Testing

/// A ledger in its own temporary directory, on a simulated clock, removed when the test ends.
final class TemporaryLedger {
    let directory: String
    let clock: SimulatedClock
    let options: LedgerStore.Options
    private(set) var store: LedgerStore!

    static let startInstant = LedgerInstant(utcDate: CalendarDate(year: 2017, month: 4, day: 3)!, seconds: 9 * 3600)

    init(reducer: any DecisionStateReducer = NoDecisionState(), mapSizeBytes: Int? = nil, recordedBy: String = "tester") throws {
        directory = NSTemporaryDirectory() + "ledger-test-" + UUID().uuidString
        clock = SimulatedClock(Self.startInstant)
        var options = LedgerStore.Options()
        options.clock = clock
        options.reducer = reducer
        options.recordedBy = recordedBy
        if let mapSizeBytes { options.mapSizeBytesInitial = mapSizeBytes }
        self.options = options
        store = try LedgerStore.create(at: directory, options: options)
    }

    /// Closes and opens the ledger again, as a new process would.
    func reopen() throws {
        store = nil
        store = try LedgerStore(path: directory, options: options)
    }

    /// Closes the ledger (for tests that then alter its file).
    func close() { store = nil }

    var dataFile: String { directory + "/data.mdb" }

    deinit {
        if let store { #expect(store.openTransactionCount == 0, "a transaction was left open") }
        store = nil
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// A small event for tests.
func testEvent(
    _ type: String = "TestEvent", payload: String = "p", on date: CalendarDate = CalendarDate(year: 2017, month: 4, day: 3)!
) -> NewEvent {
    NewEvent(
        eventType: type, schemaVersion: 1, effectiveDate: date, actor: ActorRef(id: "actor-1", role: "tester"),
        payload: Array(payload.utf8))
}
