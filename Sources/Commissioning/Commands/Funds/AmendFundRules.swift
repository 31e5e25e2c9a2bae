import LedgerStore

/// `fund amend`: new rules from a date that is not in the past (rules are never back-dated).
/// Fields not given keep their value in the rules in force.
public struct AmendFundRules: LedgerCommand {
    public static let spec = CommandSpec(
        name: "fund amend", summary: "Amend a fund's rules from today or a later date (never back-dated).",
        role: .commissioningOfficer,
        fields: [
            FieldSpec("fund", .id, help: "the fund"),
            FieldSpec("reason", .text, help: "why the rules change"),
        ] + FundRuleFields.specs,
        example: [("fund", ["property"]), ("grant-max", ["3000.00"]), ("rules-from", ["2019-04-01"]), ("reason", ["Commissioner's decision 2019/07"])])

    let fundId: String
    let reason: String
    let fields: CommandFields

    public init(_ fields: CommandFields) throws {
        fundId = try fields.id("fund")
        reason = try fields.text("reason")
        self.fields = fields
    }

    public func decide(_ decision: Decision) throws -> String {
        let fund = try decision.fund(fundId)
        try decision.requireNotBefore(fund.lastEffective, of: "fund \(fundId)")
        let current = try decision.latestRules(of: fundId, fund)
        var base = current
        base.effectiveFrom = decision.on
        let rules = try FundRuleFields.rules(fields, base: base)
        try decision.requireNotBackDated(rules.effectiveFrom, what: "a rule amendment")
        if rules.effectiveFrom < current.effectiveFrom {
            throw CommissioningError.rule(.backDating, "the rules in force from \(current.effectiveFrom) cannot be replaced from an earlier date \(rules.effectiveFrom)")
        }
        for code in rules.mojObjectives { try decision.requireObjectives([code], validOn: rules.effectiveFrom) }
        try decision.emit(FundRulesAmended(fundId: fundId, rules: rules, reason: reason), to: StreamId.fund(fundId))
        return "amended the rules of fund \(fundId) from \(rules.effectiveFrom)"
    }
}
