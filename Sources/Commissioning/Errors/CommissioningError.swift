/// Why a command was refused. Every message says what was wrong and what would be accepted;
/// a refused command appends nothing.
public enum CommissioningError: Error, Equatable, CustomStringConvertible {
    /// A field of the command is missing or malformed.
    case field(name: String, problem: String)
    /// The command names something the ledger does not hold.
    case unknown(kind: String, id: String, hint: String)
    /// The command would create something that already exists.
    case duplicate(kind: String, id: String)
    /// The acting person does not hold the role the command needs (on its date).
    case notPermitted(actor: String, needs: String, command: String)
    /// The entity is not in a state where the command fits.
    case wrongState(kind: String, id: String, state: String, command: String, fitting: String)
    /// A rule of a fund or of the strategy refuses the command.
    case rule(Rule, String)

    /// The rules a decision enforces, named so tests and reports can refer to them.
    public enum Rule: String, Sendable {
        case grantLimit = "grant-limit"
        case awardAboveRequest = "award-above-request"
        case fundsAvailable = "funds-available"
        case mojAllocation = "moj-allocation"
        case mojPurpose = "moj-purpose"
        case endorsement
        case eligibleOrganisation = "eligible-organisation"
        case holdBack = "hold-back"
        case finalReportFirst = "final-report-first"
        case finalReportContent = "final-report-content"
        case tranchesSum = "tranches-sum"
        case overpayment
        case paymentReference = "payment-reference"
        case conflictOfInterest = "conflict-of-interest"
        case separationOfDuties = "separation-of-duties"
        case objectiveValidity = "objective-validity"
        case areaValidity = "area-validity"
        case backDating = "back-dating"
        case closedYear = "closed-year"
        case streamOrder = "stream-order"
        case futureDate = "future-date"
        case roundOpen = "round-open"
        case route
        case profile
    }

    public var description: String {
        switch self {
        case let .field(name, problem): return "\(name): \(problem)"
        case let .unknown(kind, id, hint): return "unknown \(kind) '\(id)'. \(hint)"
        case let .duplicate(kind, id): return "\(kind) '\(id)' already exists; choose another id."
        case let .notPermitted(actor, needs, command):
            return "\(actor) may not run `\(command)`: it needs \(needs). Act as someone who holds that role, or have it granted first."
        case let .wrongState(kind, id, state, command, fitting):
            return "\(kind) \(id) is \(state), so it cannot \(command); \(fitting)."
        case let .rule(_, message): return message
        }
    }

    /// The rule broken, when a rule refused the command.
    public var rule: Rule? {
        if case let .rule(rule, _) = self { return rule }
        return nil
    }
}
