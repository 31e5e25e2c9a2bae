import Commissioning
import Foundation
import LedgerStore
@testable import Projections
import Testing

/// A projection is a pure fold (DESIGN.md, "Projections and reports"): incremental from a
/// checkpoint, rebuilt from scratch, or folded in batches of any size, it is the same model.
@Suite("Projections: incremental, rebuilt and batched folds agree")
struct ProjectionFoldTests {
    /// Seeds of the demo's random history; the property holds for each.
    static let seeds: [UInt64] = [3, 2017, 90_210]

    @Test("saved in batches of any size, each with its checkpoint, a projection equals its fold from scratch", arguments: seeds)
    func batchedEqualsScratch(seed: UInt64) throws {
        let (store, directory) = try ProjectionFixtures.demoLedger(seed: seed)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var rng = SystemRandomNumberGenerator()
        let events = try store.read { try $0.eventCount() }
        for projection in allProjections {
            let scratch = try ProjectionFixtures.foldedInMemory(projection, store)
            #expect(!scratch.isEmpty)
            for batch in [1, 997, Int.random(in: 2...500, using: &rng), Int(events) + 1] {
                var runner = ProjectionRunner(store: store, saves: true)
                runner.batchEventsMax = batch
                // No command waits beside it: batches of one event need no pause between writes.
                runner.pauseBetweenWrites = .zero
                let result = try runner.rebuild(projection)
                #expect(result.folded == events)
                #expect(result.rebuiltBecause == nil)
                let stored = try ProjectionFixtures.storedRows(projection, store)
                #expect(stored == scratch, "\(projection.name), seed \(seed), batches of \(batch): \(stored.count) rows stored, \(scratch.count) folded")
            }
            #expect(store.openTransactionCount == 0)
        }
    }

    @Test("every projection rebuilt or caught up at once, half of them on a second thread, equals its fold from scratch, in batches of any size", arguments: seeds)
    func concurrentEqualsScratch(seed: UInt64) throws {
        let (store, directory) = try ProjectionFixtures.demoLedger(seed: seed)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let events = try store.read { try $0.eventCount() }
        let scratch = try allProjections.map { try ProjectionFixtures.foldedInMemory($0, store) }
        func expectScratch(_ what: String) throws {
            for (index, projection) in allProjections.enumerated() {
                let stored = try ProjectionFixtures.storedRows(projection, store)
                #expect(stored == scratch[index], "\(projection.name), seed \(seed), \(what): \(stored.count) rows stored, \(scratch[index].count) folded")
            }
            #expect(store.openTransactionCount == 0)
        }
        var rng = SystemRandomNumberGenerator()
        for batch in [997, Int.random(in: 2...500, using: &rng), Int(events) + 1] {
            var runner = ProjectionRunner(store: store, saves: true)
            runner.batchEventsMax = batch
            runner.pauseBetweenWrites = .zero
            runner.concurrentFoldEventsMin = 0
            #expect(try runner.rebuild(allProjections).map(\.folded) == allProjections.map { _ in events })
            try expectScratch("rebuilt in batches of \(batch)")
            // Each projection from a checkpoint of its own, so that each thread's folds begin at different events.
            let parts = allProjections.indices.map { events * UInt64($0) / UInt64(allProjections.count) }
            for (projection, part) in zip(allProjections, parts) { try ProjectionFixtures.saveFolded(projection, store, through: part) }
            let results = try runner.catchUp(allProjections)
            #expect(results.map(\.folded) == parts.map { events - $0 })
            #expect(results.allSatisfy { $0.rebuiltBecause == nil })
            try expectScratch("caught up in batches of \(batch)")
        }
    }

    @Test("the second thread takes the projections that balance the two: the costliest apart, each next on the thread with less")
    func secondThreadBalances() {
        func ms(_ costs: [Int]) -> [Duration] { costs.map { .milliseconds($0) } }
        // 50 here; 30 there, then 15 and 10 there (55 against 50), then 5 here.
        #expect(ProjectionRunner.secondThread(ms([15, 50, 5, 30, 10])) == [0, 3, 4])
        // One fold costlier than all the others together keeps the first thread to itself.
        #expect(ProjectionRunner.secondThread(ms([100, 10, 20, 30])) == [1, 2, 3])
        #expect(ProjectionRunner.secondThread(ms([8, 7])) == [1])
        #expect(ProjectionRunner.secondThread(ms([7])) == [])
    }

