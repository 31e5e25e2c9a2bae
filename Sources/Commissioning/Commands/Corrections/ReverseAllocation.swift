import LedgerStore

/// `allocation reverse`: finance reverses an allocation recorded in error, with a reason, while
/// its year is open. Refused when the fund's commitments from that year and source would then
/// be more than is allocated: the MoJ ring fence, and the allocation a fund without a pot
/// commits from, must still hold.
public struct ReverseAllocation: LedgerCommand {
    public static let spec = CommandSpec(
        name: "allocation reverse", summary: "Reverse an allocation recorded in error, if the fund's commitments still fit without it.",
        role: .financeOfficer,
        fields: [
            FieldSpec("allocation", .id, help: "the allocation (allocation-NNNN)"),
            FieldSpec("reason", .text, help: "why it is reversed"),
        ],
        example: [("allocation", ["allocation-0002"]), ("reason", ["recorded twice"])])

    let allocationId: String
    let reason: String

    public init(_ fields: CommandFields) throws {
        allocationId = try fields.id("allocation")
        reason = try fields.text("reason")
    }

    public func decide(_ decision: Decision) throws -> String {
        guard let allocation = try decision.state.get(CorrectableState.self, StateKey.allocation(allocationId)) else {
            throw CommissioningError.unknown(kind: "allocation", id: allocationId, hint: "Allocations are named like allocation-0001, as `cledger allocation record` printed.")
        }
        if allocation.reversed {
            throw CommissioningError.wrongState(
                kind: "allocation", id: allocationId, state: "already reversed", command: "be reversed again",
                fitting: "an allocation is reversed once; record the right one with `cledger allocation record`")
        }
        let line = allocation.line
        if try decision.state.get(Bool.self, StateKey.closedYear(line.financialYear)) == true {
            throw CommissioningError.rule(
                .closedYear, "\(allocationId) is an allocation for \(line.financialYear), which is closed; a closed year is never restated.")
        }
        let money = try decision.money(of: allocation.fundId)
        try decision.requireNotBefore(money.fund.lastEffective, of: "fund \(allocation.fundId)")
        let year = try decision.state.fundLine(allocation.fundId, line.financialYear, line.source)
        let after = year.allocated - line.amount
        let isRingFenced = line.source == .mojVictimsGrant && money.rules.ringFenced
        if (isRingFenced || money.rules.potAmount == nil) && year.netCommitted > after {
            let what = isRingFenced ? "MoJ allocation" : "\(line.source.rawValue) allocation"
            throw CommissioningError.rule(
                isRingFenced ? .mojAllocation : .fundsAvailable,
                "reversing \(allocationId) would leave the \(line.financialYear) \(what) of fund \(allocation.fundId) at \(after), below the \(year.netCommitted) committed from it; "
                    + "release or vary commitments first, or record the right allocation before reversing this one.")
        }
        try decision.emit(AllocationReversed(allocationId: allocationId, fundId: allocation.fundId, line: line, reason: reason), to: StreamId.fund(allocation.fundId))
        return "reversed allocation \(allocationId): \(line.amount) of \(line.source.rawValue) money to fund \(allocation.fundId) for \(line.financialYear)"
    }
}
