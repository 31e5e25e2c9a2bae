/// Arrays, the one sequence the payload format stores: a u32 count, then each element.
///
/// The sink and source handle arrays themselves rather than through `Array`'s own `Codable`,
/// whose unkeyed container grows the array one element at a time in unspecialized code;
/// arrays of strings and integers are read and written by loops specialized for them.
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
