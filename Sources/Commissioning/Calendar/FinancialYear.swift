import LedgerStore

/// A financial year: 1 April to 31 March, named by the calendar year it starts in (`2017-18`).
public struct FinancialYear: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var startYear: Int32

    public init(startYear: Int) { self.startYear = Int32(startYear) }

    /// The financial year `date` falls in.
    public init(containing date: CalendarDate) {
        startYear = Int32(date.month >= 4 ? date.year : date.year - 1)
    }

    /// Parses `2017-18` (or `2017/18`, or `2017`).
    public init?(parsing text: String) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" })
        guard let first = parts.first, first.count == 4, let start = Int(first), (1900...2998).contains(start) else { return nil }
        if parts.count == 2 {
            let next = (start + 1) % 100
            guard let second = Int(parts[1]), parts[1].count == 2, second == next else { return nil }
        } else if parts.count != 1 {
            return nil
        }
        startYear = Int32(start)
    }

    public var firstDay: CalendarDate { CalendarDate(year: Int(startYear), month: 4, day: 1)! }
    public var lastDay: CalendarDate { CalendarDate(year: Int(startYear) + 1, month: 3, day: 31)! }
    public var next: FinancialYear { FinancialYear(startYear: Int(startYear) + 1) }

    public func contains(_ date: CalendarDate) -> Bool { FinancialYear(containing: date) == self }

    /// `2017-18`.
    public var description: String {
        let next = (Int(startYear) + 1) % 100
        return "\(startYear)-\(next < 10 ? "0" : "")\(next)"
    }

    public static func < (a: FinancialYear, b: FinancialYear) -> Bool { a.startYear < b.startYear }

    public init(from decoder: any Decoder) throws {
        startYear = try decoder.singleValueContainer().decode(Int32.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if encoder.userInfo[.forPeople] as? Bool == true {
            try container.encode(description)
        } else {
            try container.encode(startYear)
        }
    }
}

extension FinancialYear: BinaryWritable, BinaryReadable {
    public func write(to sink: BinarySink) { sink.write(startYear) }
    public init(reading input: BinarySource) throws { startYear = try input.readInteger(Int32.self) }
}
