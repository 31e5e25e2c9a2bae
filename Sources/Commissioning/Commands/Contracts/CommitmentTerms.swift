import LedgerStore

/// The terms of a contract (`contract let`) or a partnership agreement (`agreement make`): the
/// fields both take and the checks both make before the commitment is recorded.
struct CommitmentTerms {
    /// What differs between a contract and a partnership agreement.
    struct Kind {
        /// The route the fund must commission by.
        let route: CommissioningRoute
        /// `contract` or `agreement`: the id prefix, the id counter and the word in messages.
        let noun: String
        /// The command that fits the other route, for the message refusing this one.
        let otherCommand: String
        let victimsServiceDefault: Bool
    }

    /// Victims' services procured from a provider (the Victims' Services Fund).
    static let contract = Kind(route: .procurement, noun: "contract", otherCommand: "agreement make", victimsServiceDefault: true)
    /// Work a public-sector lead agency commissions with Partnership Fund money.
    static let agreement = Kind(route: .partnership, noun: "agreement", otherCommand: "contract let", victimsServiceDefault: false)

    /// The fields of `contract let` and `agreement make`.
    static func fields(_ kind: Kind) -> [FieldSpec] {
        let party = kind.route == .partnership ? "the lead agency: a registered public-sector organisation" : "the provider: a registered organisation"
        let defaultVictims = kind.victimsServiceDefault ? "true" : "false"
        return [
            FieldSpec("fund", .id, help: "the fund (its route must be \(kind.route.rawValue))"),
            FieldSpec("provider", .id, help: party),
            FieldSpec("service", .text, help: "the service commissioned"),
            FieldSpec("value", .money, help: "the whole value over the term"),
            FieldSpec("start", .date, help: "the first day of the term"),
            FieldSpec("end", .date, help: "the last day of the term"),
            FieldSpec("objective", .objective, repeatable: true, help: "a Police and Crime Plan objective code valid on the date"),
            FieldSpec("kpi", .compound("NAME:TARGET, such as referrals-assessed:1200"), required: false, repeatable: true, help: "a key performance indicator and its target"),
            FundingProfile.field(required: true, help: "the value by financial year and funding source; the lines sum to the value"),
            FieldSpec("victims-service", .flag, required: false, help: "a service for victims that meets the Victims' Code, which MoJ money may pay for (default \(defaultVictims))"),
            FieldSpec("id", .id, required: false, help: "an id (default: \(kind.noun)-NNNN)"),
        ]
    }

    let kind: Kind
    let fundId: String
    let providerId: String
    let service: String
    let value: Money
    let start: CalendarDate
    let end: CalendarDate
    let objectives: [String]
    let kpis: [KeyPerformanceIndicator]
    let profile: [FundingLine]
    let victimsService: Bool
    let id: String?

    /// Reads the fields and checks their form.
    init(_ fields: CommandFields, kind: Kind) throws {
        self.kind = kind
        fundId = try fields.id("fund")
        providerId = try fields.id("provider")
        service = try fields.text("service")
        value = try fields.money("value")
        if value == .zero { throw CommissioningError.field(name: "value", problem: "is £0.00; a \(kind.noun) is worth more than nothing") }
        start = try fields.date("start")
        end = try fields.date("end")
        if end < start { throw CommissioningError.field(name: "end", problem: "\(end) is before start \(start)") }
        objectives = try fields.list("objective")
        var kpis: [KeyPerformanceIndicator] = []
        for parts in try fields.compound("kpi", parts: 2) {
            let kpi = KeyPerformanceIndicator(name: parts[0], target: try fields.part("kpi", parts, { Int64($0).flatMap { $0 >= 0 ? $0 : nil } }, at: 1))
            if kpis.contains(where: { $0.name == kpi.name }) {
                throw CommissioningError.field(name: "kpi", problem: "'\(kpi.name)' is given twice; give each KPI once")
            }
            kpis.append(kpi)
        }
        self.kpis = kpis
        profile = try FundingProfile.parse(fields)
        victimsService = try fields.flag("victims-service", default: kind.victimsServiceDefault)
        id = try fields.optionalId("id")
    }

    /// Checks every rule and records the commitment.
    func decide(_ decision: Decision) throws -> String {
        let fund = try decision.fund(fundId)
        let rules = try decision.rules(of: fundId, fund, on: decision.on)
        if rules.route != kind.route {
            throw CommissioningError.rule(
                .route,
                "fund \(fundId) commissions by \(rules.route.rawValue), not by \(kind.route.rawValue); \(kind.noun)s come from a fund whose route is \(kind.route.rawValue)"
                    + (rules.route == .grant ? " (this fund's money goes out as grants on bids: `cledger bid submit`)." : " (use `cledger \(kind.otherCommand)`)."))
        }
        let provider = try decision.organisation(providerId)
        try requireEligible(provider, rules)
        try decision.requireObjectives(objectives, validOn: decision.on)
        for year in Set(profile.map(\.financialYear)).sorted() { try decision.requireOpen(year) }
        try FundingProfile.check(profile, value: value, start: start, end: end)
        let money = FundMoney(fundId: fundId, fund: fund, rules: rules, state: decision.state)
        try money.requireMojPurpose(
            profile, objectives: objectives, victimsService: victimsService,
            notVictimsService: "this \(kind.noun) is not marked as one (victims-service is false): give --victims-service if it is a service "
                + "for victims that meets the Victims' Code, or fund it from another source (such as opcc).")
        try money.requireFits(profile)
        let commitmentId = try decision.newEntityId(id, counter: kind.noun, kind: kind.noun)
        try decision.emit(
            ContractLet(
                commitmentId: commitmentId, fundId: fundId, providerId: providerId, service: service, route: kind.route, value: value,
                start: start, end: end, objectives: objectives, victimsService: victimsService, kpis: kpis, profile: profile),
            to: StreamId.entity(commitmentId))
        return "\(kind.route == .partnership ? "made" : "let") \(commitmentId) with \(providerId) for '\(service)': \(value) from \(start) to \(end) (\(FundingProfile.describe(profile)))"
    }

    /// The fund's eligible organisation types and, for a partnership agreement, a public-sector
    /// lead agency: "our partners are uniquely placed through their links to local communities
    /// and the services they deliver to act as the lead agency".
    private func requireEligible(_ provider: OrganisationState, _ rules: FundRules) throws {
        let types = rules.eligibleOrganisationTypes
        if kind.route == .partnership && !provider.type.isPublicSector {
            throw CommissioningError.rule(
                .eligibleOrganisation,
                "\(providerId) is a \(provider.type.rawValue), not a public-sector body, so it cannot lead a partnership agreement: the strategy's partners are "
                    + "\"uniquely placed through their links to local communities and the services they deliver to act as the lead agency\". "
                    + "Name a public-sector partner\(types.isEmpty ? "" : " (fund \(fundId) takes: \(types.map(\.rawValue).joined(separator: ", ")))").")
        }
        if !types.isEmpty && !types.contains(provider.type) {
            throw CommissioningError.rule(
                .eligibleOrganisation,
                "\(providerId) is a \(provider.type.rawValue), and fund \(fundId) commissions only: \(types.map(\.rawValue).joined(separator: ", ")).")
        }
    }
}
