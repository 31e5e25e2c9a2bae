import Commissioning
import LedgerStore

/// An event as a projection folds it: the stored envelope (sequence, recorded and effective
/// times, actor, hash) and its payload, decoded once and then shared by every projection
/// folding the same event.
///
/// A class, so that handing an event to each fold costs one reference count, not one for each
/// string of its envelope.
public final class RecordedEvent: Sendable {
    public let envelope: Envelope
    private let payload: DecodedOnce

    /// The event of `envelope`, its payload decoded the first time a projection asks for it.
    public init(_ envelope: Envelope) {
        self.envelope = envelope
        payload = DecodedOnce()
    }

    /// The event of `envelope` with its payload decoded now (or the reason it cannot be, thrown
    /// when a projection asks for it): nothing changes it afterwards, so threads may share it.
    public init(decodingNow envelope: Envelope) {
        self.envelope = envelope
        payload = DecodedOnce(Result { try CommissioningEvent(envelope) })
    }

    public init(envelope: Envelope, event: CommissioningEvent) {
        self.envelope = envelope
        payload = DecodedOnce(.success(event))
    }

    /// The decoded payload.
    /// - Throws: ``PayloadDecodingError`` when the stored payload is not what its type says.
    public var event: CommissioningEvent {
        get throws { try payload.value(envelope) }
    }

    public var sequence: UInt64 { envelope.sequence }
    public var effectiveDate: CalendarDate { envelope.effectiveDate }
}

/// A payload decoded at most once. `@unchecked Sendable`: the only mutation is the first decode,
/// and an event is shared across threads only once it is decoded (``RecordedEvent/init(decodingNow:)``).
private final class DecodedOnce: @unchecked Sendable {
    private var decoded: Result<CommissioningEvent, any Error>?

    init(_ decoded: Result<CommissioningEvent, any Error>? = nil) { self.decoded = decoded }

    func value(_ envelope: Envelope) throws -> CommissioningEvent {
        if let decoded { return try decoded.get() }
        let result = Result { try CommissioningEvent(envelope) }
        decoded = result
        return try result.get()
    }
}
