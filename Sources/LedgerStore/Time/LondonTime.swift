/// The Europe/London clock, computed from the UK's summer-time rule rather than a time-zone
/// database, so a fresh machine without tzdata gives the same answers.
///
/// Since 1996 British Summer Time (UTC+1) runs from 01:00 UTC on the last Sunday of March to
/// 01:00 UTC on the last Sunday of October; the rest of the year London is on UTC.
public enum LondonTime {
    /// The offset from UTC, in seconds, in force at `instant`.
    public static func offsetSeconds(at instant: LedgerInstant) -> Int64 {
        let year = instant.utcDate.year
        let start = LedgerInstant(utcDate: lastSunday(of: 3, in: year), seconds: 3600)
        let end = LedgerInstant(utcDate: lastSunday(of: 10, in: year), seconds: 3600)
        return instant >= start && instant < end ? 3600 : 0
    }

    /// The London calendar date at `instant`.
    public static func date(at instant: LedgerInstant) -> CalendarDate {
        instant.adding(microseconds: offsetSeconds(at: instant) * LedgerInstant.microsecondsPerSecond).utcDate
    }

    /// The instant of London midnight at the start of `date`.
    public static func startOfDay(_ date: CalendarDate) -> LedgerInstant {
        // Midnight London is never inside a change of clocks (they change at 01:00 and 02:00).
        let utcMidnight = LedgerInstant(utcDate: date)
        let guess = utcMidnight.adding(microseconds: -3600 * LedgerInstant.microsecondsPerSecond)
        return utcMidnight.adding(microseconds: -offsetSeconds(at: guess) * LedgerInstant.microsecondsPerSecond)
    }

    static func lastSunday(of month: Int, in year: Int) -> CalendarDate {
        let last = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(year: year, month: month))!
        return last.adding(days: -last.weekday)
    }
}
