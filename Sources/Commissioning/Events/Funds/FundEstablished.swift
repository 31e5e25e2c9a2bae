/// A fund and its rules.
public struct FundEstablished: EventPayload {
    public static let eventType = "FundEstablished"
    public static let schemaVersion: UInt16 = 1

    public var fundId: String
    public var name: String
    public var kind: FundKind
    public var rules: FundRules

    public init(fundId: String, name: String, kind: FundKind, rules: FundRules) {
        self.fundId = fundId
        self.name = name
        self.kind = kind
        self.rules = rules
    }
}
