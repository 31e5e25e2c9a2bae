/// A value that writes its binary form itself: exactly the bytes its `Encodable` conformance
/// gives, without Codable's containers. Each keyed container costs an allocation and two
/// lookups of generic type metadata, which for the facts and payloads a rebuild writes and
/// reads most (a score, a movement of money) is most of the cost. ``BinaryEncoder`` uses the
/// value's own writing whenever it has one.
///
/// The conformance keeps the fields in declaration order, as the synthesized `Encodable` does;
/// `Tests/ProjectionsTests/HandWrittenCodecTests.swift` checks the two give the same bytes.
public protocol BinaryWritable: Encodable {
    func write(to sink: BinarySink)
}

/// A value that reads its binary form itself: what its `Decodable` conformance reads, with the
/// same checks and the same field names in errors, without Codable's containers.
/// ``BinaryDecoder`` uses the type's own reading whenever it has one.
public protocol BinaryReadable: Decodable {
    init(reading input: BinarySource) throws
}

extension BinarySink {
    @inlinable
    public func write(_ value: some BinaryWritable) { value.write(to: self) }

    /// An array: a u32 count, then each element.
    @inlinable
    public func write(_ values: [some BinaryWritable]) {
        let countOffset = placeCount()
        for value in values { value.write(to: self) }
        setCount(values.count, at: countOffset)
    }

    /// An array of strings: a u32 count, then each string.
    public func write(_ strings: [String]) {
        write(UInt32(strings.count))
        for string in strings { write(string) }
    }

    /// A value that is one string, such as a choice's raw value.
    @inlinable
    public func write<T: RawRepresentable>(_ value: T) where T.RawValue == String { write(value.rawValue) }
}

extension BinarySource {
    /// What `read` reads, or its error with `name` in front of the error's field path: as the
    /// keyed container names the field it was reading.
    @inlinable @inline(__always)
    public func field<T>(_ name: String, _ read: () throws -> T) throws -> T {
        do { return try read() } catch { throw BinaryDecodingError(error, inField: name) }
    }

    @inlinable
    public func read<T: BinaryReadable>(_ type: T.Type) throws -> T { try T(reading: self) }

    /// An array: a u32 count, then each element, named by its index in errors.
    @inlinable
    public func readArray<T: BinaryReadable>(of type: T.Type) throws -> [T] {
        let count = Int(try readInteger(UInt32.self))
        var elements: [T] = []
        elements.reserveCapacity(Swift.min(count, bytesLeft))
        for index in 0..<count {
            // The index is named only when it is needed, in the error.
            do { elements.append(try T(reading: self)) } catch { throw BinaryDecodingError(error, inField: String(index)) }
        }
        return elements
    }

    /// An array of strings: a u32 count, then each string.
    public func readStrings() throws -> [String] { try readStrings(count: Int(try readInteger(UInt32.self))) }

    /// A choice stored as its raw string; one this build does not know is an error, as it is
    /// through `Decodable`.
    @inlinable
    public func readRaw<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String {
        let raw = try readString()
        guard let value = T(rawValue: raw) else {
            throw BinaryDecodingError(description: "Cannot initialize \(T.self) from invalid String value \(raw)")
        }
        return value
    }
}
