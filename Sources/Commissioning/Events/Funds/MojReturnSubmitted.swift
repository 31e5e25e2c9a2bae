/// The MoJ return for a period was submitted, with its figures and the ledger head it was made from.
public struct MojReturnSubmitted: EventPayload {
    public static let eventType = "MojReturnSubmitted"
    public static let schemaVersion: UInt16 = 1

    public var financialYear: FinancialYear
    /// Such as `Q1` or `year`.
    public var period: String
    public var allocated: Money
    public var committed: Money
    public var paid: Money
    public var accrued: Money
    public var headSequence: UInt64
    public var headHash: String

    public init(
        financialYear: FinancialYear,
        period: String,
        allocated: Money,
        committed: Money,
        paid: Money,
        accrued: Money,
        headSequence: UInt64,
        headHash: String
    ) {
        self.financialYear = financialYear
        self.period = period
        self.allocated = allocated
        self.committed = committed
        self.paid = paid
        self.accrued = accrued
        self.headSequence = headSequence
        self.headHash = headHash
    }
}
