/// The fields of a payload type in the order the binary format stores them, read from its
/// `Decodable` conformance: what docs/events.md publishes, so the document follows the code.
public struct PayloadSchema: Sendable {
    public struct Field: Sendable {
        /// The field's path: `rules.grantMax` for a field of a nested struct.
        public var path: String
        /// How it is stored: `string`, `i64`, `money`, `date`, `[…]`, `optional …`.
        public var encoding: String
    }

    public let fields: [Field]

    /// Walks `type`'s decoding and records every field it asks for.
    public init<T: Decodable>(of type: T.Type) {
        let recorder = SchemaRecorder(prefix: "")
        _ = try? recorder.decodeValue(type)
        fields = recorder.fields.fields
    }
}

/// A decoder that answers every request with an empty value and writes down what was asked.
final class SchemaRecorder: Decoder {
    final class Fields { var fields: [PayloadSchema.Field] = [] }

    let prefix: String
    let fields: Fields
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    /// The name of the single value being decoded, when this decoder stands for one field.
    var pendingField: (name: String, optional: Bool)?

    init(prefix: String, fields: Fields = Fields()) {
        self.prefix = prefix
        self.fields = fields
    }

    func record(_ name: String, _ encoding: String) {
        fields.fields.append(PayloadSchema.Field(path: prefix + name, encoding: encoding))
    }

    /// Decodes an empty `T`, recording the field `name` with the encoding of `T`.
    func decodeField<T: Decodable>(_ type: T.Type, name: String, optional: Bool) throws -> T {
        let presence = optional ? "optional " : ""
        if let choice = type as? any (RawRepresentable & CaseIterable).Type, let simple = Self.simpleEncoding(type) {
            record(name, presence + simple)
            return Self.firstCase(choice) as! T
        }
        if let simple = Self.simpleEncoding(type) {
            record(name, presence + simple)
            return try emptyValue(type)
        }
        if let array = type as? SchemaArray.Type {
            record(name, presence + "[" + array.elementEncoding + "]")
            return array.empty as! T
        }
        record(name, presence + "struct " + String(describing: type))
        let nested = SchemaRecorder(prefix: prefix + name + ".", fields: fields)
        return try T(from: nested)
    }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T { try T(from: self) }

    static func simpleEncoding(_ type: Any.Type) -> String? {
        switch type {
        case is String.Type: return "string"
        case is Bool.Type: return "bool"
        case is Int64.Type, is Int.Type: return "i64"
        case is Int32.Type: return "i32"
        case is UInt64.Type: return "u64"
        case is UInt32.Type: return "u32"
        case is UInt16.Type: return "u16"
        case is UInt8.Type: return "u8"
        case is Money.Type: return "money (i64 pence)"
        case is FinancialYear.Type: return "financial year (i32 starting year)"
        default:
            if String(describing: type) == "CalendarDate" { return "date (i32 days since 1970-01-01)" }
            if let choice = type as? any (RawRepresentable & CaseIterable).Type { return "string: " + choiceNames(choice) }
            return nil
        }
    }

    private static func firstCase<C: RawRepresentable & CaseIterable>(_ type: C.Type) -> Any { C.allCases.first! }

    private static func choiceNames<C: RawRepresentable & CaseIterable>(_ type: C.Type) -> String {
        C.allCases.map { "\($0.rawValue)" }.joined(separator: "|")
    }

    private func emptyValue<T: Decodable>(_ type: T.Type) throws -> T {
        try T(from: EmptyValueDecoder())
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(SchemaKeyedContainer<Key>(recorder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw BinaryDecodingError(description: "no unkeyed containers in payloads")
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { EmptyValueDecoder.Single() }
}

/// Arrays, so the recorder can name their elements and make an empty one.
protocol SchemaArray {
    static var elementEncoding: String { get }
    static var empty: Any { get }
}

extension Array: SchemaArray where Element: Decodable {
    static var elementEncoding: String {
        SchemaRecorder.simpleEncoding(Element.self) ?? ("struct " + String(describing: Element.self))
    }
    static var empty: Any { [Element]() }
}

private struct SchemaKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let recorder: SchemaRecorder
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { true }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try recorder.decodeField(type, name: key.stringValue, optional: false)
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try optional(type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optional(type, key) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optional(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optional(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optional(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try optional(type, key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try optional(type, key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try optional(type, key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try optional(type, key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try optional(type, key) }

    private func optional<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        _ = try recorder.decodeField(type, name: key.stringValue, optional: true)
        return nil
    }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try recorder.container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try recorder.unkeyedContainer() }
    func superDecoder() throws -> any Decoder { recorder }
    func superDecoder(forKey key: Key) throws -> any Decoder { recorder }
}

/// Decodes the empty value of simple types: "", 0, false, the first case of a choice.
private struct EmptyValueDecoder: Decoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        throw BinaryDecodingError(description: "not a simple value")
    }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw BinaryDecodingError(description: "not a simple value") }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single() }

    struct Single: SingleValueDecodingContainer {
        var codingPath: [any CodingKey] { [] }
        func decodeNil() -> Bool { false }
        func decode(_ type: String.Type) throws -> String { "" }
        func decode(_ type: Bool.Type) throws -> Bool { false }
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            if let integer = type as? any FixedWidthInteger.Type { return integer.zero as! T }
            return try T(from: EmptyValueDecoder())
        }
    }
}

extension FixedWidthInteger {
    static var zero: Self { 0 }
}
