/// The ``BinaryEncoder``'s `Encoder`: appends each value's bytes to one growing buffer.
///
/// The containers call the concrete `write` overloads for primitives, so only nested types
/// and array elements reach ``encodeValue(_:)``, which tells primitives apart by comparing
/// types (a pointer comparison) rather than by casting. Values that are ``BinaryWritable``
/// write themselves through the public `write` methods, with no containers at all.
public final class BinarySink: Encoder {
    /// What has been written so far. Unchecked for overlapping access at run time: every write
    /// of every value appends to it, only the sink's own methods touch it, and none of them
    /// calls out while it changes it.
    @exclusivity(unchecked) public private(set) var bytes: [UInt8] = []
    /// The type being encoded by ``encodeValue(_:)``: the only one that may open an unkeyed container.
    private var encodingType: Any.Type?
    public var codingPath: [any CodingKey] { [] }
    public var userInfo: [CodingUserInfoKey: Any] { [:] }

    init() { bytes.reserveCapacity(256) }

    /// A sink that writes on after `bytes`, which it takes; ``appending(to:_:)`` gives them back.
    private init(continuing bytes: inout [UInt8]) { swap(&self.bytes, &bytes) }

    /// Has `write` write onto the end of `buffer`, in place, with no buffer of its own.
    private static func appending(to buffer: inout [UInt8], _ write: (BinarySink) -> Void) {
        let sink = BinarySink(continuing: &buffer)
        write(sink)
        swap(&buffer, &sink.bytes)
    }

    /// Appends the bytes of `value` to `buffer`: what ``BinaryEncoder`` encodes it as.
    public static func append(_ value: some BinaryWritable, to buffer: inout [UInt8]) {
        appending(to: &buffer) { value.write(to: $0) }
    }

    /// Appends `value` to `buffer` as one record of a list: its bytes behind their count, a u32
    /// big-endian.
    public static func appendRecord(_ value: some BinaryWritable, to buffer: inout [UInt8]) {
        appending(to: &buffer) { sink in
            let countOffset = sink.placeCount()
            value.write(to: sink)
            sink.setCount(sink.bytes.count - countOffset - 4, at: countOffset)
        }
    }

    func encodeValue<T: Encodable>(_ value: T) throws {
        if T.self == String.self { write(value as! String) }
        else if T.self == Int64.self { write(value as! Int64) }
        else if T.self == Int32.self { write(value as! Int32) }
        else if T.self == Bool.self { write(value as! Bool) }
        else if T.self == Int.self { write(value as! Int) }
        else if T.self == UInt64.self { write(value as! UInt64) }
        else if T.self == UInt32.self { write(value as! UInt32) }
        else if T.self == UInt16.self { write(value as! UInt16) }
        else if T.self == UInt8.self { write(value as! UInt8) }
        else if T.self == Int16.self { write(value as! Int16) }
        else if T.self == Int8.self { write(value as! Int8) }
        else if T.self == UInt.self { write(value as! UInt) }
        else if T.self == Double.self || T.self == Float.self { throw BinaryEncodingError.floatingPoint }
        else {
            encodingType = T.self
            try value.encode(to: self)
        }
    }

    /// A string: its UTF-8 behind a u32 byte count.
    public func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// A bool: one byte, 0 or 1.
    public func write(_ value: Bool) { bytes.append(value ? 1 : 0) }
    public func write(_ value: UInt8) { bytes.append(value) }
    /// An `Int` as the i64 it is stored as.
    public func write(_ value: Int) { write(Int64(value)) }
    /// A `UInt` as the u64 it is stored as.
    public func write(_ value: UInt) { write(UInt64(value)) }

    /// An integer, big-endian, in its own width.
    @inlinable
    public func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.bigEndian) { append($0) }
    }

    @usableFromInline
    func append(_ raw: UnsafeRawBufferPointer) { bytes.append(contentsOf: raw) }

    /// Writes the presence byte of `value` and hands back the value to write after it, if any:
    /// what an optional property is stored as.
    @inlinable
    public func presence<T>(_ value: T?) -> T? {
        write(value != nil)
        return value
    }

    /// Where an array's count goes: written as 0 now, set by ``setCount(_:at:)`` as elements follow.
    @usableFromInline
    func placeCount() -> Int {
        write(UInt32(0))
        return bytes.count - 4
    }

    @usableFromInline
    func setCount(_ count: Int, at offset: Int) {
        guard let count = UInt32(exactly: count) else { preconditionFailure("an array of \(count) elements is over the format's u32 count") }
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: count >> (24 - 8 * index)) }
    }

    public func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedSink<Key>(sink: self))
    }

    public func unkeyedContainer() -> any UnkeyedEncodingContainer {
        guard let type = encodingType, type is any BinaryEncodableArray.Type else {
            preconditionFailure(
                "the binary payload format writes arrays as a count and elements; \(encodingType.map { "\($0)" } ?? "this value") is not an array")
        }
        encodingType = nil
        return UnkeyedSink(sink: self, countOffset: placeCount())
    }

    public func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueSink(sink: self) }
}
