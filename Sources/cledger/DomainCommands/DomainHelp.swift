import Commissioning

/// Help for the domain commands, laid out like swift-argument-parser's own help screens and
/// built from the specs alone.
enum DomainHelp {
    /// The options every domain command takes, with what each means.
    static let commonOptions: [(name: String, placeholder: String, help: String)] = [
        ("actor", "<id>", "The person the action is attributed to (default: $CLEDGER_ACTOR). They must hold the command's role on its date."),
        ("on", "<date>", "The effective date, YYYY-MM-DD (default: today in London). Never in the future; may be back-dated into an open financial year."),
        ("idempotency-key", "<key>", "Makes a retry safe: the same key with the same fields records nothing new; the same key with other fields is refused."),
        ("store", "<store>", "The ledger directory (default: $CLEDGER_STORE, else ./ledger)."),
    ]

    /// `cledger bid --help`.
    static func group(_ group: CommandCatalogue.Group) -> String {
        var out = "OVERVIEW: The \(group.name) commands of the commissioning ledger.\n\n"
        out += "USAGE: " + helpParagraph(
            "cledger \(group.name) <command> --<field> <value> ... [--actor <id>] [--on <date>] [--idempotency-key <key>]", indent: 7) + "\n\n"
        out += "COMMANDS:\n"
        for (verb, spec) in group.commands {
            out += helpEntry(verb, "\(spec.summary) Role: \(spec.role.rawValue).") + "\n"
        }
        out += "\n  See 'cledger \(group.name) <command> --help' for its fields."
        return out
    }

    /// `cledger bid submit --help`.
    static func command(group: CommandCatalogue.Group, verb: String, _ spec: CommandSpec) -> String {
        var out = "OVERVIEW: " + helpParagraph(spec.summary) + "\n"
        out += "Acting person's role: \(spec.role.rawValue).\n\n"
        let required = spec.fields.filter(\.required).map { "--\($0.name) \($0.kind.placeholder)" + ($0.repeatable ? " ..." : "") }
        let optional = spec.fields.contains { !$0.required } ? ["[<optional fields>]"] : []
        let usage = (["cledger", spec.name] + required + optional + ["[--actor <id>]", "[--on <date>]", "[--idempotency-key <key>]"])
            .joined(separator: " ")
        out += "USAGE: " + helpParagraph(usage, indent: 7) + "\n\n"
        out += "FIELDS:\n"
        for field in spec.fields {
            out += helpEntry("--\(field.name) \(field.kind.placeholder)", "\(field.help). \(requirement(field)). Accepts \(field.kind.accepted).") + "\n"
        }
        out += "\nCOMMON OPTIONS:\n"
        for option in commonOptions {
            out += helpEntry("--\(option.name) \(option.placeholder)", option.help) + "\n"
        }
        out += helpEntry("-h, --help", "Show help information.") + "\n\n"
        out += "EXAMPLE:\n  " + ExampleRendering.commandLine(spec, spec.example)
        return out
    }

    /// Required or optional, and how often it may be given.
    static func requirement(_ field: FieldSpec) -> String {
        var parts = [field.required ? "Required" : "Optional"]
        if field.repeatable { parts.append(field.kind.splitsCommas ? "repeatable, or comma-separated" : "repeatable") }
        if field.kind.isFlag { parts.append("alone it means true") }
        return parts.joined(separator: "; ")
    }

    /// The section `cledger --help` adds after the store commands.
    static func rootSection() -> String {
        var out = "DOMAIN COMMANDS:\n"
        for group in CommandCatalogue.groups {
            out += helpEntry(group.name, group.commands.map(\.verb).joined(separator: ", ")) + "\n"
        }
        out += "\n" + "  " + helpParagraph(
            "Run as `cledger <group> <command> --<field> <value> ... --actor <id> [--on <date>]`; "
                + "`import FILE` records many at once. See 'cledger <group> --help', 'cledger <group> <command> --help' "
                + "and docs/commands.md.", indent: 2)
        return out
    }
}
