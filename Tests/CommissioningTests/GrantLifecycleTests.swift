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
