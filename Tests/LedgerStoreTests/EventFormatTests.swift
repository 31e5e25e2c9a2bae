import Foundation
import LedgerStore
import Testing

@Suite("Event format version 1 (docs/event-format.md)")
struct EventFormatTests {
    /// The `name = hex` lines of the test vector in docs/event-format.md.
    static func documentedVector() throws -> [String: String] {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/event-format.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        var vector: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " = ")
            if parts.count == 2, ["body(1)", "h(1)", "body(2)", "h(2)"].contains(String(parts[0])) {
                vector[String(parts[0])] = String(parts[1])
            }
        }
        return vector
    }

    @Test("the stored bytes and hashes equal the documented test vector")
    func testVector() throws {
        let vector = try Self.documentedVector()
        #expect(vector.count == 4)
        let ledger = try TemporaryLedger(recordedBy: "opcc-clerk")
        let date = try #require(CalendarDate(iso8601: "2017-04-03"))
        let actor = ActorRef(id: "actor-0007", role: "commissioning-officer")
        let claim = IdempotencyClaim(key: "k-1", content: Array("example command".utf8))
        try ledger.store.write(idempotency: claim) { w in
            try w.append(to: "bid-0001", [
                NewEvent(eventType: "BidSubmitted", schemaVersion: 1, effectiveDate: date, actor: actor, payload: Array("example payload".utf8))
            ])
        }
        try ledger.store.write { w in
            try w.append(to: "bid-0001", [
                NewEvent(eventType: "BidEndorsed", schemaVersion: 1, effectiveDate: date, actor: actor, correlationId: "corr-1", payload: [])
            ])
        }
        try ledger.store.read { r throws in
            for n in [UInt64(1), 2] {
                let stored = try #require(try r.storedBytes(at: n))
                let hex = stored.map { String(format: "%02x", $0) }.joined()
                #expect(String(hex.dropLast(64)) == vector["body(\(n))"], "body(\(n))")
                #expect(String(hex.suffix(64)) == vector["h(\(n))"], "h(\(n))")
                #expect(try r.event(at: n)?.hash.description == vector["h(\(n))"])
            }
        }
        #expect(try ledger.store.verify().isValid)
    }

    @Test("the chain formula: h(n) from h(n−1) and the body")
    func chainFormula() throws {
        let vector = try Self.documentedVector()
        let body = try #require(vector["body(2)"]).hexBytes
        let previousHex = try #require(vector["h(1)"])
        let previous = try #require(EventHash(hex: previousHex))
        let h2 = body.withUnsafeBytes { EventHash.chain(sequence: 2, previous: previous, body: $0) }
        #expect(h2.description == vector["h(2)"])
    }
}

extension String {
    var hexBytes: [UInt8] {
        var bytes: [UInt8] = []
        var index = startIndex
        while index < endIndex {
            let next = self.index(index, offsetBy: 2)
            bytes.append(UInt8(self[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }
}
