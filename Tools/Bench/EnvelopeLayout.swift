import LedgerStore

/// The stored bytes of an envelope, written here the way the store writes them (envelope format
/// version 1: `Envelope.encodeStored` in Sources/LedgerStore/Envelope/Envelope+Encoding.swift,
/// described in docs/event-format.md), so that the C loop puts and the chain loop hashes exactly
/// what the store stores.
///
/// The benchmark checks the mirror on every store run: the last hash of the chain built over these
/// bytes must equal the head hash the store reports.
enum EnvelopeLayout {
    /// The 32-byte hash that follows the body.
    static let hashBytes = 32

    /// Appends the body of an envelope without idempotency key, correlation or causation id:
    /// a header (format version, sequence, stream version, recordedAt, effective date, schema
    /// version), then eight u16-length strings, a zero digest length and the u32-length payload.
    static func appendBody(
        sequence: UInt64, streamId: String, streamVersion: UInt64, recordedAt: LedgerInstant, recordedBy: String,
        event: NewEvent, to bytes: inout [UInt8]
    ) {
        bytes.append(Envelope.formatVersion)
        appendBigEndian(sequence, to: &bytes)
        appendBigEndian(streamVersion, to: &bytes)
        appendBigEndian(UInt64(bitPattern: recordedAt.microsecondsSinceEpoch), to: &bytes)
        appendBigEndian(UInt32(bitPattern: event.effectiveDate.daysSinceEpoch), to: &bytes)
        appendBigEndian(event.schemaVersion, to: &bytes)
        for text in [
            streamId, event.eventType, recordedBy, event.actor.id, event.actor.role,
            event.correlationId ?? "", event.causationId ?? "", "",
        ] {
            appendBigEndian(UInt16(text.utf8.count), to: &bytes)
            bytes.append(contentsOf: text.utf8)
        }
        bytes.append(0)  // no command digest
        appendBigEndian(UInt32(event.payload.count), to: &bytes)
        bytes.append(contentsOf: event.payload)
    }

    /// The length of the stored envelope (body ‖ hash).
    static func storedBytes(streamId: String, recordedBy: String, event: NewEvent) -> Int {
        var bytes: [UInt8] = []
        appendBody(
            sequence: 1, streamId: streamId, streamVersion: 1, recordedAt: LedgerInstant(microsecondsSinceEpoch: 0),
            recordedBy: recordedBy, event: event, to: &bytes)
        return bytes.count + hashBytes
    }

    /// Appends `value` most significant byte first.
    static func appendBigEndian<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }
}
