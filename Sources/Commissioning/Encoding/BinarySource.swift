/// The ``BinaryDecoder``'s `Decoder`: reads values from the front of the bytes, each read checked
/// once against the bytes that are left.
///
/// The containers call the concrete `read` methods for primitives, so only nested types and
/// array elements reach ``decodeValue(_:)``, which tells primitives apart by comparing types
/// (a pointer comparison) rather than by casting. Values that are ``BinaryReadable`` read
/// themselves through the public `read` methods, with no containers at all.
public final class BinarySource: Decoder {
    @usableFromInline
    let bytes: [UInt8]
    /// Unchecked for overlapping access at run time: every read moves it, and only the source's
    /// own methods do, none calling out while they change it.
    @exclusivity(unchecked) private(set) var offset = 0
    /// The type being decoded by ``decodeValue(_:)``: the only one that may open an unkeyed container.
    private var decodingType: Any.Type?
    public var codingPath: [any CodingKey] { [] }
    public var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    @usableFromInline
    var bytesLeft: Int { bytes.count - offset }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self { return try readString() as! T }
        if T.self == Int64.self { return try readInteger(Int64.self) as! T }
        if T.self == Int32.self { return try readInteger(Int32.self) as! T }
        if T.self == Bool.self { return try readBool() as! T }
        if T.self == Int.self { return try readInt() as! T }
        if T.self == UInt64.self { return try readInteger(UInt64.self) as! T }
        if T.self == UInt32.self { return try readInteger(UInt32.self) as! T }
        if T.self == UInt16.self { return try readInteger(UInt16.self) as! T }
        if T.self == UInt8.self { return try readInteger(UInt8.self) as! T }
        if T.self == Int16.self { return try readInteger(Int16.self) as! T }
        if T.self == Int8.self { return try readInteger(Int8.self) as! T }
        if T.self == UInt.self { return try readUInt() as! T }
        if T.self == Double.self || T.self == Float.self {
            throw BinaryDecodingError(description: "floating-point values are not stored in the ledger")
        }
        decodingType = T.self
        do {
            return try T(from: self)
        } catch let redirect as ArrayRedirect where redirect === ArrayRedirect.shared {
            let array = T.self as! any BinaryDecodableArray.Type
            return try array.decodeElements(count: Int(try readInteger(UInt32.self)), from: self) as! T
        }
    }

    /// Moves past the next `count` bytes, after checking they are there.
    /// - Returns: the offset of the first of them.
    @usableFromInline
    func advance(_ count: Int) throws -> Int {
        let start = offset
        guard count <= bytes.count &- start else {
            throw BinaryDecodingError(description: "the payload ends \(count - (bytes.count - start)) bytes short at offset \(start)")
        }
        offset = start &+ count
        return start
    }

    /// An integer, big-endian, in its own width.
    @inlinable
    public func readInteger<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let start = try advance(MemoryLayout<T>.size)
        return T(bigEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: start, as: T.self) })
    }

    func readInt() throws -> Int {
        let value = try readInteger(Int64.self)
        guard let int = Int(exactly: value) else { throw BinaryDecodingError(description: "\(value) does not fit an Int here") }
        return int
    }

    func readUInt() throws -> UInt {
        let value = try readInteger(UInt64.self)
        guard let uint = UInt(exactly: value) else { throw BinaryDecodingError(description: "\(value) does not fit a UInt here") }
        return uint
    }

    /// A string: its UTF-8 behind a u32 byte count.
    public func readString() throws -> String {
        let count = Int(try readInteger(UInt32.self))
        let start = try advance(count)
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<start + count]), as: UTF8.self) }
    }

    func readStrings(count: Int) throws -> [String] {
        var strings: [String] = []
        strings.reserveCapacity(Swift.min(count, bytesLeft / 4))
        for index in 0..<count {
            do { strings.append(try readString()) } catch { throw BinaryDecodingError(error, inField: String(index)) }
        }
        return strings
    }

    /// A bool, or the presence byte of an optional: 0 or 1, nothing else.
    public func readBool() throws -> Bool {
        switch try readInteger(UInt8.self) {
        case 0: return false
        case 1: return true
        case let other: throw BinaryDecodingError(description: "presence byte \(other) at offset \(offset - 1)")
        }
    }

    /// Reads the presence byte of an optional and, when it says present, the value `read` reads.
    @inlinable
    public func readIfPresent<T>(_ read: () throws -> T) throws -> T? {
        try readBool() ? try read() : nil
    }

    public func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedSource<Key>(source: self))
    }

    /// An array's `init(from:)` asks for an unkeyed container first thing: the source stops it
    /// there (with ``ArrayRedirect``) and reads the array itself, which costs a conformance check
    /// for arrays only, not for every nested value.
    public func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let type = decodingType, type is any BinaryDecodableArray.Type else {
            throw BinaryDecodingError(description: "the binary payload format has no unkeyed containers but arrays")
        }
        decodingType = nil
        throw ArrayRedirect.shared
    }

    public func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValueSource(source: self) }
}

/// Thrown by ``BinarySource/unkeyedContainer()`` to hand an array back to the source; one
/// shared instance, so the throw allocates nothing.
final class ArrayRedirect: Error, Sendable {
    static let shared = ArrayRedirect()
}
