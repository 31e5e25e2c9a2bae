/// Decodes what ``BinaryEncoder`` wrote, checking every length against the bytes there.
public struct BinaryDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let source = BinarySource(bytes)
        let value = try source.decodeValue(type)
        guard source.offset == bytes.count else {
            throw BinaryDecodingError(description: "\(bytes.count - source.offset) bytes left over after a \(T.self)")
        }
        return value
    }
}

/// Why bytes are not a value of the expected type.
public struct BinaryDecodingError: Error, CustomStringConvertible {
    public let description: String
}

protocol BinaryDecodableArray {
    static func decodeElements(count: Int, from source: BinarySource) throws -> Self
}

extension Array: BinaryDecodableArray where Element: Decodable {
    static func decodeElements(count: Int, from source: BinarySource) throws -> [Element] {
        var out: [Element] = []
        out.reserveCapacity(Swift.min(count, 1024))
        for _ in 0..<count { out.append(try source.decodeValue(Element.self)) }
        return out
    }
}

final class BinarySource: Decoder {
    let bytes: [UInt8]
    var offset = 0
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - offset else {
            throw BinaryDecodingError(description: "the payload ends \(count) bytes short at offset \(offset)")
        }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    func readInteger<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        try take(MemoryLayout<T>.size).reduce(T.zero) { $0 << 8 | T(truncatingIfNeeded: $1) }
    }

    func readString() throws -> String {
        let count = Int(try readInteger(UInt32.self))
        return String(decoding: try take(count), as: UTF8.self)
    }

    func readPresence() throws -> Bool {
        switch try readInteger(UInt8.self) {
        case 0: return false
        case 1: return true
        case let other: throw BinaryDecodingError(description: "presence byte \(other) at offset \(offset - 1)")
        }
    }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        switch type {
        case is String.Type: return try readString() as! T
        case is Bool.Type: return try readPresence() as! T
        case is Int.Type: return Int(try readInteger(Int64.self)) as! T
        case is Int64.Type: return try readInteger(Int64.self) as! T
        case is Int32.Type: return try readInteger(Int32.self) as! T
        case is Int16.Type: return try readInteger(Int16.self) as! T
        case is Int8.Type: return try readInteger(Int8.self) as! T
        case is UInt.Type: return UInt(try readInteger(UInt64.self)) as! T
        case is UInt64.Type: return try readInteger(UInt64.self) as! T
        case is UInt32.Type: return try readInteger(UInt32.self) as! T
        case is UInt16.Type: return try readInteger(UInt16.self) as! T
        case is UInt8.Type: return try readInteger(UInt8.self) as! T
        case let array as BinaryDecodableArray.Type:
            let count = Int(try readInteger(UInt32.self))
            return try array.decodeElements(count: count, from: self) as! T
        default:
            return try T(from: self)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedSource<Key>(source: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw BinaryDecodingError(description: "the binary payload format has no unkeyed containers but arrays")
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValueSource(source: self) }
}

private struct KeyedSource<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let source: BinarySource
    var codingPath: [any CodingKey] { source.codingPath }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { !(try source.readPresence()) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try source.decodeValue(type) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try optional(type) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optional(type) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optional(type) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optional(type) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optional(type) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try optional(type) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try optional(type) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try optional(type) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try optional(type) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try optional(type) }

    private func optional<T: Decodable>(_ type: T.Type) throws -> T? {
        try source.readPresence() ? try source.decodeValue(type) : nil
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try source.container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try source.unkeyedContainer() }
    func superDecoder() throws -> any Decoder { source }
    func superDecoder(forKey key: Key) throws -> any Decoder { source }
}

private struct SingleValueSource: SingleValueDecodingContainer {
    let source: BinarySource
    var codingPath: [any CodingKey] { source.codingPath }

    /// Optionals are stored only as properties (with a presence byte the keyed container reads).
    func decodeNil() -> Bool { false }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try source.decodeValue(type) }
}
