import LedgerStore

/// `accrual reverse`: finance reverses an accrual recorded in error, with a reason, while its
/// year is open; a closed year is never restated (its accruals reverse in the next year of
/// themselves).
public struct ReverseAccrual: LedgerCommand {
    public static let spec = CommandSpec(
        name: "accrual reverse", summary: "Reverse an accrual recorded in error, while its financial year is open.",
        role: .financeOfficer,
        fields: [
            FieldSpec("accrual", .id, help: "the accrual (accrual-NNNN)"),
            FieldSpec("reason", .text, help: "why it is reversed"),
        ],
        example: [("accrual", ["accrual-0001"]), ("reason", ["invoice received and paid before the year end"])])

    let accrualId: String
    let reason: String

    public init(_ fields: CommandFields) throws {
        accrualId = try fields.id("accrual")
        reason = try fields.text("reason")
    }

    public func decide(_ decision: Decision) throws -> String {
        guard let accrual = try decision.state.get(CorrectableState.self, StateKey.accrual(accrualId)), let commitmentId = accrual.commitmentId else {
            throw CommissioningError.unknown(kind: "accrual", id: accrualId, hint: "Accruals are named like accrual-0001, as `cledger accrual record` printed.")
        }
        if accrual.reversed {
            throw CommissioningError.wrongState(
                kind: "accrual", id: accrualId, state: "already reversed", command: "be reversed again",
                fitting: "an accrual is reversed once; record a new one with `cledger accrual record` if it is needed")
        }
        if try decision.state.get(Bool.self, StateKey.closedYear(accrual.line.financialYear)) == true {
            throw CommissioningError.rule(
                .closedYear,
                "\(accrualId) is an accrual of \(accrual.line.financialYear), which is closed; a closed year is never restated (its accruals reverse in \(accrual.line.financialYear.next) of themselves).")
        }
        let commitment = try decision.commitment(commitmentId)
        try decision.requireNotBefore(try decision.lastEventDate(of: commitmentId, commitment), of: "\(commitment.noun) \(commitmentId)")
        try decision.emit(
            AccrualReversed(accrualId: accrualId, commitmentId: commitmentId, fundId: accrual.fundId, line: accrual.line, reason: reason),
            to: StreamId.entity(commitmentId))
        return "reversed accrual \(accrualId) of \(accrual.line.amount) on \(commitmentId) for \(accrual.line.financialYear)"
    }
}
