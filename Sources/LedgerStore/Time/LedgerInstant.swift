/// An instant in UTC, to the microsecond: when the ledger recorded an event.
public struct LedgerInstant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let microsecondsSinceEpoch: Int64

    public static let microsecondsPerSecond: Int64 = 1_000_000
    public static let microsecondsPerDay: Int64 = 86_400 * microsecondsPerSecond

    public init(microsecondsSinceEpoch: Int64) {
        self.microsecondsSinceEpoch = microsecondsSinceEpoch
    }

    /// Midnight UTC at the start of `date`, plus `seconds`.
    public init(utcDate date: CalendarDate, seconds: Int64 = 0) {
        microsecondsSinceEpoch = Int64(date.daysSinceEpoch) * Self.microsecondsPerDay + seconds * Self.microsecondsPerSecond
    }

    public static func < (a: LedgerInstant, b: LedgerInstant) -> Bool {
        a.microsecondsSinceEpoch < b.microsecondsSinceEpoch
    }

    public func adding(microseconds: Int64) -> LedgerInstant {
        LedgerInstant(microsecondsSinceEpoch: microsecondsSinceEpoch + microseconds)
    }

    /// The UTC calendar date this instant falls on.
    public var utcDate: CalendarDate {
        CalendarDate(daysSinceEpoch: Int32(floorDivide(microsecondsSinceEpoch, Self.microsecondsPerDay)))
    }

    /// `2018-04-06T09:30:00.000000Z`.
    public var description: String {
        let date = utcDate
        let micros = microsecondsSinceEpoch - Int64(date.daysSinceEpoch) * Self.microsecondsPerDay
        let seconds = Int(micros / Self.microsecondsPerSecond)
        let fraction = Int(micros % Self.microsecondsPerSecond)
        return "\(date)T\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
            + ".\(pad(fraction, 6))Z"
    }

    /// Parses an ISO 8601 instant with an offset (`2018-04-06T10:30:00+01:00`, `…Z`, optional
    /// fraction of a second), or a bare date `YYYY-MM-DD` meaning the end of that London day
    /// (the last microsecond before the next London midnight). Nil for anything else.
    public init?(parsing text: String) {
        if let date = CalendarDate(iso8601: text) {
            self = LondonTime.startOfDay(date.adding(days: 1)).adding(microseconds: -1)
            return
        }
        guard let parsed = Self.parseTimestamp(Substring(text)) else { return nil }
        self = parsed
    }

    private static func parseTimestamp(_ text: Substring) -> LedgerInstant? {
        guard let t = text.firstIndex(where: { $0 == "T" || $0 == " " }),
            let date = CalendarDate(iso8601: text[..<t])
        else { return nil }
        var rest = text[text.index(after: t)...]
        // Offset: Z, or ±HH:MM at the end.
        var offsetMinutes = 0
        if rest.hasSuffix("Z") || rest.hasSuffix("z") {
            rest = rest.dropLast()
        } else if rest.count > 6, let sign = rest.dropLast(5).last, sign == "+" || sign == "-" {
            let offset = rest.suffix(5)
            guard offset.count == 5, offset[offset.index(offset.startIndex, offsetBy: 2)] == ":",
                let hh = Int(offset.prefix(2)), let mm = Int(offset.suffix(2)), hh < 24, mm < 60
            else { return nil }
            offsetMinutes = (hh * 60 + mm) * (sign == "-" ? -1 : 1)
            rest = rest.dropLast(6)
        } else {
            return nil  // an instant without an offset is ambiguous
        }
        var fraction: Int64 = 0
        if let dot = rest.firstIndex(of: ".") {
            let digits = rest[rest.index(after: dot)...]
            guard (1...6).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            fraction = Int64(digits + String(repeating: "0", count: 6 - digits.count))!
            rest = rest[..<dot]
        }
        let hms = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard hms.count == 3, hms.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let h = Int64(hms[0]), let m = Int64(hms[1]), let s = Int64(hms[2]), h < 24, m < 60, s < 60
        else { return nil }
        let seconds = h * 3600 + m * 60 + s - Int64(offsetMinutes) * 60
        return LedgerInstant(utcDate: date, seconds: seconds).adding(microseconds: fraction)
    }
}

func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
