import Commissioning
import LedgerStore
import Testing

@Suite("A Community Fund grant from bid to award")
struct GrantLifecycleTests {
    @Test("the strategy's set-up verifies and its decision state rebuilds")
    func setUp() throws {
        let t = try TestLedger()
        let report = try t.store.verify()
        #expect(report.isValid, "\(report.problems)")
        #expect(t.eventCount > 40)
    }

    @Test("a bid within the limits is submitted and, once recommended, awarded with the hold-back as a final tranche")
    func submitAndAward() throws {
        let t = try TestLedger()
        let bid = try t.run("bid submit", [
            "fund": ["community"], "org": ["keswick-youth-club"], "title": ["Friday night football"], "area": [TestLedger.allerdale],
            "amount": ["7500.00"], "start": ["2017-05-01"], "end": ["2018-04-30"], "objective": ["8.2"],
        ])
        #expect(bid.summary == "recorded bid bid-0001: keswick-youth-club asks fund community for £7,500.00 for 'Friday night football'")
        t.expectRefused(.wrongState(
            kind: "bid", id: "bid-0001", state: "submitted", command: "be awarded",
            fitting: "only a bid the panel recommended for funding can be awarded (`cledger bid recommend --decision fund`)")) {
            try t.run("bid award", ["bid": ["bid-0001"], "amount": ["7500.00"]], as: TestLedger.decisionMaker)
        }
        #expect(try t.store.verify().isValid)
    }
}

@Suite("Idempotent commands")
struct IdempotentCommandTests {
    @Test("a retry with the same key, actor and fields records nothing; another actor or date under the key is refused")
    func retries() throws {
        let t = try TestLedger()
        let fields = ["fund": ["property"], "amount": ["40000.00"], "source": ["property-proceeds"]]
        let first = try t.run("allocation record", fields, as: TestLedger.finance, key: "alloc-1")
        let count = t.eventCount
        let retry = try t.run("allocation record", fields, as: TestLedger.finance, key: "alloc-1")
        #expect(retry.replayed)
        #expect(retry.sequences == first.sequences)
        #expect(t.eventCount == count)
        #expect(throws: LedgerError.self) {
            try t.run("allocation record", fields, as: TestLedger.officer, key: "alloc-1")
        }
        #expect(throws: LedgerError.self) {
            try t.run("allocation record", fields, as: TestLedger.finance, on: "2017-04-02", key: "alloc-1")
        }
        #expect(t.eventCount == count)
        try #expect(t.store.verify().isValid)
    }
}
