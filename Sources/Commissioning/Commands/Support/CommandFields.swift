import LedgerStore

/// The fields of one command as given (flags or a JSON line), checked against its spec, with
/// typed getters whose errors name the field and what would be accepted.
public struct CommandFields: Sendable {
    public let spec: CommandSpec
    public let values: [String: [String]]

    /// Checks names and counts: every field known to the command, required ones present,
    /// single ones given once.
    public init(spec: CommandSpec, values: [String: [String]]) throws {
        for name in values.keys.sorted() where spec.field(name) == nil {
            let known = spec.fields.map(\.name).joined(separator: ", ")
            throw CommissioningError.field(
                name: name, problem: "'\(spec.name)' has no field '\(name)'; its fields are: \(known)")
        }
        for field in spec.fields {
            let given = values[field.name] ?? []
            if field.required && given.isEmpty {
                throw CommissioningError.field(name: field.name, problem: "is required: give \(field.kind.accepted) (\(field.help))")
            }
            if !field.repeatable && given.count > 1 {
                throw CommissioningError.field(name: field.name, problem: "was given \(given.count) times; give it once")
            }
        }
        self.spec = spec
        self.values = values
    }

    /// The explicit fields in a canonical form: the content of an idempotency key.
    public var canonicalContent: [UInt8] {
        var out = Array(spec.name.utf8)
        for name in values.keys.sorted() {
            for value in values[name]! {
                out.append(0)
                out += Array(name.utf8)
                out.append(0x3d)
                out += Array(value.utf8)
            }
        }
        return out
    }

    func raw(_ name: String) -> String? {
        precondition(spec.field(name) != nil, "'\(spec.name)' reads a field '\(name)' its spec does not declare")
        return values[name]?.first
    }

    func fail(_ name: String, _ value: String) -> CommissioningError {
        let kind = spec.field(name)!.kind
        return .field(name: name, problem: "'\(value)' is not \(kind.accepted)")
    }

    public func text(_ name: String) throws -> String {
        guard let value = raw(name) else { throw CommissioningError.field(name: name, problem: "is required") }
        guard !value.isEmpty else { throw CommissioningError.field(name: name, problem: "is empty; give \(spec.field(name)!.kind.accepted)") }
        return value
    }

    public func optionalText(_ name: String) throws -> String? {
        try raw(name).map { _ in try text(name) }
    }

    public func id(_ name: String) throws -> String {
        let value = try text(name)
        let allowed = value.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5a) || ($0 >= 0x61 && $0 <= 0x7a) || $0 == 0x2d || $0 == 0x2e || $0 == 0x5f }
        guard allowed, value.utf8.count <= 100 else { throw fail(name, value) }
        return value
    }

    public func optionalId(_ name: String) throws -> String? {
        try raw(name).map { _ in try id(name) }
    }

    public func money(_ name: String) throws -> Money {
        let value = try text(name)
        guard let money = Money(parsing: value) else { throw fail(name, value) }
        return money
    }

    public func optionalMoney(_ name: String) throws -> Money? {
        try raw(name).map { _ in try money(name) }
    }

    public func date(_ name: String) throws -> CalendarDate {
        let value = try text(name)
        guard let date = CalendarDate(iso8601: value) else { throw fail(name, value) }
        return date
    }

    public func optionalDate(_ name: String) throws -> CalendarDate? {
        try raw(name).map { _ in try date(name) }
    }

    public func financialYear(_ name: String) throws -> FinancialYear {
        let value = try text(name)
        guard let year = FinancialYear(parsing: value) else { throw fail(name, value) }
        return year
    }

    public func integer(_ name: String, in range: ClosedRange<Int64> = 0...Int64.max) throws -> Int64 {
        let value = try text(name)
        guard let number = Int64(value), range.contains(number) else {
            throw CommissioningError.field(name: name, problem: "'\(value)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    public func optionalInteger(_ name: String, in range: ClosedRange<Int64> = 0...Int64.max) throws -> Int64? {
        try raw(name).map { _ in try integer(name, in: range) }
    }

    public func flag(_ name: String, default defaultValue: Bool = false) throws -> Bool {
        guard let value = raw(name) else { return defaultValue }
        switch value.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw fail(name, value)
        }
    }

    public func choice<T: RawRepresentable>(_ name: String, _ type: T.Type) throws -> T where T.RawValue == String {
        let value = try text(name)
        guard let choice = T(rawValue: value) else { throw fail(name, value) }
        return choice
    }

    public func optionalChoice<T: RawRepresentable>(_ name: String, _ type: T.Type) throws -> T? where T.RawValue == String {
        try raw(name).map { _ in try choice(name, type) }
    }

    /// Every value of a repeatable field. A value with commas is several values, except for
    /// free text, where a comma is part of the text.
    public func list(_ name: String) throws -> [String] {
        guard let field = spec.field(name) else {
            preconditionFailure("'\(spec.name)' reads a field '\(name)' its spec does not declare")
        }
        let given = values[name] ?? []
        if case .text = field.kind { return given.filter { !$0.isEmpty } }
        return given.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }

    /// Every value of a repeatable compound field, split on `:` into exactly `parts` parts.
    public func compound(_ name: String, parts: Int) throws -> [[String]] {
        try (values[name] ?? []).map { value in
            let split = value.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard split.count == parts, split.allSatisfy({ !$0.isEmpty }) else { throw fail(name, value) }
            return split
        }
    }

    /// Parses one part of a compound value, naming the field and whole value when it fails.
    func part<T>(_ name: String, _ value: [String], _ parse: (String) -> T?, at index: Int) throws -> T {
        guard let parsed = parse(value[index]) else { throw fail(name, value.joined(separator: ":")) }
        return parsed
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

extension Set where Element == Character {
    static let whitespaces: Set<Character> = [" ", "\t"]
}
