/// A financial year closed: nothing is dated in it any more.
public struct YearClosed: EventPayload {
    public static let eventType = "YearClosed"
    public static let schemaVersion: UInt16 = 1

    public var financialYear: FinancialYear

    public init(financialYear: FinancialYear) {
        self.financialYear = financialYear
    }
}
