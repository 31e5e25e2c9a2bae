import LedgerStore

/// The payload of one kind of event: its type name and schema version travel in the envelope;
/// its fields are encoded by ``BinaryEncoder`` (docs/payload-format.md).
public protocol EventPayload: Codable, Sendable, Hashable {
    static var eventType: String { get }
    static var schemaVersion: UInt16 { get }
}

extension EventPayload {
    /// The bytes stored as the envelope's payload.
    public func encoded() throws -> [UInt8] { try BinaryEncoder().encode(self) }
}

/// A stored payload that cannot be read as its event type says.
public struct PayloadDecodingError: Error, CustomStringConvertible {
    public let eventType: String
    public let detail: String
    public var description: String { "\(eventType) payload: \(detail)" }
}

extension CommissioningEvent {
    /// Decodes the payload of a stored envelope.
    public init(_ envelope: Envelope) throws {
        self = try Self.decode(eventType: envelope.eventType, schemaVersion: envelope.schemaVersion, payload: envelope.payload)
    }
}
