import Commissioning
import DemoHistory
import Foundation
import LedgerStore
import Testing

/// Every stored payload of seeded demo histories, through the codec both ways: the bytes on disk
/// decode to an event that encodes to the same bytes, and that event decodes to itself.
@Suite("Stored demo payloads round-trip through the binary codec")
struct PayloadRoundTripTests {
    @Test("decode(bytes) re-encodes to bytes, and decode(encode(event)) == event", arguments: [UInt64(3), 2017])
    func everyStoredPayload(seed: UInt64) throws {
        try DemoHistoryTests.withDemo(seed: seed) { summary, store in
            var checked = 0
            try store.read { reader in
                try reader.forEachEvent { envelope in
                    let event = try CommissioningEvent(envelope)
                    let encoded = try event.payload.encoded()
                    #expect(encoded == envelope.payload, "event \(envelope.sequence) (\(envelope.eventType), seed \(seed)) re-encodes differently")
                    let again = try CommissioningEvent.decode(
                        eventType: envelope.eventType, schemaVersion: envelope.schemaVersion, payload: encoded)
                    #expect(again == event, "event \(envelope.sequence) (\(envelope.eventType), seed \(seed)) decodes differently")
                    checked += 1
                }
            }
            #expect(UInt64(checked) == summary.events)
        }
    }
}
