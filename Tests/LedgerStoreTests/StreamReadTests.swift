import DemoHistory
import LedgerStore
import Testing

/// Reads by stream walk back from each stream's head along the stream links: after any
/// interleaving of appends they must give what a plain model of the log gives.
@Suite("Reading by stream after interleaved appends")
struct StreamReadTests {
    /// What the ledger should hold: each stream's payloads in order, and each event's sequence.
    struct Model {
        var streams: [String: [(sequence: UInt64, payload: String)]] = [:]
        var events: UInt64 = 0

        func version(_ stream: String) -> UInt64 { UInt64(streams[stream]?.count ?? 0) }

        mutating func append(_ stream: String, _ payloads: [String]) -> [UInt64] {
            payloads.map { payload in
                events += 1
                streams[stream, default: []].append((events, payload))
                return events
            }
        }
    }

    /// One seeded history: writes of a few appends each, to streams drawn from a small set (so
    /// some grow long) with prefix-sharing ids, some with an expected version (right or wrong),
    /// some with an idempotency key that is then retried, and some refused after appending.
    static func history(seed: UInt64) throws -> (TemporaryLedger, Model) {
        var random = SplitMix64(seed: seed)
        let streamIds = (1...Int.random(in: 2...30, using: &random)).map { "s-\($0)" }
        let ledger = try TemporaryLedger()
        var model = Model()
        struct Refused: Error {}
        for write in 0..<Int.random(in: 20...80, using: &random) {
            var pending = model
            let claim = Bool.random(using: &random) ? IdempotencyClaim(key: "k-\(seed)-\(write)", content: [UInt8(write & 0xff)]) : nil
            let refuse = Int.random(in: 0..<10, using: &random) == 0
            let appends = (0..<Int.random(in: 1...4, using: &random)).map { append in
                let stream = streamIds.randomElement(using: &random)!
                let payloads = (0..<Int.random(in: 1...3, using: &random)).map { "\(write).\(append).\($0)" }
                return (stream, payloads, Int.random(in: 0..<4, using: &random))
            }
            let outcome = try? ledger.store.write(idempotency: claim) { w in
                for (stream, payloads, expectation) in appends {
                    let current = pending.version(stream)
                    switch expectation {
                    case 0:
                        let wrong = current + 1
                        #expect(throws: LedgerError.wrongExpectedVersion(streamId: stream, expected: .exactly(wrong), current: current)) {
                            try w.append(to: stream, expectedVersion: .exactly(wrong), payloads.map { testEvent(payload: $0) })
                        }
                    case 1:
                        let sequences = try w.append(to: stream, expectedVersion: .exactly(current), payloads.map { testEvent(payload: $0) })
                        #expect(sequences == pending.append(stream, payloads))
                    default:
                        let sequences = try w.append(to: stream, payloads.map { testEvent(payload: $0) })
                        #expect(sequences == pending.append(stream, payloads))
                    }
                    // The writer reads its own appends.
                    #expect(try Self.payloads(w, stream) == pending.streams[stream, default: []].map(\.payload))
                }
                if refuse { throw Refused() }
            }
            #expect((outcome == nil) == refuse)
            guard let outcome else { continue }
            let sequences = outcome.sequences
            model = pending
            // A write that appended nothing records no key (IdempotencyTests); one that did replays.
            if let claim, !sequences.isEmpty {
                let retry = try ledger.store.write(idempotency: claim) { w in try w.append(to: "never-written", [testEvent()]) }
                #expect(retry.wasReplayed)
                #expect(retry.sequences == sequences)
            }
        }
        return (ledger, model)
    }

    static func payloads(_ reader: LedgerReader, _ stream: String, from version: UInt64 = 1) throws -> [String] {
        var payloads: [String] = []
        try reader.forEachEvent(inStream: stream, fromVersion: version) { payloads.append(String(decoding: $0.payload, as: UTF8.self)) }
        return payloads
    }

    /// Every stream, from every version, equals the model; so do versions and sequences.
    static func expectMatches(_ ledger: TemporaryLedger, _ model: Model) throws {
        try ledger.store.read { r throws in
            #expect(try r.eventCount() == model.events)
            #expect(try r.streamVersion("never-written") == 0)
            #expect(try payloads(r, "never-written") == [])
            for (stream, events) in model.streams {
                #expect(try r.streamVersion(stream) == UInt64(events.count))
                for from in 0...(events.count + 1) {
                    let expected = events.dropFirst(max(from, 1) - 1).map(\.payload)
                    #expect(try payloads(r, stream, from: UInt64(from)) == expected, "\(stream) from version \(from)")
                }
                var seen: [(UInt64, UInt64)] = []
                try r.forEachEvent(inStream: stream) { seen.append(($0.sequence, $0.streamVersion)) }
                #expect(seen.map(\.0) == events.map(\.sequence))
                #expect(seen.map(\.1) == Array(1...UInt64(events.count)))
                // A walk that stops: its events up to the one the body declined to go past.
                for stop in 1...events.count {
                    var visited: [UInt64] = []
                    try r.visitEvents(inStream: stream, while: { visited.append($0.sequence); return visited.count < stop })
                    #expect(visited == events.prefix(stop).map(\.sequence), "\(stream) stopping at its event \(stop)")
                }
            }
            for stop in [1, Int(model.events) / 2, Int(model.events)] where stop > 0 {
                var visited: [UInt64] = []
                try r.visitEvents(from: 1, while: { visited.append($0.sequence); return visited.count < stop })
                #expect(visited == Array(1...UInt64(stop)), "the log stopping at event \(stop)")
            }
        }
    }

    static let seeds: [UInt64] = [1, 2, 3, 17, 2018, 20_170_403, 0xC1ED, 0xFFFF_FFFF]

    @Test("stream reads, versions and sequences equal a plain model of the log, and verify passes", arguments: seeds)
    func interleavedHistory(seed: UInt64) throws {
        let (ledger, model) = try Self.history(seed: seed)
        try Self.expectMatches(ledger, model)
        #expect(try ledger.store.verify().problems == [])
        try ledger.reopen()
        try Self.expectMatches(ledger, model)
    }

    @Test("a stream link changed on disk: reading that stream reports damage instead of another stream's events")
    func damagedLinkOnRead() throws {
        let ledger = try TamperTests.ledgerOfNineEvents()
        try TamperTests.tamper(ledger, .link(byteIndex: 7, mask: 0x01, pointsAt: 3))
        try ledger.store.read { r throws in
            #expect(throws: LedgerError.damaged(
                path: ledger.directory, detail: "stream bid-2 version 1 is linked to event 3, which is bid-3 version 1")) {
                try Self.payloads(r, "bid-2")
            }
            // From past the damaged link, the walk does not meet it.
            #expect(try Self.payloads(r, "bid-2", from: 2).count == 2)
            #expect(try Self.payloads(r, "bid-1").count == 3)
        }
    }

    @Test("a stream head whose version was garbled: reading or appending to that stream reports damage")
    func damagedHeadOnRead() throws {
        let ledger = try TamperTests.ledgerOfNineEvents()
        try TamperTests.tamper(ledger, .head(byteIndex: 0, mask: 0x80, version: 0x8000_0000_0000_0003))
        try ledger.store.read { r throws in
            #expect(try r.streamVersion("bid-2") == 0x8000_0000_0000_0003)
            #expect(throws: LedgerError.damaged(
                path: ledger.directory,
                detail: "the stream head of bid-2 says version 9223372036854775811 at event 8, more events than the log held then")) {
                try Self.payloads(r, "bid-2")
            }
        }
        #expect(throws: LedgerError.damaged(
            path: ledger.directory,
            detail: "the stream head of bid-2 says version 9223372036854775811 at event 8, which a log of 9 events cannot hold")) {
            try ledger.store.write { w in try w.append(to: "bid-2", [testEvent()]) }
        }
        #expect(try ledger.store.read { try $0.eventCount() } == 9)
    }
}
