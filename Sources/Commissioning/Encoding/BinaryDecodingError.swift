/// Why bytes are not a value of the expected type, and in which field.
public struct BinaryDecodingError: Error, CustomStringConvertible {
    /// The path to the field that could not be read, outermost first (`["lines", "2", "amount"]`);
    /// empty when the fault is in the payload as a whole.
    public let field: [String]
    /// What is wrong with the bytes there.
    public let problem: String

    public var description: String { field.isEmpty ? problem : field.joined(separator: ".") + ": " + problem }

    @usableFromInline
    init(description: String) {
        field = []
        problem = description
    }

    /// `error`, thrown while reading field `name`, with the name in front of its path.
    @usableFromInline
    init(_ error: any Error, inField name: String) {
        switch error {
        case let error as BinaryDecodingError:
            field = [name] + error.field
            problem = error.problem
        case let DecodingError.dataCorrupted(context), let DecodingError.typeMismatch(_, context),
            let DecodingError.valueNotFound(_, context), let DecodingError.keyNotFound(_, context):
            field = [name]
            problem = context.debugDescription
        default:
            field = [name]
            problem = "\(error)"
        }
    }
}
