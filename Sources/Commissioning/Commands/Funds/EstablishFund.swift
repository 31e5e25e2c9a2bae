import LedgerStore

/// `fund establish`: a fund and its rules, as the strategy sets them.
public struct EstablishFund: LedgerCommand {
    public static let spec = CommandSpec(
        name: "fund establish", summary: "Establish a fund with its rules (limits, pot, hold-back, panels, eligibility, ring fence).",
        role: .commissioningOfficer,
        fields: [
            FieldSpec("id", .id, help: "a short id, such as community"),
            FieldSpec("name", .text, help: "the fund's name"),
            FieldSpec("kind", .choice(FundKind.allCases.map(\.rawValue)), help: "which of the strategy's five funds it is"),
        ] + FundRuleFields.specs,
        example: [
            ("id", ["community"]), ("name", ["Community Fund"]), ("kind", ["community"]), ("grant-min", ["1000.00"]),
            ("grant-max", ["10000.00"]), ("pot", ["300000.00"]), ("pot-first-year", ["2017-18"]), ("pot-last-year", ["2019-20"]),
            ("hold-back-percent", ["20"]), ("panels-per-year", ["2"]), ("rules-from", ["2017-04-01"]),
        ])

    let fundId: String
    let name: String
    let kind: FundKind
    let fields: CommandFields

    public init(_ fields: CommandFields) throws {
        fundId = try fields.id("id")
        name = try fields.text("name")
        kind = try fields.choice("kind", FundKind.self)
        self.fields = fields
    }

    public func decide(_ decision: Decision) throws -> String {
        if try decision.state.get(FundState.self, StateKey.fund(fundId)) != nil {
            throw CommissioningError.duplicate(kind: "fund", id: fundId)
        }
        let rules = try FundRuleFields.rules(fields, base: FundRules(effectiveFrom: decision.on, route: FundRuleFields.defaultRoute(kind)))
        for code in rules.mojObjectives { try decision.requireObjectives([code], validOn: rules.effectiveFrom) }
        try decision.emit(FundEstablished(fundId: fundId, name: name, kind: kind, rules: rules), to: StreamId.fund(fundId))
        return "established fund \(fundId) (\(name)) with rules from \(rules.effectiveFrom)"
    }
}
