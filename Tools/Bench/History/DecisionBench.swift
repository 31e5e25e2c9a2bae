import Commissioning
import Foundation
import LedgerStore

/// One decision, timed on a compacted copy of a history: an allocation recorded on the Community Fund,
/// which reads and updates the fund's decision state, never the history.
///
/// The copy is opened in bulk mode, so a commit is not flushed: the time is the decision's
/// (reading state, deciding, appending, committing), not the disk's fdatasync, which is the same
/// at any size and would hide the difference the measurement looks for.
enum DecisionBench {
    static func measure(_ ledger: String, decisions: Int) throws -> [Double] {
        let copy = NSTemporaryDirectory() + "cledger-decision-bench-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: copy) }
        // A compacted copy (cledger backup's): the rebuilds before this leave free pages in the
        // large history that the small one has not, and LMDB's page allocation walks them.
        _ = try LedgerStore(path: ledger, options: DemoHistories.readOnly).backup(to: copy)
        let last = try LedgerStore(path: copy, options: DemoHistories.readOnly).read { try $0.head()! }
        let clock = SimulatedClock(last.recordedAt)
        var options = CommissioningLedger.storeOptions()
        options.clock = clock
        options.bulk = true
        let ledger = CommissioningLedger(store: try LedgerStore(path: copy, options: options), clock: clock)
        let on = LondonTime.date(at: last.recordedAt)
        var microseconds: [Double] = []
        for _ in 0..<decisions {
            let fields: [String: [String]] = ["fund": ["community"], "amount": ["1.00"], "source": ["opcc"]]
            microseconds.append(
                try secondsTaken {
                    _ = try ledger.execute("allocation record", fields, context: CommandContext(actorId: "finance-0001", on: on))
                } * 1_000_000)
        }
        return microseconds
    }
}
