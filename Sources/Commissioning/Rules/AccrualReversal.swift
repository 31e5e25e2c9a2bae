import LedgerStore

/// How a year-end accrual moves money (DESIGN.md, "Money": finance "may record year-end
/// accruals (delivered, not yet paid), which reverse in the next year").
///
/// An accrual counts in its own year from its date, and the same amount is taken back in the
/// next year from that year's first day (or from the accrual's date, if it is recorded later):
/// the payment that settles it in the next year and the reversal cancel out, so the work is
/// spent once, in the year it was delivered. A reversal in error (``AccrualReversed``) takes
/// back both. The decision state and every projection of money take these legs from here.
public enum AccrualReversal {
    /// One leg of an accrual: a signed line and the date it takes effect.
    public struct Leg: Sendable, Equatable {
        public var line: FundingLine
        public var effective: CalendarDate
    }

    /// The legs of accruing `line` on `date` (`sign` 1), or of reversing that accrual in error
    /// on `date` (`sign` -1): the accrual's year, then the next year.
    public static func legs(of line: FundingLine, on date: CalendarDate, sign: Int64) -> [Leg] {
        let amount = Money(pence: sign * line.amount.pence)
        let next = line.financialYear.next
        return [
            Leg(line: FundingLine(financialYear: line.financialYear, source: line.source, amount: amount), effective: date),
            Leg(line: FundingLine(financialYear: next, source: line.source, amount: -amount), effective: max(date, next.firstDay)),
        ]
    }
}
