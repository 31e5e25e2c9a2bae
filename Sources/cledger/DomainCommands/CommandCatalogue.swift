import Commissioning

/// The domain commands as the command line shows them: grouped by the first word of each
/// spec's name (`bid` of `bid submit`), in the order of ``CommandRegistry/all``. Nothing here is
/// written per command: a command added to the registry appears as soon as it is registered.
enum CommandCatalogue {
    /// One group of commands: `bid` with `submit`, `award`, …
    struct Group {
        let name: String
        /// Each command of the group with the words after the group name (`submit`).
        let commands: [(verb: String, spec: CommandSpec)]
    }

    /// Options every domain command takes besides its fields. A field may not use these names.
    static let commonOptionNames: Set<String> = ["actor", "on", "idempotency-key", "store", "help"]

    static let groups: [Group] = {
        var order: [String] = []
        var byName: [String: [(verb: String, spec: CommandSpec)]] = [:]
        for type in CommandRegistry.all {
            let spec = type.spec
            let words = spec.name.split(separator: " ").map(String.init)
            precondition(words.count >= 2, "command '\(spec.name)' needs a group and a verb, such as 'bid submit'")
            for field in spec.fields {
                precondition(
                    !commonOptionNames.contains(field.name),
                    "command '\(spec.name)' declares a field '\(field.name)', which is a common option of every command; rename the field")
            }
            let group = words[0]
            if byName[group] == nil { order.append(group) }
            byName[group, default: []].append((words.dropFirst().joined(separator: " "), spec))
        }
        return order.map { Group(name: $0, commands: byName[$0]!) }
    }()

    static func group(named name: String) -> Group? { groups.first { $0.name == name } }

    /// Every spec, in registry order.
    static var specs: [CommandSpec] { groups.flatMap { $0.commands.map(\.spec) } }
}

extension FieldSpec.Kind {
    /// A flag may be given alone (`--endorsement-required`, meaning true).
    var isFlag: Bool {
        if case .flag = self { return true }
        return false
    }

    var isMoney: Bool {
        if case .money = self { return true }
        return false
    }

    var isInteger: Bool {
        if case .integer = self { return true }
        return false
    }

    /// Codes and ids have no commas of their own, so a list of them may be given as one
    /// comma-separated value (`--objective 8.2,3.1`).
    var splitsCommas: Bool {
        switch self {
        case .id, .objective, .area, .choice: return true
        default: return false
        }
    }

    /// The placeholder for a value of this kind in usage lines: `<amount>`.
    var placeholder: String {
        switch self {
        case .text: return "<text>"
        case .id: return "<id>"
        case .money: return "<amount>"
        case .date: return "<date>"
        case .financialYear: return "<year>"
        case .integer: return "<n>"
        case .flag: return "[true|false]"
        case .objective: return "<code>"
        case .area: return "<gss-code>"
        case .choice: return "<choice>"
        case .compound: return "<value>"
        }
    }
}
