import Commissioning
import Foundation
import LedgerStore
@testable import Projections
import Testing

/// A fold that fails part-way through a catch-up on two threads, on either of them, in the first
/// batch or in one whose events the batch before read ahead: the error reaches the caller, the
/// write it failed in saves nothing, and the batches before it stay saved with their checkpoints.
@Suite("Projections: a fold that fails on either thread", .serialized)
struct ProjectionRunnerFailureTests {
    struct FoldFailed: Error, Equatable {
        let sequence: UInt64
    }

    /// Keeps one row per event it folds, and fails at ``failAt``. It costs ``workPerEvent``
    /// steps of arithmetic per event: costly, it stays on the first thread after the first batch
    /// (``ProjectionRunner/secondThread(_:)``); cheap beside ``Busy``, it goes to the second.
    enum Failing: Projection {
        static let name = "failing-test"
        static let version: UInt32 = 1
        // Set by each test case before it folds; the suite runs them one at a time.
        nonisolated(unsafe) static var failAt: UInt64 = 0
        nonisolated(unsafe) static var workPerEvent = 0
        /// The thread that called the catch-up, and whether the fold failed on it.
        nonisolated(unsafe) static var caller = pthread_self()
        nonisolated(unsafe) static var failedOnCaller: Bool?

        static func apply(_ event: RecordedEvent, to rows: OverlayRows) throws {
            if event.sequence == failAt {
                failedOnCaller = pthread_equal(pthread_self(), caller) != 0
                throw FoldFailed(sequence: event.sequence)
            }
            fold(event, steps: workPerEvent, into: rows)
        }

        /// Keeps a row for `event` after `steps` steps of arithmetic.
        static func fold(_ event: RecordedEvent, steps: Int, into rows: OverlayRows) {
            var work = event.sequence
            for step in 0..<steps { work = work &* 31 &+ UInt64(step) }
            rows.setRow(RowKey.sequence(event.sequence), [UInt8(truncatingIfNeeded: work | 1)])
        }
    }

    /// Costly whatever the other folds cost, so that after the first batch it keeps the first
    /// thread and a cheap ``Failing`` is sent to the second: a real projection's cost moves with
    /// the history and with the code, and beside one the split could go either way.
    enum Busy: Projection {
        static let name = "busy-test"
        static let version: UInt32 = 1

        static func apply(_ event: RecordedEvent, to rows: OverlayRows) throws {
            Failing.fold(event, steps: 20_000, into: rows)
        }
    }

    static func checkpoint(_ name: String, _ store: LedgerStore) throws -> UInt64? {
        try store.read { try $0.checkpoint(named: name)?.sequence }
    }

    @Test("the error reaches the caller and only whole batches before it are saved", arguments: [0, 1], [5, 2_345])
    func failure(position: Int, failAt: UInt64) throws {
        Failing.workPerEvent = position == 0 ? 20_000 : 0
        let (store, directory) = try ProjectionFixtures.demoLedger(seed: 7)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // On the first batch the second thread folds the projections at odd positions; on the
        // next, those the split sends there, as the work per event arranges.
        let projections: [any Projection.Type] = position == 0 ? [Failing.self, FundBalancesProjection.self] : [Busy.self, Failing.self]
        var runner = ProjectionRunner(store: store, saves: true)
        runner.batchEventsMax = 1_000
        runner.concurrentFoldEventsMin = 0
        Failing.failAt = failAt
        Failing.caller = pthread_self()
        Failing.failedOnCaller = nil
        #expect(throws: FoldFailed(sequence: failAt)) { try runner.catchUp(projections) }
        #expect(Failing.failedOnCaller == (position == 0), "the fold failed on the thread the case means")
        let saved = failAt / 1_000 * 1_000
        for projection in projections {
            #expect(try Self.checkpoint(projection.name, store) == (saved == 0 ? nil : saved), "\(projection.name), failing at \(failAt) on thread \(position)")
        }
        #expect(try ProjectionFixtures.storedRows(Failing.self, store).count == Int(saved))
        #expect(store.openTransactionCount == 0)
        // Once the fold no longer fails, the catch-up goes on from the checkpoints.
        Failing.failAt = 0
        let events = try store.read { try $0.eventCount() }
        #expect(try runner.catchUp(projections).map(\.folded) == [events - saved, events - saved])
        #expect(try ProjectionFixtures.storedRows(Failing.self, store).count == Int(events))
    }
}
