import LedgerStore

/// Which events a report counts: those recorded by a sequence (the head "as known at" an
/// instant) and, of those, the ones effective on or before a date ("as of").
public struct PointInTime: Sendable, Equatable {
    /// The last sequence counted: the ledger head as known at the report's instant.
    public var throughSequence: UInt64
    /// The last effective date counted; nil counts every date.
    public var asOf: CalendarDate?

    public init(throughSequence: UInt64, asOf: CalendarDate? = nil) {
        self.throughSequence = throughSequence
        self.asOf = asOf
    }

    /// Whether a fact from event `sequence`, effective on `date`, is counted.
    public func counts(sequence: UInt64, effective date: CalendarDate) -> Bool {
        sequence <= throughSequence && (asOf.map { date <= $0 } ?? true)
    }
}
