import LedgerStore
import Testing

@Suite("Idempotency keys")
struct IdempotencyTests {
    @Test("a retry with the same key and content returns the first result and appends nothing")
    func retryReplays() throws {
        let ledger = try TemporaryLedger()
        let claim = IdempotencyClaim(key: "pay-2018-0001", content: Array("pay 2500.00 to bid-1".utf8))
        let first = try ledger.store.write(idempotency: claim) { w in try w.append(to: "bid-1", [testEvent(), testEvent()]) }
        #expect(first.sequences == [1, 2])
        #expect(!first.wasReplayed)
        let retry = try ledger.store.write(idempotency: claim) { w in try w.append(to: "bid-1", [testEvent(), testEvent()]) }
        #expect(retry.wasReplayed)
        #expect(retry.sequences == [1, 2])
        #expect(try ledger.store.read { try $0.eventCount() } == 2)
        try ledger.store.read { r throws in
            #expect(try r.event(at: 1)?.idempotencyKey == "pay-2018-0001")
            #expect(try r.event(at: 2)?.commandDigest == claim.digest)
        }
        #expect(try ledger.store.verify().isValid)
    }

    @Test("the same key with other content is refused and appends nothing")
    func reuseRefused() throws {
        let ledger = try TemporaryLedger()
        let claim = IdempotencyClaim(key: "k1", content: [1])
        try ledger.store.write(idempotency: claim) { w in try w.append(to: "s", [testEvent()]) }
        let other = IdempotencyClaim(key: "k1", content: [2])
        #expect(throws: LedgerError.idempotencyKeyReused(key: "k1", firstSequence: 1, lastSequence: 1)) {
            try ledger.store.write(idempotency: other) { w in try w.append(to: "s", [testEvent()]) }
        }
        #expect(try ledger.store.read { try $0.eventCount() } == 1)
    }

    @Test("a retry after reopening still replays")
    func retryAfterReopen() throws {
        let ledger = try TemporaryLedger()
        let claim = IdempotencyClaim(key: "k", content: [7])
        try ledger.store.write { w in try w.append(to: "s", [testEvent()]) }
        try ledger.store.write(idempotency: claim) { w in try w.append(to: "s", [testEvent()]) }
        try ledger.reopen()
        let retry = try ledger.store.write(idempotency: claim) { w in try w.append(to: "s", [testEvent()]) }
        #expect(retry.sequences == [2])
        #expect(retry.wasReplayed)
    }
}
