import Commissioning
import LedgerStore

/// An event as a projection folds it: the stored envelope (sequence, recorded and effective
/// times, actor, hash) and its decoded payload.
public struct RecordedEvent: Sendable {
    public let envelope: Envelope
    public let event: CommissioningEvent

    public init(_ envelope: Envelope) throws {
        self.envelope = envelope
        event = try CommissioningEvent(envelope)
    }

    public init(envelope: Envelope, event: CommissioningEvent) {
        self.envelope = envelope
        self.event = event
    }

    public var sequence: UInt64 { envelope.sequence }
    public var effectiveDate: CalendarDate { envelope.effectiveDate }
}
