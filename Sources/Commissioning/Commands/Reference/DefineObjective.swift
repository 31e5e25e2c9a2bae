import LedgerStore

/// `objective define`: a Police and Crime Plan objective or sub-priority, with its dates.
public struct DefineObjective: LedgerCommand {
    public static let spec = CommandSpec(
        name: "objective define", summary: "Define a plan objective or sub-priority and the dates its plan applies.",
        role: .commissioningOfficer,
        fields: [
            FieldSpec("code", .objective, help: "the plan's code, such as 5 or 5.2"),
            FieldSpec("title", .text, help: "what the objective is"),
            FieldSpec("valid-from", .date, help: "the first day the plan applies"),
            FieldSpec("valid-to", .date, required: false, help: "the last day the plan applies"),
        ],
        example: [("code", ["5.2"]), ("title", ["Enhanced services for victims of serious crime"]), ("valid-from", ["2017-04-01"]), ("valid-to", ["2021-03-31"])])

    let payload: ObjectiveDefined

    public init(_ fields: CommandFields) throws {
        let code = try fields.text("code")
        let parts = code.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
            throw CommissioningError.field(name: "code", problem: "'\(code)' is not an objective code; give a number such as 5, or 5.2 for a sub-priority")
        }
        payload = ObjectiveDefined(
            code: code, title: try fields.text("title"), parentCode: parts.count == 2 ? String(parts[0]) : nil,
            validFrom: try fields.date("valid-from"), validTo: try fields.optionalDate("valid-to"))
        if let to = payload.validTo, to < payload.validFrom {
            throw CommissioningError.field(name: "valid-to", problem: "\(to) is before valid-from \(payload.validFrom)")
        }
    }

    public func decide(_ decision: Decision) throws -> String {
        if let parent = payload.parentCode {
            guard let objective = try decision.state.get(ReferenceState.self, StateKey.objective(parent)),
                objective.isValid(on: payload.validFrom)
            else {
                throw CommissioningError.unknown(kind: "objective", id: parent, hint: "Define objective \(parent) for \(payload.validFrom) before its sub-priority \(payload.code).")
            }
        }
        try decision.emit(payload, to: StreamId.objective(payload.code))
        return "defined objective \(payload.code) '\(payload.title)' from \(payload.validFrom)" + (payload.validTo.map { " to \($0)" } ?? "")
    }
}
