import Commissioning
import LedgerStore

/// An event as a projection folds it: the stored envelope (sequence, recorded and effective
/// times, actor, hash) and its payload, decoded once and then shared by every projection
/// folding the same event.
///
/// A class, so that handing an event to each fold costs one reference count, not one for each
/// string of its envelope. `@unchecked Sendable`: the only mutation is the first decode of the
/// payload, and an event is shared across threads only once it is decoded
/// (``init(decodingNow:)``).
public final class RecordedEvent: @unchecked Sendable {
    public let envelope: Envelope
    /// The payload decoded, or why it cannot be; nil until a projection first asks for it.
    /// Unchecked for overlapping access at run time: every fold reads it for most events, and
    /// only ``event`` touches it.
    @exclusivity(unchecked) private var decoded: Result<CommissioningEvent, any Error>?

    /// The event of `envelope`, its payload decoded the first time a projection asks for it.
    public init(_ envelope: Envelope) {
        self.envelope = envelope
    }

    /// The event of `envelope` with its payload decoded now (or the reason it cannot be, thrown
    /// when a projection asks for it): nothing changes it afterwards, so threads may share it.
    public init(decodingNow envelope: Envelope) {
        self.envelope = envelope
        decoded = Result { try CommissioningEvent(envelope) }
    }

    public init(envelope: Envelope, event: CommissioningEvent) {
        self.envelope = envelope
        decoded = .success(event)
    }

    /// The decoded payload.
    /// - Throws: ``PayloadDecodingError`` when the stored payload is not what its type says.
    public var event: CommissioningEvent {
        get throws {
            if let decoded { return try decoded.get() }
            let result = Result { try CommissioningEvent(envelope) }
            decoded = result
            return try result.get()
        }
    }

    public var sequence: UInt64 { envelope.sequence }
    public var effectiveDate: CalendarDate { envelope.effectiveDate }
}
