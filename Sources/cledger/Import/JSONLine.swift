/// A value of an import line. Numbers keep their literal text, so nothing is rounded and an
/// integer field gets exactly the digits written.
enum JSONValue: Equatable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([JSONMember])

    /// How the value looks in a message: `7500.00`, `true`, `"x"`.
    var shown: String {
        switch self {
        case let .string(text): return ExampleRendering.jsonString(text)
        case let .number(text): return text
        case let .bool(value): return value ? "true" : "false"
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

struct JSONMember: Equatable {
    let key: String
    let value: JSONValue
}

/// Why a line is not a JSON object. `atEnd`: the text ended before the object did (the mark of
/// a truncated file when it is the last line).
struct JSONLineError: Error {
    let message: String
    let atEnd: Bool
}

/// A strict parser of one JSON Lines line (RFC 8259): one object, members in the order written.
struct JSONLine {
    /// Nesting deeper than this is refused: a command's fields are flat.
    static let depthMax = 8

    private let bytes: [UInt8]
    private var index = 0

    /// Parses `bytes` (one line, without its newline) as a JSON object.
    static func parseObject(_ bytes: [UInt8]) throws(JSONLineError) -> [JSONMember] {
        var parser = JSONLine(bytes: bytes)
        parser.skipSpace()
        guard parser.peek == UInt8(ascii: "{") else {
            throw parser.unexpected("'{' (a command is written {\"command\":\"…\", …})")
        }
        guard case let .object(members) = try parser.value(depth: 0) else { preconditionFailure("an object starts with {") }
        parser.skipSpace()
        if parser.peek != nil { throw parser.failure("there is more after the object's closing '}' at column \(parser.index + 1)") }
        return members
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func failure(_ message: String, atEnd: Bool = false) -> JSONLineError {
        JSONLineError(message: message, atEnd: atEnd)
    }

    private func unexpected(_ wanted: String) -> JSONLineError {
        guard let byte = peek else { return failure("the line ends where \(wanted) should be", atEnd: true) }
        let shown = byte >= 0x20 && byte < 0x7f ? "'\(Character(Unicode.Scalar(byte)))'" : byteDescription(byte)
        return failure("expected \(wanted) at column \(index + 1), found \(shown)")
    }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0d || byte == 0x0a { index += 1 }
    }

    private mutating func expect(_ byte: UInt8, _ wanted: String) throws(JSONLineError) {
        skipSpace()
        guard peek == byte else { throw unexpected(wanted) }
        index += 1
    }

    private mutating func value(depth: Int) throws(JSONLineError) -> JSONValue {
        skipSpace()
        guard depth < Self.depthMax else { throw failure("values are nested more than \(Self.depthMax) deep at column \(index + 1)") }
        guard let byte = peek else { throw unexpected("a value") }
        switch byte {
        case UInt8(ascii: "{"):
            index += 1
            var members: [JSONMember] = []
            skipSpace()
            if peek == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipSpace()
                guard peek == UInt8(ascii: "\"") else { throw unexpected("a field name in double quotes") }
                let key = try string()
                try expect(UInt8(ascii: ":"), "':' after \"\(key)\"")
                members.append(JSONMember(key: key, value: try value(depth: depth + 1)))
                skipSpace()
                if peek == UInt8(ascii: ",") {
                    index += 1
                } else if peek == UInt8(ascii: "}") {
                    index += 1
                    return .object(members)
                } else {
                    throw unexpected("',' or '}'")
                }
            }
        case UInt8(ascii: "["):
            index += 1
            var items: [JSONValue] = []
            skipSpace()
            if peek == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                items.append(try value(depth: depth + 1))
                skipSpace()
                if peek == UInt8(ascii: ",") {
                    index += 1
                } else if peek == UInt8(ascii: "]") {
                    index += 1
                    return .array(items)
                } else {
                    throw unexpected("',' or ']'")
                }
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try number())
        default:
            throw unexpected("a value (a string in double quotes, a number, true, false, an array)")
        }
    }

    private mutating func literal(_ word: String, _ value: JSONValue) throws(JSONLineError) -> JSONValue {
        for expected in word.utf8 {
            guard let byte = peek else { throw failure("the line ends inside '\(word)'", atEnd: true) }
            guard byte == expected else { throw unexpected("'\(word)'") }
            index += 1
        }
        return value
    }

    private mutating func number() throws(JSONLineError) -> String {
        let start = index
        func digits(_ parser: inout JSONLine) -> Int {
            var count = 0
            while let byte = parser.peek, byte >= 0x30 && byte <= 0x39 {
                parser.index += 1
                count += 1
            }
            return count
        }
        if peek == UInt8(ascii: "-") { index += 1 }
        let whole = index
        guard digits(&self) > 0 else { throw unexpected("a digit") }
        if bytes[whole] == UInt8(ascii: "0") && index - whole > 1 {
            throw failure("a number may not start with 0 at column \(whole + 1)")
        }
        if peek == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw unexpected("a digit after '.'") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw unexpected("a digit of the exponent") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func string() throws(JSONLineError) -> String {
        index += 1  // the opening quote
        var scalars = String.UnicodeScalarView()
        var run = index
        func flush(_ parser: JSONLine, _ scalars: inout String.UnicodeScalarView) {
            scalars.append(contentsOf: String(decoding: parser.bytes[run..<parser.index], as: UTF8.self).unicodeScalars)
        }
        while true {
            guard let byte = peek else { throw failure("the line ends inside a string", atEnd: true) }
            if byte == UInt8(ascii: "\"") {
                flush(self, &scalars)
                index += 1
                return String(scalars)
            }
            if byte < 0x20 { throw failure("a control character at column \(index + 1) must be escaped inside a string") }
            if byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            flush(self, &scalars)
            index += 1
            guard let escape = peek else { throw failure("the line ends inside a string", atEnd: true) }
            index += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{c}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800...0xDBFF).contains(code) {
                    guard peek == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                        throw failure("a lone surrogate \\u\(String(code, radix: 16)) at column \(index - 5)")
                    }
                    index += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw failure("a lone surrogate at column \(index - 11)") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw failure("a lone surrogate at column \(index - 5)") }
                scalars.append(scalar)
            default:
                throw failure("'\\\(Character(Unicode.Scalar(escape)))' at column \(index - 1) is not a JSON escape")
            }
            run = index
        }
    }

    private mutating func hex4() throws(JSONLineError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek else { throw failure("the line ends inside a \\u escape", atEnd: true) }
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - 0x61 + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - 0x41 + 10)
            default: throw unexpected("a hex digit of a \\u escape")
            }
            code = code * 16 + digit
            index += 1
        }
        return code
    }
}

private func byteDescription(_ byte: UInt8) -> String {
    let hex = String(byte, radix: 16, uppercase: true)
    return "byte 0x" + (hex.count == 1 ? "0" : "") + hex
}
