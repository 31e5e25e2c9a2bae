import Foundation
import Commissioning

/// A command's fields written as a shell command line and as one JSON import line: the forms
/// help, docs/commands.md and `cledger commands --cumbria-2017` print.
enum ExampleRendering {
    /// `cledger bid submit --fund community --title 'Friday night football' …`
    static func commandLine(_ spec: CommandSpec, _ values: [(String, [String])]) -> String {
        var words = ["cledger", spec.name]
        for (name, list) in values {
            let kind = spec.field(name)?.kind
            for value in list {
                if kind?.isFlag == true && value == "true" {
                    words.append("--" + name)
                } else {
                    words.append("--" + name)
                    words.append(shellQuoted(value))
                }
            }
        }
        return words.joined(separator: " ")
    }

    /// `{"command":"bid submit","fund":"community",…}`: flags as booleans, whole numbers of
    /// integer fields as numbers, repeatable fields as arrays, everything else as strings.
    static func jsonLine(_ spec: CommandSpec, _ values: [(String, [String])], actor: String? = nil, on: String? = nil) -> String {
        var members = [("command", jsonString(spec.name))]
        if let actor { members.append(("actor", jsonString(actor))) }
        if let on { members.append(("on", jsonString(on))) }
        for (name, list) in values {
            guard let field = spec.field(name) else {
                members.append((name, "[" + list.map(jsonString).joined(separator: ",") + "]"))
                continue
            }
            let rendered = list.map { jsonValue($0, kind: field.kind) }
            members.append((name, field.repeatable ? "[" + rendered.joined(separator: ",") + "]" : rendered.joined(separator: ",")))
        }
        return "{" + members.map { jsonString($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// `values` in the order of the spec's fields (the order a dictionary of steps lacks).
    static func ordered(_ spec: CommandSpec, _ values: [String: [String]]) -> [(String, [String])] {
        spec.fields.compactMap { field in values[field.name].map { (field.name, $0) } }
            + values.keys.filter { spec.field($0) == nil }.sorted().map { ($0, values[$0]!) }
    }

    private static func jsonValue(_ value: String, kind: FieldSpec.Kind) -> String {
        if kind.isFlag, value == "true" || value == "false" { return value }
        if kind.isInteger, let number = Int64(value) { return String(number) }
        return jsonString(value)
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as is.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `value` as one shell word: bare when it is plainly safe, else in single quotes.
    static func shellQuoted(_ value: String) -> String {
        let safe = !value.isEmpty && value.unicodeScalars.allSatisfy { scalar in
            (scalar.value < 0x80 && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
                || "-._,:/@%+=".unicodeScalars.contains(scalar)
        }
        if safe { return value }
        return "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
