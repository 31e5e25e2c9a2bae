import Glibc
import LedgerStore
import Testing

/// `LedgerWriter.alongside`: a second thread reading the ledger as the write began, while the
/// write goes on on its own thread.
@Suite("A snapshot read alongside a write")
struct SnapshotAlongsideTests {
    struct Refused: Error, Equatable { let side: String }

    @Test("the snapshot runs on another thread and sees the ledger as last committed, not what the write changed")
    func snapshotSeesLastCommit() throws {
        let ledger = try TemporaryLedger()
        try ledger.store.write { w in try w.append(to: "bid-1", [testEvent(payload: "a")]) }
        let writerThread = pthread_self()
        let (here, elsewhere) = try ledger.store.write { w -> (UInt64?, (head: UInt64?, row: [UInt8]?, sameThread: Bool)) in
            try w.append(to: "bid-2", [testEvent(payload: "b")])
            try w.setProjectionRow("model", key: "k", value: [1])
            return try w.alongside({ try w.head()?.sequence }) { snapshot in
                (try snapshot.head()?.sequence, try snapshot.projectionRow("model", key: "k"),
                 pthread_equal(pthread_self(), writerThread) != 0)
            }
        }.value!
        #expect(here == 2)
        #expect(elsewhere.head == 1)
        #expect(elsewhere.row == nil)
        #expect(!elsewhere.sameThread)
        #expect(ledger.store.openTransactionCount == 0)
        // The write committed as usual, and the ledger verifies.
        try ledger.store.read { r throws in #expect(try r.head()?.sequence == 2) }
        #expect(try ledger.store.verify().isValid)
    }

    @Test("a refusal on either side reaches the caller once both have finished, and the write appends nothing", arguments: ["here", "elsewhere"])
    func refusalOnEitherSide(side: String) throws {
        let ledger = try TemporaryLedger()
        try ledger.store.write { w in try w.append(to: "bid-1", [testEvent(payload: "a")]) }
        #expect(throws: Refused(side: side)) {
            try ledger.store.write { w in
                try w.append(to: "bid-2", [testEvent(payload: "b")])
                _ = try w.alongside({ if side == "here" { throw Refused(side: side) } }) { _ in
                    if side == "elsewhere" { throw Refused(side: side) }
                }
            }
        }
        try ledger.store.read { r throws in #expect(try r.eventCount() == 1) }
        #expect(ledger.store.openTransactionCount == 0)
    }
}
