/// An amount of money in integer pence. Arithmetic traps on overflow rather than wrap.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var pence: Int64

    public static let zero = Money(pence: 0)

    public init(pence: Int64) { self.pence = pence }

    public init(pounds: Int64) { pence = pounds * 100 }

    /// Parses pounds and pence as people write them: `7500`, `7500.00`, `7,500.5`, `£7,500.00`.
    /// Nil for anything else (more than two decimals, stray characters, a sign).
    public init?(parsing text: String) {
        var s = Substring(text)
        if s.hasPrefix("£") { s = s.dropFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Self.parseWhole(parts[0]) else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            fraction = Int64(digits)! * (digits.count == 1 ? 10 : 1)
        }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: 100)
        guard !overflow else { return nil }
        pence = scaled + fraction
    }

    private static func parseWhole(_ text: Substring) -> Int64? {
        guard !text.isEmpty else { return nil }
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let digits = groups.joined()
        guard digits.count <= 15, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(digits)
    }

    /// `£7,500.00`; negative amounts as `-£25.00`.
    public var description: String {
        let magnitude = pence.magnitude
        let pounds = String(magnitude / 100)
        var grouped = ""
        for (i, c) in pounds.enumerated() {
            if i > 0 && (pounds.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(c)
        }
        let p = magnitude % 100
        return (pence < 0 ? "-" : "") + "£" + grouped + "." + (p < 10 ? "0" : "") + String(p)
    }

    /// `7500.00`: the plain form for CSV, JSON and hledger.
    public var plain: String {
        let magnitude = pence.magnitude
        let p = magnitude % 100
        return (pence < 0 ? "-" : "") + String(magnitude / 100) + "." + (p < 10 ? "0" : "") + String(p)
    }

    public static func + (a: Money, b: Money) -> Money { Money(pence: a.pence + b.pence) }
    public static func - (a: Money, b: Money) -> Money { Money(pence: a.pence - b.pence) }
    public static func += (a: inout Money, b: Money) { a = a + b }
    public static func -= (a: inout Money, b: Money) { a = a - b }
    public static prefix func - (a: Money) -> Money { Money(pence: -a.pence) }
    public static func < (a: Money, b: Money) -> Bool { a.pence < b.pence }

    /// `basisPoints` / 10,000 of this amount, rounded down to the penny.
    public func proportion(basisPoints: Int64) -> Money {
        Money(pence: pence * basisPoints / 10_000)
    }

    public init(from decoder: any Decoder) throws {
        pence = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if encoder.userInfo[.forPeople] as? Bool == true {
            try container.encode(plain)
        } else {
            try container.encode(pence)
        }
    }
}

extension Sequence {
    /// The sum of the amounts `amount` picks.
    public func sum(_ amount: (Element) -> Money) -> Money {
        reduce(.zero) { $0 + amount($1) }
    }
}

extension Money: BinaryWritable, BinaryReadable {
    public func write(to sink: BinarySink) { sink.write(pence) }
    public init(reading input: BinarySource) throws { pence = try input.readInteger(Int64.self) }
}
