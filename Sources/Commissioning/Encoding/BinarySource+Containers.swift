/// The keyed container of ``BinarySource``: reads the fields in order, primitives through their
/// own overloads, and puts the field's name on any error from reading it.
struct KeyedSource<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let source: BinarySource
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }

    /// What `read` reads, or its error with `key` in front of the error's field path.
    @inline(__always)
    private func field<T>(_ key: Key, _ read: () throws -> T) throws -> T {
        do { return try read() } catch { throw BinaryDecodingError(error, inField: key.stringValue) }
    }

    func decodeNil(forKey key: Key) throws -> Bool { try field(key) { !(try source.readBool()) } }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try field(key, source.readString) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try field(key, source.readBool) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try field(key, source.readInt) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try field(key) { try source.readInteger(type) } }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try field(key) { try source.readInteger(type) } }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try field(key) { try source.readInteger(type) } }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try field(key) { try source.readInteger(type) } }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try field(key, source.readUInt) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try field(key) { try source.readInteger(type) } }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try field(key) { try source.readInteger(type) } }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try field(key) { try source.readInteger(type) } }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try field(key) { try source.readInteger(type) } }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try field(key) { try source.decodeValue(type) } }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try field(key) { try source.readIfPresent(source.readString) } }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try field(key) { try source.readIfPresent(source.readBool) } }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try field(key) { try source.readIfPresent(source.readInt) } }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optionalInteger(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try optionalInteger(type, key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try optionalInteger(type, key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try optionalInteger(type, key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try field(key) { try source.readIfPresent(source.readUInt) } }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try optionalInteger(type, key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try optionalInteger(type, key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try optionalInteger(type, key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try optionalInteger(type, key) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try field(key) { try source.readIfPresent { try source.decodeValue(type) } }
    }

    private func optionalInteger<T: FixedWidthInteger>(_ type: T.Type, _ key: Key) throws -> T? {
        try field(key) { try source.readIfPresent { try source.readInteger(type) } }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try source.container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try source.unkeyedContainer() }
    func superDecoder() throws -> any Decoder { source }
    func superDecoder(forKey key: Key) throws -> any Decoder { source }
}

/// The container of a value that is one primitive: money, a date, a choice's name.
struct SingleValueSource: SingleValueDecodingContainer {
    let source: BinarySource
    var codingPath: [any CodingKey] { [] }

    /// Optionals are stored only as properties (with a presence byte the keyed container reads).
    func decodeNil() -> Bool { false }
    func decode(_ type: String.Type) throws -> String { try source.readString() }
    func decode(_ type: Bool.Type) throws -> Bool { try source.readBool() }
    func decode(_ type: Int.Type) throws -> Int { try source.readInt() }
    func decode(_ type: Int64.Type) throws -> Int64 { try source.readInteger(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try source.readInteger(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try source.readInteger(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try source.readInteger(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try source.readUInt() }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try source.readInteger(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try source.readInteger(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try source.readInteger(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try source.readInteger(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try source.decodeValue(type) }
}
