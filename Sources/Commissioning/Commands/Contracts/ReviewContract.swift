import LedgerStore

/// `contract review`: a review of a contract or partnership agreement for a period: each KPI's
/// actual figure, service-user feedback as aggregates only (no personal data enters the log),
/// Victims' Code compliance and a rating. "All services will be reviewed to assess how well
/// they are delivering against the agreed outcomes within this strategy. This will involve
/// feedback from service users and reviewing the performance of contracts and providers."
public struct ReviewContract: LedgerCommand {
    public static let spec = CommandSpec(
        name: "contract review", summary: "Record a review of a contract or partnership agreement: KPI actuals, aggregated feedback, rating.",
        role: .commissioningOfficer,
        fields: [
            FieldSpec("contract", .id, help: "the contract or partnership agreement"),
            FieldSpec("period", .text, help: "the period reviewed, such as 2017-18 or 2017-18 Q2 (at most \(periodCharactersMax) characters)"),
            FieldSpec("kpi-actual", .compound("NAME:ACTUAL, such as referrals-assessed:1187"), required: false, repeatable: true, help: "a KPI of the contract and its actual figure"),
            FieldSpec("feedback-responses", .integer, required: false, help: "how many service users gave feedback (a count only; default 0)"),
            FieldSpec("feedback-satisfied", .integer, required: false, help: "how many of them were satisfied (at most feedback-responses; default 0)"),
            FieldSpec("victims-code-compliant", .flag, required: false, help: "the service met the Victims' Code (required for a victims' service)"),
            FieldSpec("rating", .choice(ReviewRating.allCases.map(\.rawValue)), help: "the review's rating"),
        ],
        example: [
            ("contract", ["contract-0001"]), ("period", ["2017-18"]), ("kpi-actual", ["referrals-assessed:1187"]), ("feedback-responses", ["212"]),
            ("feedback-satisfied", ["197"]), ("victims-code-compliant", ["true"]), ("rating", ["good"]),
        ])

    /// A period is a label, not a place for notes: names and case details never enter the log.
    static let periodCharactersMax = 40

    let commitmentId: String
    let period: String
    let actuals: [KeyPerformanceIndicator]
    let responses: Int64
    let satisfied: Int64
    let victimsCodeCompliant: Bool?
    let rating: ReviewRating

    public init(_ fields: CommandFields) throws {
        commitmentId = try fields.id("contract")
        period = try fields.text("period")
        if period.count > Self.periodCharactersMax {
            throw CommissioningError.field(
                name: "period", problem: "is \(period.count) characters; give a period label of at most \(Self.periodCharactersMax), such as 2017-18 Q2")
        }
        var actuals: [KeyPerformanceIndicator] = []
        for parts in try fields.compound("kpi-actual", parts: 2) {
            let actual = KeyPerformanceIndicator(name: parts[0], target: try fields.part("kpi-actual", parts, { Int64($0).flatMap { $0 >= 0 ? $0 : nil } }, at: 1))
            if actuals.contains(where: { $0.name == actual.name }) {
                throw CommissioningError.field(name: "kpi-actual", problem: "'\(actual.name)' is given twice; give each KPI once")
            }
            actuals.append(actual)
        }
        self.actuals = actuals
        responses = try fields.optionalInteger("feedback-responses") ?? 0
        satisfied = try fields.optionalInteger("feedback-satisfied") ?? 0
        if satisfied > responses {
            throw CommissioningError.field(
                name: "feedback-satisfied", problem: "\(satisfied) is more than the \(responses) feedback-responses; give how many of those were satisfied")
        }
        victimsCodeCompliant = fields.values["victims-code-compliant"] != nil ? try fields.flag("victims-code-compliant") : nil
        rating = try fields.choice("rating", ReviewRating.self)
    }

    public func decide(_ decision: Decision) throws -> String {
        let commitment = try decision.commitment(commitmentId, toAct: "be reviewed", allowEnded: true)
        if commitment.victimsService && victimsCodeCompliant == nil {
            throw CommissioningError.field(
                name: "victims-code-compliant", problem: "is required: \(commitmentId) is a victims' service; say whether it met the Victims' Code (true or false)")
        }
        let kpis = try decision.letting(of: commitmentId).kpis
        if let unknown = actuals.first(where: { actual in !kpis.contains { $0.name == actual.name } }) {
            let known = kpis.isEmpty ? "it has none" : "its KPIs are: " + kpis.map(\.name).joined(separator: ", ")
            throw CommissioningError.field(name: "kpi-actual", problem: "'\(unknown.name)' is not a KPI of \(commitmentId); \(known)")
        }
        try decision.emit(
            ContractReviewed(
                commitmentId: commitmentId, period: period, kpiActuals: actuals, feedbackResponses: responses, feedbackSatisfied: satisfied,
                victimsCodeCompliant: victimsCodeCompliant ?? false, rating: rating),
            to: StreamId.entity(commitmentId))
        return "recorded review of \(commitmentId) for \(period): \(rating.rawValue)"
    }
}
