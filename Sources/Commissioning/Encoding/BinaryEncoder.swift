/// Encodes `Encodable` values into the ledger's compact binary payload format
/// (docs/payload-format.md): stored properties in declaration order, integers big-endian and
/// fixed width, strings and arrays behind a u32 count, optionals behind a presence byte.
/// Keys are not written; the schema version of the event type says which fields follow.
public struct BinaryEncoder {
    public init() {}

    /// The bytes of `value`.
    /// - Complexity: O(n) in the encoded size; primitives are written without dynamic casts.
    public func encode(_ value: some Encodable) throws -> [UInt8] {
        let sink = BinarySink()
        try write(value, to: sink)
        return sink.bytes
    }

    /// Writes `value` itself when it is ``BinaryWritable`` (one check of its type, resolved
    /// when the compiler knows the type), and through its `Encodable` conformance otherwise.
    private func write(_ value: some Encodable, to sink: BinarySink) throws {
        if let writable = value as? any BinaryWritable {
            writable.write(to: sink)
        } else {
            try sink.encodeValue(value)
        }
    }
}

/// Why a value cannot be written in the binary format.
public struct BinaryEncodingError: Error, CustomStringConvertible {
    public let description: String

    static let floatingPoint = BinaryEncodingError(
        description: "floating-point values are not stored in the ledger; use integer pence")
}
