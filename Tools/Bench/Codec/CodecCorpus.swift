import Commissioning
import LedgerStore

/// The stored payloads of a demo history, their events, and one row per event: what the codec
/// benchmark encodes and decodes.
struct CodecCorpus {
    var stored: [(eventType: String, schemaVersion: UInt16, payload: [UInt8])] = []
    var events: [CommissioningEvent] = []
    var rows: [CodecBenchRow] = []
    var encodedRows: [[UInt8]] = []

    /// Why the corpus cannot be measured: the codec does not give back what it read.
    struct Mismatch: Error, CustomStringConvertible {
        let description: String
    }

    /// Reads every event of the ledger at `path` and checks that each payload re-encodes to
    /// its stored bytes and each row decodes to itself, so the timings are of correct work.
    init(ledger path: String) throws {
        let store = try LedgerStore(path: path, options: DemoHistories.readOnly)
        try store.read { reader in
            try reader.forEachEvent { envelope in
                stored.append((envelope.eventType, envelope.schemaVersion, envelope.payload))
                rows.append(CodecBenchRow(envelope))
            }
        }
        for (index, entry) in stored.enumerated() {
            let event = try CommissioningEvent.decode(eventType: entry.eventType, schemaVersion: entry.schemaVersion, payload: entry.payload)
            guard try event.payload.encoded() == entry.payload else {
                throw Mismatch(description: "event \(index + 1) (\(entry.eventType)) does not re-encode to its stored bytes")
            }
            events.append(event)
        }
        encodedRows = try rows.map { try BinaryEncoder().encode($0) }
        for (row, bytes) in zip(rows, encodedRows) where try BinaryDecoder().decode(CodecBenchRow.self, from: bytes) != row {
            throw Mismatch(description: "row \(row.sequence) does not decode to itself")
        }
    }

    var payloadBytes: Int { stored.reduce(0) { $0 + $1.payload.count } }
    var rowBytes: Int { encodedRows.reduce(0) { $0 + $1.count } }
}
