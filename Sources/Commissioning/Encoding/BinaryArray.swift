/// Arrays, the one sequence the payload format stores: a u32 count, then each element.
///
/// Encoding goes through `Array`'s own `encode(to:)`: the mark lets ``BinarySink`` open an
/// unkeyed container for it (and for nothing else, so a `Set`, whose order is not fixed, is
/// refused). Decoding does not go through `Array`'s `init(from:)`, which grows the array one
/// element at a time in unspecialized code: ``BinarySource`` stops it and calls
/// ``BinaryDecodableArray/decodeElements(count:from:)``, which reserves the capacity and reads
/// arrays of strings with a loop specialized for them.
protocol BinaryEncodableArray {}

extension Array: BinaryEncodableArray where Element: Encodable {}

protocol BinaryDecodableArray {
    static func decodeElements(count: Int, from source: BinarySource) throws -> Self
}

extension Array: BinaryDecodableArray where Element: Decodable {
    static func decodeElements(count: Int, from source: BinarySource) throws -> [Element] {
        if Element.self == String.self { return try source.readStrings(count: count) as! [Element] }
        var elements: [Element] = []
        elements.reserveCapacity(Swift.min(count, source.bytesLeft))
        for index in 0..<count {
            do {
                elements.append(try source.decodeValue(Element.self))
            } catch {
                throw BinaryDecodingError(error, inField: String(index))
            }
        }
        return elements
    }
}
