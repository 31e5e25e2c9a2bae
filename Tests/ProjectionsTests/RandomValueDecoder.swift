/// A `Decoder` that answers every question with a seeded random answer, so that any
/// `Decodable` type's own `init(from:)` builds a random value of it: strings of a few
/// characters (some not ASCII), small integers, present and absent optionals, arrays of zero
/// to three elements, and for a choice (`CaseIterable`) one of its cases.
final class RandomValueDecoder: Decoder {
    private var random: SplitMix
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(seed: UInt64) { random = SplitMix(seed: seed) }

    /// A random `T`.
    func value<T: Decodable>(_ type: T.Type) throws -> T {
        if let choices = T.self as? any CaseIterable.Type {
            return Self.anyCase(of: choices, using: &random) as! T
        }
        if T.self == String.self { return string() as! T }
        return try T(from: self)
    }

    private static func anyCase<C: CaseIterable>(of type: C.Type, using random: inout SplitMix) -> C {
        C.allCases.randomElement(using: &random)!
    }

    func string() -> String {
        let alphabet = Array("ab-7 £é日")
        return String((0..<Int.random(in: 0...6, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type) -> T {
        // Small and non-negative: dates and years stay in the calendar's range.
        T(truncatingIfNeeded: Int.random(in: 0...40_000, using: &random))
    }

    func bool() -> Bool { Bool.random(using: &random) }

    func elementCount() -> Int { Int.random(in: 0...3, using: &random) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(RandomKeyed<Key>(decoder: self))
    }

    func unkeyedContainer() -> any UnkeyedDecodingContainer { RandomUnkeyed(decoder: self, count: elementCount()) }

    func singleValueContainer() -> any SingleValueDecodingContainer { RandomSingleValue(decoder: self) }
}

private struct RandomKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: RandomValueDecoder
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) -> Bool { decoder.bool() }
    func decode(_ type: Int.Type, forKey key: Key) -> Int { decoder.integer(type) }
    func decode(_ type: Int8.Type, forKey key: Key) -> Int8 { decoder.integer(type) }
    func decode(_ type: Int16.Type, forKey key: Key) -> Int16 { decoder.integer(type) }
    func decode(_ type: Int32.Type, forKey key: Key) -> Int32 { decoder.integer(type) }
    func decode(_ type: Int64.Type, forKey key: Key) -> Int64 { decoder.integer(type) }
    func decode(_ type: UInt.Type, forKey key: Key) -> UInt { decoder.integer(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) -> UInt8 { decoder.integer(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) -> UInt16 { decoder.integer(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) -> UInt32 { decoder.integer(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) -> UInt64 { decoder.integer(type) }
    func decode(_ type: Bool.Type, forKey key: Key) -> Bool { decoder.bool() }
    func decode(_ type: String.Type, forKey key: Key) -> String { decoder.string() }
    func decode(_ type: Double.Type, forKey key: Key) -> Double { 0 }
    func decode(_ type: Float.Type, forKey key: Key) -> Float { 0 }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder.value(type) }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) -> KeyedDecodingContainer<NestedKey> {
        decoder.container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedDecodingContainer { decoder.unkeyedContainer() }
    func superDecoder() -> any Decoder { decoder }
    func superDecoder(forKey key: Key) -> any Decoder { decoder }
}

private struct RandomUnkeyed: UnkeyedDecodingContainer {
    let decoder: RandomValueDecoder
    var count: Int?
    var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= count! }

    init(decoder: RandomValueDecoder, count: Int) {
        self.decoder = decoder
        self.count = count
    }

    mutating func decodeNil() -> Bool { false }
    mutating func decode(_ type: Int.Type) -> Int { advance(decoder.integer(type)) }
    mutating func decode(_ type: Int8.Type) -> Int8 { advance(decoder.integer(type)) }
    mutating func decode(_ type: Int16.Type) -> Int16 { advance(decoder.integer(type)) }
    mutating func decode(_ type: Int32.Type) -> Int32 { advance(decoder.integer(type)) }
    mutating func decode(_ type: Int64.Type) -> Int64 { advance(decoder.integer(type)) }
    mutating func decode(_ type: UInt.Type) -> UInt { advance(decoder.integer(type)) }
    mutating func decode(_ type: UInt8.Type) -> UInt8 { advance(decoder.integer(type)) }
    mutating func decode(_ type: UInt16.Type) -> UInt16 { advance(decoder.integer(type)) }
    mutating func decode(_ type: UInt32.Type) -> UInt32 { advance(decoder.integer(type)) }
    mutating func decode(_ type: UInt64.Type) -> UInt64 { advance(decoder.integer(type)) }
    mutating func decode(_ type: Bool.Type) -> Bool { advance(decoder.bool()) }
    mutating func decode(_ type: String.Type) -> String { advance(decoder.string()) }
    mutating func decode(_ type: Double.Type) -> Double { advance(0) }
    mutating func decode(_ type: Float.Type) -> Float { advance(0) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { advance(try decoder.value(type)) }

    /// Counts the element `value` is.
    private mutating func advance<T>(_ value: T) -> T {
        currentIndex += 1
        return value
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) -> KeyedDecodingContainer<NestedKey> {
        decoder.container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedDecodingContainer { decoder.unkeyedContainer() }
    mutating func superDecoder() -> any Decoder { decoder }
}

private struct RandomSingleValue: SingleValueDecodingContainer {
    let decoder: RandomValueDecoder
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) -> Bool { decoder.bool() }
    func decode(_ type: String.Type) -> String { decoder.string() }
    func decode(_ type: Int.Type) -> Int { decoder.integer(type) }
    func decode(_ type: Int8.Type) -> Int8 { decoder.integer(type) }
    func decode(_ type: Int16.Type) -> Int16 { decoder.integer(type) }
    func decode(_ type: Int32.Type) -> Int32 { decoder.integer(type) }
    func decode(_ type: Int64.Type) -> Int64 { decoder.integer(type) }
    func decode(_ type: UInt.Type) -> UInt { decoder.integer(type) }
    func decode(_ type: UInt8.Type) -> UInt8 { decoder.integer(type) }
    func decode(_ type: UInt16.Type) -> UInt16 { decoder.integer(type) }
    func decode(_ type: UInt32.Type) -> UInt32 { decoder.integer(type) }
    func decode(_ type: UInt64.Type) -> UInt64 { decoder.integer(type) }
    func decode(_ type: Double.Type) -> Double { 0 }
    func decode(_ type: Float.Type) -> Float { 0 }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.value(type) }
}
