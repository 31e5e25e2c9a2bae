/// The stored bytes of an envelope, format version 1 (docs/event-format.md).
///
/// `body` is every field but the hash, in the order below, integers big-endian, strings UTF-8
/// behind a u16 length; the stored value is `body ‖ h(n)`.
extension Envelope {
    /// The envelope format this build writes and reads.
    public static let formatVersion: UInt8 = 1

    public static let stringBytesMax = 1024
    public static let payloadBytesMax = 1 << 20

    /// Byte count of the stored envelope (body ‖ hash) ``encodeStored`` writes for these fields.
    static func storedByteCount(
        streamId: String, recordedBy: String, idempotencyKey: String?, commandDigest: EventHash?, event: borrowing NewEvent
    ) -> Int {
        // format version, sequence, stream version, recorded at, effective date, schema version
        let fixed = 1 + 8 + 8 + 8 + 4 + 2
        let strings =
            InPlaceByteWriter.string16Bytes(streamId) + InPlaceByteWriter.string16Bytes(event.eventType)
            + InPlaceByteWriter.string16Bytes(recordedBy) + InPlaceByteWriter.string16Bytes(event.actor.id)
            + InPlaceByteWriter.string16Bytes(event.actor.role) + InPlaceByteWriter.string16Bytes(event.correlationId ?? "")
            + InPlaceByteWriter.string16Bytes(event.causationId ?? "") + InPlaceByteWriter.string16Bytes(idempotencyKey ?? "")
        let digest = 1 + (commandDigest == nil ? 0 : EventHash.byteCount)
        return fixed + strings + digest + 4 + event.payload.count + EventHash.byteCount
    }

    /// Encodes the body (the bytes the hash covers) and then `h(sequence)` into `stored`, which
    /// must be ``storedByteCount`` bytes; returns the hash.
    static func encodeStored(
        sequence: UInt64, streamId: String, streamVersion: UInt64, recordedAt: LedgerInstant,
        recordedBy: String, idempotencyKey: String?, commandDigest: EventHash?, event: borrowing NewEvent,
        previous: EventHash, into stored: UnsafeMutableRawBufferPointer
    ) -> EventHash {
        var w = InPlaceByteWriter(stored)
        w.u8(formatVersion)
        w.u64(sequence)
        w.u64(streamVersion)
        w.i64(recordedAt.microsecondsSinceEpoch)
        w.i32(event.effectiveDate.daysSinceEpoch)
        w.u16(event.schemaVersion)
        w.string16(streamId)
        w.string16(event.eventType)
        w.string16(recordedBy)
        w.string16(event.actor.id)
        w.string16(event.actor.role)
        w.string16(event.correlationId ?? "")
        w.string16(event.causationId ?? "")
        w.string16(idempotencyKey ?? "")
        if let commandDigest {
            w.u8(UInt8(EventHash.byteCount))
            commandDigest.withUnsafeBytes { w.raw($0) }
        } else {
            w.u8(0)
        }
        w.bytes32(event.payload)
        let hash = EventHash.chain(
            sequence: sequence, previous: previous, body: UnsafeRawBufferPointer(rebasing: stored[..<w.count]))
        hash.withUnsafeBytes { w.raw($0) }
        precondition(w.isFull, "an envelope of \(w.count) bytes in \(stored.count) sized for it")
        return hash
    }

    /// Why stored bytes are not an envelope.
    public struct DecodingError: Error, CustomStringConvertible {
        public let detail: String
        public var description: String { detail }
    }

