import Foundation
import LedgerStore

/// A field's value on an import line: text, several texts, a flag or a whole number.
enum ImportValue: ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    case text(String)
    case list([String])
    case flag(Bool)
    case number(Int)

    init(stringLiteral value: String) { self = .text(value) }
    init(arrayLiteral elements: String...) { self = .list(elements) }
    init(booleanLiteral value: Bool) { self = .flag(value) }
    init(integerLiteral value: Int) { self = .number(value) }

    /// The value as JSON.
    var json: String {
        switch self {
        case let .text(text): return Self.quoted(text)
        case let .list(texts): return "[" + texts.map(Self.quoted).joined(separator: ",") + "]"
        case let .flag(flag): return flag ? "true" : "false"
        case let .number(number): return "\(number)"
        }
    }

    private static func quoted(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed, .withoutEscapingSlashes]), as: UTF8.self)
    }
}

/// One line of a `cledger import` file: `{"command":…, "actor":…, "on":…, fields…}`, as
/// docs/commands.md describes it.
func importLine(_ command: String, actor: String? = nil, on date: CalendarDate? = nil, _ fields: KeyValuePairs<String, ImportValue> = [:]) -> String {
    var pairs: [(String, ImportValue)] = [("command", .text(command))]
    if let actor { pairs.append(("actor", .text(actor))) }
    if let date { pairs.append(("on", .text("\(date)"))) }
    pairs += fields.map { ($0.key, $0.value) }
    return "{" + pairs.map { "\"\($0.0)\":\($0.1.json)" }.joined(separator: ",") + "}"
}
