/// Decodes what ``BinaryEncoder`` wrote, checking every length against the bytes there.
public struct BinaryDecoder {
    public init() {}

    /// The `T` that `bytes` hold, all of them.
    /// - Throws: ``BinaryDecodingError`` naming the field, when the bytes end early, hold a
    ///   value no `T` has, or have bytes left over.
    /// - Complexity: O(n) in the size of `bytes`; primitives are read without dynamic casts.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let source = BinarySource(bytes)
        // The type reads itself when it can (one check of the type, resolved when the
        // compiler knows it), and through its `Decodable` conformance otherwise.
        let value = try (T.self as? any BinaryReadable.Type).map { try $0.init(reading: source) as! T } ?? source.decodeValue(type)
        guard source.offset == bytes.count else {
            throw BinaryDecodingError(description: "\(bytes.count - source.offset) bytes left over after a \(T.self)")
        }
        return value
    }
}
