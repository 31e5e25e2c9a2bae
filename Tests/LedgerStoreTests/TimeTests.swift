import LedgerStore
import Testing

@Suite("Calendar dates, instants and London time")
struct TimeTests {
    @Test("dates parse and print as YYYY-MM-DD, and impossible dates are refused",
          arguments: ["2017-04-01", "2020-02-29", "2019-12-31", "1970-01-01"])
    func datesRoundTrip(_ text: String) throws {
        let date = try #require(CalendarDate(iso8601: text))
        #expect(date.description == text)
    }

    @Test("impossible or malformed dates are refused", arguments: ["2019-02-29", "2018-13-01", "2018-04-31", "18-04-01", "2018-4-1", "2018-04-01T", "", "2018/04/01"])
    func badDates(_ text: String) {
        #expect(CalendarDate(iso8601: text) == nil)
    }

    @Test("instants with offsets parse to UTC")
    func instants() throws {
        let a = try #require(LedgerInstant(parsing: "2018-04-06T10:30:00+01:00"))
        #expect(a.description == "2018-04-06T09:30:00.000000Z")
        let b = try #require(LedgerInstant(parsing: "2018-04-06T09:30:00.25Z"))
        #expect(b.description == "2018-04-06T09:30:00.250000Z")
        #expect(LedgerInstant(parsing: "2018-04-06T09:30:00") == nil)  // no offset: ambiguous
        #expect(LedgerInstant(parsing: "2018-04-06T25:30:00Z") == nil)
    }

    @Test("a bare date means the end of that London day, in summer and in winter")
    func endOfLondonDay() throws {
        #expect(LedgerInstant(parsing: "2018-04-01")?.description == "2018-04-01T22:59:59.999999Z")  // BST
        #expect(LedgerInstant(parsing: "2018-01-15")?.description == "2018-01-15T23:59:59.999999Z")  // GMT
        // 2018-03-25: the clocks went forward at 01:00 UTC, so the day ends at 23:00 UTC.
        #expect(LedgerInstant(parsing: "2018-03-25")?.description == "2018-03-25T22:59:59.999999Z")
        // 2018-10-28: the clocks went back at 01:00 UTC; the day ends at midnight UTC.
        #expect(LedgerInstant(parsing: "2018-10-28")?.description == "2018-10-28T23:59:59.999999Z")
        #expect(LedgerInstant(parsing: "2018-10-27")?.description == "2018-10-27T22:59:59.999999Z")
    }

    @Test("the London date of an instant near midnight")
    func londonDate() throws {
        let lateUTC = try #require(LedgerInstant(parsing: "2018-03-31T23:30:00Z"))
        #expect(LondonTime.date(at: lateUTC).description == "2018-04-01")  // 00:30 BST
        let winter = try #require(LedgerInstant(parsing: "2018-01-31T23:30:00Z"))
        #expect(LondonTime.date(at: winter).description == "2018-01-31")
    }
}
