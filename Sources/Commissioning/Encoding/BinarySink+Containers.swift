/// The keyed container of ``BinarySink``: writes each field's value without its key, primitives
/// through their own overloads.
struct KeyedSink<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: BinarySink
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { sink.write(UInt8(0)) }
    mutating func encode(_ value: String, forKey key: Key) throws { sink.write(value) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { sink.write(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { sink.write(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { sink.write(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { sink.write(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { sink.write(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { sink.write(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { sink.write(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { sink.write(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { sink.write(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { sink.write(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { sink.write(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw BinaryEncodingError.floatingPoint }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw BinaryEncodingError.floatingPoint }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws { try sink.encodeValue(value) }

    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { if let v = sink.presence(value) { sink.write(v) } }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { if let v = sink.presence(value) { sink.write(v) } }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { if let v = sink.presence(value) { sink.write(v) } }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { if let v = sink.presence(value) { sink.write(v) } }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { if let v = sink.presence(value) { sink.write(v) } }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { if let v = sink.presence(value) { sink.write(v) } }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { if let v = sink.presence(value) { sink.write(v) } }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { if let v = sink.presence(value) { sink.write(v) } }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { if let v = sink.presence(value) { sink.write(v) } }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { if let v = sink.presence(value) { sink.write(v) } }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { if let v = sink.presence(value) { sink.write(v) } }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { if let v = sink.presence(value) { sink.write(v) } }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { if sink.presence(value) != nil { throw BinaryEncodingError.floatingPoint } }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { if sink.presence(value) != nil { throw BinaryEncodingError.floatingPoint } }
    mutating func encodeIfPresent(_ value: (some Encodable)?, forKey key: Key) throws {
        if let v = sink.presence(value) { try sink.encodeValue(v) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        sink.container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { sink.unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { sink }
    mutating func superEncoder(forKey key: Key) -> any Encoder { sink }
}

/// The container an array encodes its elements into, after the count it keeps up to date.
struct UnkeyedSink: UnkeyedEncodingContainer {
    let sink: BinarySink
    /// Where the array's u32 count is in the sink's bytes.
    let countOffset: Int
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(sink: BinarySink, countOffset: Int) {
        self.sink = sink
        self.countOffset = countOffset
    }

    mutating func encode(_ value: some Encodable) throws {
        try sink.encodeValue(value)
        count += 1
        sink.setCount(count, at: countOffset)
    }

    mutating func encodeNil() throws {
        throw BinaryEncodingError(description: "an array of optionals is not stored; the format has presence bytes only for properties")
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        sink.container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { sink.unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { sink }
}

/// The container of a value that is one primitive: money, a date, a choice's name.
struct SingleValueSink: SingleValueEncodingContainer {
    let sink: BinarySink
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {
        throw BinaryEncodingError(description: "optionals are stored only as properties of a payload")
    }
    mutating func encode(_ value: String) throws { sink.write(value) }
    mutating func encode(_ value: Bool) throws { sink.write(value) }
    mutating func encode(_ value: Int) throws { sink.write(value) }
    mutating func encode(_ value: Int64) throws { sink.write(value) }
    mutating func encode(_ value: Int32) throws { sink.write(value) }
    mutating func encode(_ value: Int16) throws { sink.write(value) }
    mutating func encode(_ value: Int8) throws { sink.write(value) }
    mutating func encode(_ value: UInt) throws { sink.write(value) }
    mutating func encode(_ value: UInt64) throws { sink.write(value) }
    mutating func encode(_ value: UInt32) throws { sink.write(value) }
    mutating func encode(_ value: UInt16) throws { sink.write(value) }
    mutating func encode(_ value: UInt8) throws { sink.write(value) }
    mutating func encode(_ value: Double) throws { throw BinaryEncodingError.floatingPoint }
    mutating func encode(_ value: Float) throws { throw BinaryEncodingError.floatingPoint }
    mutating func encode(_ value: some Encodable) throws { try sink.encodeValue(value) }
}
