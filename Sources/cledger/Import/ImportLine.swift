import Commissioning
import LedgerStore

/// One command of an import file, checked for form: the command with its fields, who acts and
/// on what date (nil: the import's default).
struct ImportLine {
    let number: Int
    let command: any LedgerCommand
    let fields: CommandFields
    let actor: String?
    let on: CalendarDate?

    /// Parses line `number` (its bytes, without the newline).
    /// - Throws: ``ImportFailure`` naming the line, the field and what would be accepted.
    init(number: Int, bytes: [UInt8], isLastAndUnterminated: Bool) throws(ImportFailure) {
        self.number = number
        func fail(_ message: String) -> ImportFailure { ImportFailure(line: number, message: message) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw fail("is not UTF-8 text; save the file as UTF-8")
        }
        let members: [JSONMember]
        do {
            members = try JSONLine.parseObject(bytes)
        } catch {
            if error.atEnd && isLastAndUnterminated {
                throw fail("the file ends in the middle of this line: it looks truncated (\(error.message))")
            }
            if error.atEnd {
                throw fail("\(error.message): a command is one whole JSON object on one line")
            }
            throw fail("not a JSON object: \(error.message)")
        }
        var seen: Set<String> = []
        var name: String?
        var actor: String?
        var on: CalendarDate?
        var given: [JSONMember] = []
        for member in members {
            guard seen.insert(member.key).inserted else {
                throw fail("\(member.key): is given twice on the line; give it once (a field with several values takes an array)")
            }
            switch member.key {
            case "command":
                guard case let .string(text) = member.value, !text.isEmpty else {
                    throw fail("command: give the command's name as a string, such as \"bid submit\"")
                }
                name = text
            case "actor":
                guard case let .string(text) = member.value, !text.isEmpty else {
                    throw fail("actor: give the id of the person acting as a string, such as \"officer-0012\"")
                }
                actor = text
            case "on":
                guard case let .string(text) = member.value, let date = CalendarDate(iso8601: text) else {
                    throw fail("on: \(member.value.shown) is not a date \"YYYY-MM-DD\" (the command's effective date; default: today in London)")
                }
                on = date
            case "idempotency-key":
                throw fail(
                    "idempotency-key: is not taken per line: an import is all or nothing, so a failed import is corrected and run again whole")
            default:
                given.append(member)
            }
        }
        guard let name else {
            throw fail("command: is required: give the command's name first, such as {\"command\":\"bid submit\", …}")
        }
        guard let spec = CommandRegistry.command(named: name)?.spec else {
            throw fail("command: '\(name)' is not a command; the commands are listed in docs/commands.md and by `cledger --help`")
        }
        var values: [String: [String]] = [:]
        for member in given {
            guard let field = spec.field(member.key) else {
                // The command's own check names the unknown field and lists the ones it has.
                values[member.key] = [""]
                continue
            }
            let list = try Self.strings(member.value, field, line: number)
            if !list.isEmpty { values[member.key] = list }
        }
        do {
            (command, fields) = try CommissioningLedger.parse(name, values)
        } catch {
            throw fail("\(error)")
        }
        self.actor = actor
        self.on = on
    }

    /// A field's values as the command line would give them: strings as they are, booleans for
    /// flags, whole numbers for integer fields, an array for several values (empty: left out).
    private static func strings(_ value: JSONValue, _ field: FieldSpec, line: Int) throws(ImportFailure) -> [String] {
        guard case let .array(items) = value else { return [try string(value, field, line: line)] }
        var list: [String] = []
        for item in items {
            if case .array = item {
                throw ImportFailure(line: line, message: "\(field.name): an array inside an array is not accepted; give one array of values")
            }
            list.append(try string(item, field, line: line))
        }
        return list
    }

    private static func string(_ value: JSONValue, _ field: FieldSpec, line: Int) throws(ImportFailure) -> String {
        func fail(_ message: String) -> ImportFailure { ImportFailure(line: line, message: "\(field.name): " + message) }
        switch value {
        case let .string(text):
            return text
        case let .bool(flag):
            guard field.kind.isFlag else { throw fail("\(value.shown) is a JSON boolean; give \(field.kind.accepted) as a string") }
            return flag ? "true" : "false"
        case let .number(text):
            if field.kind.isMoney {
                throw fail("\(text) is a JSON number; write money as a string such as \"7500.00\" so no precision is lost")
            }
            guard field.kind.isInteger else { throw fail("\(text) is a JSON number; write it as a string, \"\(text)\"") }
            return text
        case .null:
            throw fail("null is not accepted; leave the field out, or give \(field.kind.accepted)")
        case .array, .object:
            throw fail("\(value.shown) is not accepted; give \(field.kind.accepted) as a string")
        }
    }
}

/// A bad line of an import: its number and what was wrong with it.
struct ImportFailure: Error, CustomStringConvertible {
    let line: Int
    let message: String

    var description: String { "line \(line): \(message)" }
}