    @Test("a checkpoint saved part-way and caught up later gives the same rows; a read-only catch-up folds the rest in memory")
    func incrementalFromCheckpoint() throws {
        let (store, directory) = try ProjectionFixtures.demoLedger(seed: 11)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let events = try store.read { try $0.eventCount() }
        for projection in allProjections {
            let scratch = try ProjectionFixtures.foldedInMemory(projection, store)
            let part = events / 3
            try ProjectionFixtures.saveFolded(projection, store, through: part)
            // Read-only: the rest is folded in memory on top of the stored rows.
            let readOnly = ProjectionRunner(store: store, saves: false)
            try readOnly.read(projection) { rows, _, result in
                #expect(result.folded == events - part)
                var seen: [String: [UInt8]] = [:]
                try rows.forEachRow(prefix: "") { seen[$0] = $1 }
                #expect(seen == scratch, "\(projection.name): read-only catch-up differs from the fold from scratch")
            }
            // Writable: the catch-up is saved and equals the fold from scratch.
            let result = try ProjectionRunner(store: store, saves: true).catchUp(projection)
            #expect(result.folded == events - part)
            #expect(try ProjectionFixtures.storedRows(projection, store) == scratch)
        }
    }

    @Test("stored rows are removed a batch of rows per write; rows left by an interrupted removal are never read, and the next catch-up finishes it")
    func removalInBatches() throws {
        let (store, directory) = try ProjectionFixtures.demoLedger(seed: 5)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var runner = ProjectionRunner(store: store, saves: true)
        runner.removalRowsMax = 7
        try runner.catchUp(allProjections)
        // Balances stays stored, so the others' rows cannot go in one step (ProjectionRowsTests): they go 7 per write.
        try runner.rebuild(Array(allProjections.dropFirst()))
        for projection in allProjections {
            #expect(try ProjectionFixtures.storedRows(projection, store) == ProjectionFixtures.foldedInMemory(projection, store), "\(projection.name)")
        }
        // What a crash between two writes of a removal leaves: the checkpoint marked, some rows gone.
        let projection = OutcomesProjection.self
        let scratch = try ProjectionFixtures.foldedInMemory(projection, store)
        try store.write { writer in
            try writer.setCheckpoint(named: projection.name, sequence: 0, state: ProjectionRunner.removingState)
            #expect(try writer.removeProjection(projection.name, rowsMax: 5) == (5, false))
        }
        let interrupted = "the removal of its rows before a rebuild was interrupted"
        try ProjectionRunner(store: store, saves: false).read(projection) { rows, _, result in
            #expect(result.rebuiltBecause == interrupted)
            var seen: [String: [UInt8]] = [:]
            try rows.forEachRow(prefix: "") { seen[$0] = $1 }
            #expect(seen == scratch, "a report reads the model folded in memory, not the rows left")
        }
        let result = try runner.catchUp(projection)
        #expect(result.rebuiltBecause == interrupted)
        #expect(try ProjectionFixtures.storedRows(projection, store) == scratch)
    }

    @Test("a checkpoint written by another version of the fold is not read: the projection is rebuilt, stale rows gone, and says why")
    func otherVersionRebuilds() throws {
        let (store, directory) = try ProjectionFixtures.demoLedger(seed: 5)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let projection = FundBalancesProjection.self
        let runner = ProjectionRunner(store: store, saves: true)
        try runner.catchUp(projection)
        let scratch = try ProjectionFixtures.foldedInMemory(projection, store)
        let head = try store.read { try $0.head()!.sequence }
        try store.write { writer in
            try writer.setProjectionRow(projection.name, key: "movement/stale", value: [1, 2, 3])
            try writer.setCheckpoint(named: projection.name, sequence: head, state: [0, 0, 0, 99])
        }
        try ProjectionRunner(store: store, saves: false).read(projection) { _, _, result in
            #expect(result.rebuiltBecause == "its checkpoint was written by another version of the projection")
            #expect(result.folded == head, "a read-only ledger folds the whole log in memory rather than read the stale rows")
        }
        let rebuilt = try runner.catchUp(projection)
        #expect(rebuilt.rebuiltBecause == "its checkpoint was written by another version of the projection")
        #expect(rebuilt.folded == head)
        #expect(try ProjectionFixtures.storedRows(projection, store) == scratch, "the stale row survived the rebuild")
        #expect(try runner.catchUp(projection) == ProjectionRunner.CatchUp(projection: projection.name))
    }
}
