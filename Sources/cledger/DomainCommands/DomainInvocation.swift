import Commissioning

/// What the words after `cledger <group>` ask for: a command with its fields and common
/// options, or help. Parsed by hand from the command's spec, so every command of
/// ``CommandRegistry`` takes `--<field> value` without code of its own.
enum DomainInvocation {
    /// `cledger bid` or `cledger bid --help`.
    case groupHelp(CommandCatalogue.Group)
    /// `cledger bid submit --help`.
    case commandHelp(CommandCatalogue.Group, verb: String, CommandSpec)
    case run(DomainRequest)

    /// Parses `arguments`: everything after the program name. The group is the first word that
    /// is not the global `--store` option or its value.
    /// - Throws: ``CommandFailure`` or ``CommissioningError`` naming the argument and what would be accepted.
    init(_ arguments: [String]) throws {
        var options = CommonOptions()
        var words: [String] = []
        var helpRequested = false
        var index = 0
        // Before the group: only --store (the global option) and help.
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "-h" || argument == "--help" {
                helpRequested = true
                index += 1
            } else if argument.hasPrefix("--store") {
                index = try options.take(arguments, at: index, name: "store", inline: Self.inlineValue(argument, "store"))
            } else {
                break
            }
        }
        guard index < arguments.count, let group = CommandCatalogue.group(named: arguments[index]) else {
            preconditionFailure("the router sends only arguments naming a group here")
        }
        index += 1
        while index < arguments.count, !arguments[index].hasPrefix("-") {
            words.append(arguments[index])
            index += 1
        }
        let rest = Array(arguments[index...])
        if words.isEmpty {
            if helpRequested || rest.isEmpty || rest.contains("--help") || rest.contains("-h") {
                self = .groupHelp(group)
                return
            }
            throw CommandFailure(
                message: "command: 'cledger \(group.name)' needs a command: \(Self.verbs(group)); see `cledger \(group.name) --help`")
        }
        // The longest run of words that names a command of the group.
        var match: (verb: String, spec: CommandSpec, count: Int)?
        for (verb, spec) in group.commands {
            let verbWords = verb.split(separator: " ").map(String.init)
            if verbWords.count <= words.count, Array(words.prefix(verbWords.count)) == verbWords, verbWords.count > (match?.count ?? 0) {
                match = (verb, spec, verbWords.count)
            }
        }
        guard let match else {
            throw CommissioningError.field(
                name: "command",
                problem: "'\(group.name) \(words.joined(separator: " "))' is not a command; the \(group.name) commands are: \(Self.verbs(group))")
        }
        if helpRequested || rest.contains("--help") || rest.contains("-h") {
            self = .commandHelp(group, verb: match.verb, match.spec)
            return
        }
        if match.count < words.count {
            throw Self.stray(words[match.count], match.spec)
        }
        self = .run(try Self.parseFields(rest, spec: match.spec, options: options))
    }

    /// `--name value`, `--name=value`, and flags alone.
    private static func parseFields(_ arguments: [String], spec: CommandSpec, options: CommonOptions) throws -> DomainRequest {
        var options = options
        var values: [String: [String]] = [:]
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("--"), argument.count > 2 else { throw stray(argument, spec) }
            let body = argument.dropFirst(2)
            let name = String(body.prefix { $0 != "=" })
            let inline = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
            if name == "help" { throw CommandFailure(message: "--help takes no value; see `cledger \(spec.name) --help`") }
            if CommandCatalogue.commonOptionNames.contains(name) {
                index = try options.take(arguments, at: index, name: name, inline: inline)
                continue
            }
            let next = index + 1 < arguments.count ? arguments[index + 1] : nil
            let field = spec.field(name)
            if let inline {
                values[name, default: []].append(inline)
                index += 1
            } else if field?.kind.isFlag == true {
                // A flag alone means true; `--flag false` gives its value.
                if let next, !next.hasPrefix("-") {
                    values[name, default: []].append(next)
                    index += 2
                } else {
                    values[name, default: []].append("true")
                    index += 1
                }
            } else if let next, !next.hasPrefix("--") {
                values[name, default: []].append(next)
                index += 2
            } else if let field {
                throw CommissioningError.field(name: name, problem: "needs a value: give \(field.kind.accepted) (\(field.help))")
            } else {
                // An unknown field: the spec's own check names it and lists the fields.
                values[name, default: []].append("")
                index += 1
            }
        }
        return DomainRequest(spec: spec, values: values, options: options)
    }

    private static func inlineValue(_ argument: String, _ name: String) -> String? {
        let prefix = "--" + name + "="
        return argument.hasPrefix(prefix) ? String(argument.dropFirst(prefix.count)) : nil
    }

    private static func stray(_ argument: String, _ spec: CommandSpec) -> CommandFailure {
        CommandFailure(
            message: "'\(argument)' is not a field of '\(spec.name)': give fields as --name value, such as "
                + "--\(spec.fields.first?.name ?? "field") <value>; see `cledger \(spec.name) --help`")
    }

    static func verbs(_ group: CommandCatalogue.Group) -> String {
        group.commands.map(\.verb).joined(separator: ", ")
    }
}

/// A domain command to run: its spec, the fields as given, and the common options.
struct DomainRequest {
    let spec: CommandSpec
    let values: [String: [String]]
    let options: CommonOptions
}

/// The options every domain command takes besides its fields.
struct CommonOptions {
    var store: String?
    var actor: String?
    var on: String?
    var idempotencyKey: String?

    /// Takes the value of the common option `name` at `index` (inline, or the next argument)
    /// and returns the index after it.
    mutating func take(_ arguments: [String], at index: Int, name: String, inline: String?) throws -> Int {
        var value = inline
        var next = index + 1
        if value == nil, index + 1 < arguments.count, !arguments[index + 1].hasPrefix("--") {
            value = arguments[index + 1]
            next = index + 2
        }
        guard let value else {
            throw CommandFailure(message: "\(name): needs a value: give --\(name) \(Self.accepted(name))")
        }
        let previous: String?
        switch name {
        case "store": previous = store; store = value
        case "actor": previous = actor; actor = value
        case "on": previous = on; on = value
        case "idempotency-key": previous = idempotencyKey; idempotencyKey = value
        default: preconditionFailure("'\(name)' is not a common option")
        }
        if previous != nil { throw CommandFailure(message: "\(name): was given twice; give --\(name) once") }
        return next
    }

    /// What each common option takes, for messages, help and docs.
    static func accepted(_ name: String) -> String {
        switch name {
        case "store": return "the ledger directory"
        case "actor": return "the id of the person acting, such as officer-0012"
        case "on": return "a date YYYY-MM-DD, today or earlier"
        case "idempotency-key": return "a key of your choosing, such as the form's reference"
        default: preconditionFailure("'\(name)' is not a common option")
        }
    }
}