    /// Decodes stored bytes (body ‖ hash), checking lengths, version and ranges.
    init(stored: UnsafeRawBufferPointer) throws {
        let header = try EnvelopeHeader(stored: stored)
        var r = header.afterStreamId
        do {
            let eventType = try r.string16("eventType")
            let recordedBy = try r.string16("recordedBy")
            let actorId = try r.string16("actor.id")
            let actorRole = try r.string16("actor.role")
            let correlation = try r.string16("correlationId")
            let causation = try r.string16("causationId")
            let key = try r.string16("idempotencyKey")
            let digestLength = Int(try r.u8("commandDigest"))
            guard digestLength == 0 || digestLength == EventHash.byteCount else {
                throw DecodingError(detail: "command digest of \(digestLength) bytes")
            }
            let digest = digestLength == 0 ? nil : EventHash(bytes: try r.raw(digestLength, "commandDigest"))
            let payload = Array(try r.bytes32("payload"))
            guard r.remaining == 0 else {
                throw DecodingError(detail: "\(r.remaining) unexpected bytes between the payload and the hash")
            }
            self.init(
                sequence: header.sequence, streamId: String(decoding: header.streamId, as: UTF8.self),
                streamVersion: header.streamVersion, eventType: eventType, schemaVersion: header.schemaVersion,
                recordedAt: header.recordedAt, recordedBy: recordedBy, effectiveDate: header.effectiveDate,
                actor: ActorRef(id: actorId, role: actorRole),
                correlationId: correlation.isEmpty ? nil : correlation,
                causationId: causation.isEmpty ? nil : causation,
                idempotencyKey: key.isEmpty ? nil : key, commandDigest: digest, payload: payload,
                hash: header.hash)
        } catch let overrun as ByteReader.Overrun {
            throw DecodingError(detail: "the envelope ends inside its \(overrun.field) field")
        }
    }
}

/// The fixed fields of a stored envelope, read in place without copying: what `verify` and the
/// indexes need for every event.
struct EnvelopeHeader {
    let sequence: UInt64
    let streamVersion: UInt64
    let recordedAt: LedgerInstant
    let effectiveDate: CalendarDate
    let schemaVersion: UInt16
    let streamId: UnsafeRawBufferPointer
    /// The bytes the hash covers.
    let body: UnsafeRawBufferPointer
    let hash: EventHash
    /// A reader positioned after the stream id.
    let afterStreamId: ByteReader

    init(stored: UnsafeRawBufferPointer) throws {
        guard stored.count > EventHash.byteCount + 1 else {
            throw Envelope.DecodingError(detail: "a stored envelope of \(stored.count) bytes is too short")
        }
        body = UnsafeRawBufferPointer(rebasing: stored[..<(stored.count - EventHash.byteCount)])
        hash = EventHash(bytes: UnsafeRawBufferPointer(rebasing: stored[(stored.count - EventHash.byteCount)...]))
        var r = ByteReader(body)
        do {
            let version = try r.u8("formatVersion")
            guard version == Envelope.formatVersion else {
                throw Envelope.DecodingError(
                    detail: "envelope format version \(version); this build reads version \(Envelope.formatVersion)")
            }
            sequence = try r.u64("sequence")
            streamVersion = try r.u64("streamVersion")
            recordedAt = LedgerInstant(microsecondsSinceEpoch: try r.i64("recordedAt"))
            effectiveDate = CalendarDate(daysSinceEpoch: try r.i32("effectiveDate"))
            schemaVersion = try r.u16("schemaVersion")
            streamId = try r.string16Bytes("streamId")
        } catch let overrun as ByteReader.Overrun {
            throw Envelope.DecodingError(detail: "the envelope ends inside its \(overrun.field) field")
        }
        afterStreamId = r
    }

    static let fieldsBeforeIdempotencyKey = ["eventType", "recordedBy", "actor.id", "actor.role", "correlationId", "causationId"]

    /// The idempotency key and command digest, reading on from the stream id.
    func idempotency() throws -> (key: UnsafeRawBufferPointer, digest: EventHash?) {
        var r = afterStreamId
        do {
            for field in Self.fieldsBeforeIdempotencyKey {
                _ = try r.string16Bytes(field)
            }
            let key = try r.string16Bytes("idempotencyKey")
            let length = Int(try r.u8("commandDigest"))
            guard length == 0 || length == EventHash.byteCount else {
                throw Envelope.DecodingError(detail: "command digest of \(length) bytes")
            }
            return (key, length == 0 ? nil : EventHash(bytes: try r.raw(length, "commandDigest")))
        } catch let overrun as ByteReader.Overrun {
            throw Envelope.DecodingError(detail: "the envelope ends inside its \(overrun.field) field")
        }
    }
}
