/// What a command is called and the fields it takes: one description serves the command line
/// (`cledger bid submit --fund …`), JSON Lines import (`{"command":"bid submit","fund":…}`) and
/// docs/commands.md.
public struct CommandSpec: Sendable {
    /// Words after `cledger`: `bid submit`.
    public let name: String
    public let summary: String
    /// The role the acting person needs.
    public let role: Role
    public let fields: [FieldSpec]
    /// An example of every required field (and some optional ones), as an import line would have them.
    public let example: [(String, [String])]

    public init(name: String, summary: String, role: Role, fields: [FieldSpec], example: [(String, [String])]) {
        self.name = name
        self.summary = summary
        self.role = role
        self.fields = fields
        self.example = example
    }

    public func field(_ name: String) -> FieldSpec? { fields.first { $0.name == name } }
}

/// One field of a command.
public struct FieldSpec: Sendable {
    public enum Kind: Sendable {
        case text, id, money, date, financialYear, integer, flag, objective, area
        case choice([String])
        /// Several values in one string, separated by `:` (the help names the parts).
        case compound(String)

        /// What a value of this kind looks like, for messages and help.
        public var accepted: String {
            switch self {
            case .text: return "text"
            case .id: return "an id (letters, digits, '-', '.', '_')"
            case .money: return "pounds and pence such as 7500.00"
            case .date: return "a date YYYY-MM-DD"
            case .financialYear: return "a financial year such as 2017-18"
            case .integer: return "a whole number"
            case .flag: return "true or false"
            case .objective: return "a plan objective code such as 5.2"
            case .area: return "an ONS GSS area code such as E07000026"
            case let .choice(options): return "one of " + options.joined(separator: ", ")
            case let .compound(form): return form
            }
        }
    }

    public let name: String
    public let kind: Kind
    public let required: Bool
    /// May be given more than once (a JSON array).
    public let repeatable: Bool
    public let help: String

    public init(_ name: String, _ kind: Kind, required: Bool = true, repeatable: Bool = false, help: String) {
        self.name = name
        self.kind = kind
        self.required = required
        self.repeatable = repeatable
        self.help = help
    }
}
