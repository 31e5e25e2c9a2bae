import LedgerStore

/// The fields that set a fund's rules, shared by `fund establish` and `fund amend`.
enum FundRuleFields {
    static let specs: [FieldSpec] = [
        FieldSpec("rules-from", .date, required: false, help: "the day the rules come into force (default: the command's date)"),
        FieldSpec("route", .choice(CommissioningRoute.allCases.map(\.rawValue)), required: false, help: "how the fund commissions (default: grant; victims: procurement; partnership: partnership)"),
        FieldSpec("grant-min", .money, required: false, help: "the smallest grant"),
        FieldSpec("grant-max", .money, required: false, help: "the largest grant"),
        FieldSpec("pot", .money, required: false, help: "the most the fund commits over its period (or each year with pot-per-year)"),
        FieldSpec("pot-per-year", .flag, required: false, help: "the pot is for each financial year; what a year leaves unawarded lapses"),
        FieldSpec("pot-first-year", .financialYear, required: false, help: "the first financial year of a pot over a period"),
        FieldSpec("pot-last-year", .financialYear, required: false, help: "the last financial year of a pot over a period"),
        FieldSpec("hold-back-percent", .compound("a percentage with up to two decimals, such as 20 or 12.5"), required: false, help: "the part of each grant held back until the final report is accepted"),
        FieldSpec("panels-per-year", .integer, required: false, help: "how many panels a year consider bids"),
        FieldSpec("eligible-type", .choice(OrganisationType.allCases.map(\.rawValue)), required: false, repeatable: true, help: "organisation types that may apply (default: any)"),
        FieldSpec("endorsement-required", .flag, required: false, help: "bids need a police officer or PCSO of their area"),
        FieldSpec("ring-fenced", .flag, required: false, help: "MoJ money stays within each year's MoJ allocation"),
        FieldSpec("moj-objective", .objective, required: false, repeatable: true, help: "objective codes MoJ money may pay for (a code covers its sub-priorities)"),
        FieldSpec("outcome-evidence-required", .flag, required: false, help: "final reports must evidence outcomes"),
        FieldSpec("learning-required", .flag, required: false, help: "final reports must say how learning was shared"),
    ]

    /// Rules from the fields, each unset field taken from `base`.
    static func rules(_ fields: CommandFields, base: FundRules) throws -> FundRules {
        var rules = base
        if let from = try fields.optionalDate("rules-from") { rules.effectiveFrom = from }
        if let route = try fields.optionalChoice("route", CommissioningRoute.self) { rules.route = route }
        if let min = try fields.optionalMoney("grant-min") { rules.grantMin = min }
        if let max = try fields.optionalMoney("grant-max") { rules.grantMax = max }
        if let pot = try fields.optionalMoney("pot") { rules.potAmount = pot }
        rules.potPerYear = try fields.flag("pot-per-year", default: base.potPerYear)
        if fields.values["pot-first-year"] != nil { rules.potFirstYear = try fields.financialYear("pot-first-year") }
        if fields.values["pot-last-year"] != nil { rules.potLastYear = try fields.financialYear("pot-last-year") }
        if let percent = try fields.optionalText("hold-back-percent") {
            guard let hundredths = Money(parsing: percent), hundredths.pence <= 10_000 else {
                throw CommissioningError.field(name: "hold-back-percent", problem: "'\(percent)' is not a percentage from 0 to 100 with up to two decimals")
            }
            rules.holdBackBasisPoints = hundredths.pence
        }
        if let panels = try fields.optionalInteger("panels-per-year", in: 0...52) { rules.panelsPerYear = panels }
        if fields.values["eligible-type"] != nil {
            rules.eligibleOrganisationTypes = try fields.list("eligible-type").map { value in
                guard let type = OrganisationType(rawValue: value) else {
                    throw CommissioningError.field(name: "eligible-type", problem: "'\(value)' is not \(fields.spec.field("eligible-type")!.kind.accepted)")
                }
                return type
            }
        }
        rules.endorsementRequired = try fields.flag("endorsement-required", default: base.endorsementRequired)
        rules.ringFenced = try fields.flag("ring-fenced", default: base.ringFenced)
        if fields.values["moj-objective"] != nil { rules.mojObjectives = try fields.list("moj-objective") }
        rules.requiresOutcomeEvidence = try fields.flag("outcome-evidence-required", default: base.requiresOutcomeEvidence)
        rules.requiresLearningShared = try fields.flag("learning-required", default: base.requiresLearningShared)
        try check(rules)
        return rules
    }

    static func check(_ rules: FundRules) throws {
        if let min = rules.grantMin, let max = rules.grantMax, min > max {
            throw CommissioningError.field(name: "grant-min", problem: "\(min) is above grant-max \(max)")
        }
        if let first = rules.potFirstYear, let last = rules.potLastYear, last < first {
            throw CommissioningError.field(name: "pot-last-year", problem: "\(last) is before pot-first-year \(first)")
        }
        if rules.potAmount != nil && !rules.potPerYear && (rules.potFirstYear == nil || rules.potLastYear == nil) {
            throw CommissioningError.field(name: "pot-first-year", problem: "a pot over a period needs pot-first-year and pot-last-year (or pot-per-year)")
        }
    }

    /// The route a fund of `kind` uses unless told otherwise.
    static func defaultRoute(_ kind: FundKind) -> CommissioningRoute {
        switch kind {
        case .victims: return .procurement
        case .partnership: return .partnership
        case .property, .community, .innovation: return .grant
        }
    }
}
