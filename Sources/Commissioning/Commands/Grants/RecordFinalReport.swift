import LedgerStore

/// `grant final-report`: the grantee's final report: outcomes achieved against expected,
/// evidence, learning shared. "The balance of funding will be subject to the receipt of a final
/// report that clearly demonstrates the outcomes and delivery of the project in line with the
/// grant agreement."
public struct RecordFinalReport: LedgerCommand {
    public static let spec = CommandSpec(
        name: "grant final-report", summary: "Record a grant's final report: outcomes achieved, evidence, learning shared.",
        role: .commissioningOfficer,
        fields: [
            FieldSpec("grant", .id, help: "the grant"),
            FieldSpec(
                "outcome", .compound("DESCRIPTION:TARGET:ACHIEVED, such as 'young people engaged:40:52'"), required: false, repeatable: true,
                help: "an outcome with its target and what was achieved"),
            FieldSpec("evidence", .text, required: false, help: "the evidence of the outcomes (registers, surveys, an evaluation)"),
            FieldSpec("learning", .text, required: false, help: "how the learning was shared"),
        ],
        example: [
            ("grant", ["grant-0001"]), ("outcome", ["young people engaged:40:52"]), ("evidence", ["attendance registers; exit survey"]),
            ("learning", ["presented to the county youth forum"]),
        ])

    let grantId: String
    let outcomes: [AchievedOutcome]
    let evidence: String
    let learning: String

    public init(_ fields: CommandFields) throws {
        grantId = try fields.id("grant")
        let count = { (s: String) -> Int64? in Int64(s).flatMap { $0 >= 0 ? $0 : nil } }
        outcomes = try fields.compound("outcome", parts: 3).map { parts in
            AchievedOutcome(
                description: parts[0], target: try fields.part("outcome", parts, count, at: 1), achieved: try fields.part("outcome", parts, count, at: 2))
        }
        evidence = try fields.optionalText("evidence") ?? ""
        learning = try fields.optionalText("learning") ?? ""
    }

    public func decide(_ decision: Decision) throws -> String {
        let grant = try decision.grantInOrder(grantId)
        try decision.requireGrantOpen(grant, grantId, to: "take a final report")
        try decision.requireSigned(grant, grantId, to: "take a final report")
        try decision.requireFinalReport(grant, grantId, in: [.none, .returned], to: "take another final report")
        let fund = try decision.fund(grant.fundId)
        let rules = try decision.rules(of: grant.fundId, fund, on: decision.on)
        var missing: [String] = []
        var give: [String] = []
        if rules.requiresOutcomeEvidence && outcomes.isEmpty {
            missing.append("no outcomes")
            give.append("--outcome DESCRIPTION:TARGET:ACHIEVED")
        }
        if rules.requiresOutcomeEvidence && evidence.isEmpty {
            missing.append("no evidence")
            give.append("--evidence")
        }
        if rules.requiresLearningShared && learning.isEmpty {
            missing.append("nothing on how learning was shared")
            give.append("--learning")
        }
        if !missing.isEmpty {
            throw CommissioningError.rule(
                .finalReportContent,
                "the final report of \(grantId) has \(missing.joined(separator: ", ")); the \(fund.name)'s \"Conditions of funding include requirements to evidence outcomes and share learning\". "
                    + "Give \(give.joined(separator: " and ")).")
        }
        try decision.emit(FinalReportReceived(grantId: grantId, outcomes: outcomes, evidence: evidence, learningShared: learning), to: StreamId.entity(grantId))
        let met = outcomes.filter { $0.achieved >= $0.target }.count
        return "recorded the final report of \(grantId): \(met) of \(outcomes.count) outcome\(outcomes.count == 1 ? "" : "s") met or exceeded"
    }
}
