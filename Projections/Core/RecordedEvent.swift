import Commissioning
import LedgerStore

/// An event as a projection folds it: the stored envelope (sequence, recorded and effective
/// times, actor, hash) and its payload, decoded the first time a projection asks for it and
/// then shared by every projection folding the same event.
public struct RecordedEvent: Sendable {
    public let envelope: Envelope
    private let payload: DecodedOnce

    public init(_ envelope: Envelope) {
        self.envelope = envelope
        payload = DecodedOnce()
    }

    public init(envelope: Envelope, event: CommissioningEvent) {
        self.envelope = envelope
        payload = DecodedOnce(event)
    }

    /// The decoded payload.
    /// - Throws: ``PayloadDecodingError`` when the stored payload is not what its type says.
    public var event: CommissioningEvent {
        get throws { try payload.value(envelope) }
    }

    public var sequence: UInt64 { envelope.sequence }
    public var effectiveDate: CalendarDate { envelope.effectiveDate }
}

/// A payload decoded at most once. `@unchecked Sendable`: a fold runs on one thread, and the
/// only mutation is the first decode.
private final class DecodedOnce: @unchecked Sendable {
    private var decoded: CommissioningEvent?

    init(_ decoded: CommissioningEvent? = nil) { self.decoded = decoded }

    func value(_ envelope: Envelope) throws -> CommissioningEvent {
        if let decoded { return decoded }
        let event = try CommissioningEvent(envelope)
        decoded = event
        return event
    }
}
