/// Encodes `Encodable` values into the ledger's compact binary payload format
/// (docs/payload-format.md): stored properties in declaration order, integers big-endian and
/// fixed width, strings and arrays behind a u32 count, optionals behind a presence byte.
/// Keys are not written; the schema version of the event type says which fields follow.
public struct BinaryEncoder {
    public init() {}

    public func encode(_ value: some Encodable) throws -> [UInt8] {
        let sink = BinarySink()
        try sink.encodeValue(value)
        return sink.bytes
    }
}

/// Why a value cannot be written in the binary format.
public struct BinaryEncodingError: Error, CustomStringConvertible {
    public let description: String
}

/// Arrays are written as a count and their elements.
protocol BinaryEncodableArray {
    func encodeElements(into sink: BinarySink) throws
    var elementCount: Int { get }
}

extension Array: BinaryEncodableArray where Element: Encodable {
    func encodeElements(into sink: BinarySink) throws {
        for element in self { try sink.encodeValue(element) }
    }
    var elementCount: Int { count }
}

final class BinarySink: Encoder {
    var bytes: [UInt8] = []
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init() { bytes.reserveCapacity(128) }

    func encodeValue(_ value: some Encodable) throws {
        switch value {
        case let v as String: writeString(v)
        case let v as Bool: bytes.append(v ? 1 : 0)
        case let v as Int: writeInteger(Int64(v))
        case let v as Int64: writeInteger(v)
        case let v as Int32: writeInteger(v)
        case let v as Int16: writeInteger(v)
        case let v as Int8: writeInteger(v)
        case let v as UInt: writeInteger(UInt64(v))
        case let v as UInt64: writeInteger(v)
        case let v as UInt32: writeInteger(v)
        case let v as UInt16: writeInteger(v)
        case let v as UInt8: bytes.append(v)
        case is Double, is Float:
            throw BinaryEncodingError(description: "floating-point values are not stored in the ledger; use integer pence")
        case let array as BinaryEncodableArray:
            writeInteger(UInt32(array.elementCount))
            try array.encodeElements(into: self)
        default:
            try value.encode(to: self)
        }
    }

    func writeInteger<T: FixedWidthInteger>(_ v: T) {
        var big = v.bigEndian
        withUnsafeBytes(of: &big) { bytes.append(contentsOf: $0) }
    }

    func writeString(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            writeInteger(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedSink<Key>(sink: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("the binary payload format writes arrays as a count and elements; wrap other sequences in an array")
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueSink(sink: self) }
}

private struct KeyedSink<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: BinarySink
    var codingPath: [any CodingKey] { sink.codingPath }

    mutating func encodeNil(forKey key: Key) throws { sink.bytes.append(0) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws { try sink.encodeValue(value) }

    mutating func encodeIfPresent(_ value: (some Encodable)?, forKey key: Key) throws {
        guard let value else { sink.bytes.append(0); return }
        sink.bytes.append(1)
        try sink.encodeValue(value)
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOptional(value) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOptional(value) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOptional(value) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encodeOptional(value) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encodeOptional(value) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try encodeOptional(value) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try encodeOptional(value) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try encodeOptional(value) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try encodeOptional(value) }

    private func encodeOptional(_ value: (some Encodable)?) throws {
        guard let value else { sink.bytes.append(0); return }
        sink.bytes.append(1)
        try sink.encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        sink.container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { sink.unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { sink }
    mutating func superEncoder(forKey key: Key) -> any Encoder { sink }
}

private struct SingleValueSink: SingleValueEncodingContainer {
    let sink: BinarySink
    var codingPath: [any CodingKey] { sink.codingPath }

    mutating func encodeNil() throws {
        throw BinaryEncodingError(description: "optionals are stored only as properties of a payload")
    }
    mutating func encode(_ value: some Encodable) throws { try sink.encodeValue(value) }
}
