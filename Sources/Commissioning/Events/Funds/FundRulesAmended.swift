/// New rules for a fund, in force from their date (never back-dated).
public struct FundRulesAmended: EventPayload {
    public static let eventType = "FundRulesAmended"
    public static let schemaVersion: UInt16 = 1

    public var fundId: String
    public var rules: FundRules
    public var reason: String

    public init(fundId: String, rules: FundRules, reason: String) {
        self.fundId = fundId
        self.rules = rules
        self.reason = reason
    }
}
