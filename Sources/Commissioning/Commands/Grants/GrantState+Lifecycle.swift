/// What the grant commands read off a grant, in the words their refusals use.
extension GrantState {
    /// The grant holds part of its award back until the final report is accepted.
    var holdsBack: Bool { tranches.contains(where: \.afterFinalReport) }

    /// Paid and not clawed back.
    var recoverable: Money { paid - recovered }

    /// The source of the grant's money: the source of its funding lines (an award names one).
    func source(_ fund: FundState) -> FundingSource {
        fundingLines.first?.source ?? FundMoney.defaultSource(fund.kind)
    }

    /// The final report's status as a sentence fragment: `not received`, `received, not yet accepted`.
    var finalReportText: String {
        switch finalReport {
        case .none: return "not received"
        case .received: return "received, not yet accepted"
        case .accepted: return "accepted"
        case .returned: return "returned for more work"
        }
    }
}

extension Decision {
    /// A grant that exists and has no event dated after this command's date.
    func grantInOrder(_ id: String) throws -> GrantState {
        let grant = try grant(id)
        try requireNotBefore(grant.lastEffective, of: "grant \(id)")
        return grant
    }

    /// Refuses a closed grant: nothing but a recovery is recorded on it.
    func requireGrantOpen(_ grant: GrantState, _ id: String, to command: String) throws {
        if grant.closed {
            throw CommissioningError.wrongState(
                kind: "grant", id: id, state: "closed", command: command,
                fitting: "a closed grant takes only a recovery of funds (`cledger grant recover`)")
        }
    }

    /// Refuses a grant whose agreement is not signed yet.
    func requireSigned(_ grant: GrantState, _ id: String, to command: String) throws {
        if !grant.signed {
            throw CommissioningError.wrongState(
                kind: "grant", id: id, state: "awarded with its agreement not signed", command: command,
                fitting: "record the signed agreement with `cledger grant sign --grant \(id)` first")
        }
    }

    /// Refuses unless the grant's final report is in one of `states`.
    func requireFinalReport(_ grant: GrantState, _ id: String, in states: Set<FinalReportStatus>, to command: String) throws {
        guard states.contains(grant.finalReport) else {
            let fitting: String
            switch grant.finalReport {
            case .none: fitting = "record the final report first with `cledger grant final-report`"
            case .received: fitting = "accept it with `cledger grant accept-report` or return it with `cledger grant return-report`"
            case .accepted: fitting = "the accepted report stands; nothing more is needed from the grantee"
            case .returned: fitting = "record the revised report with `cledger grant final-report`"
            }
            throw CommissioningError.wrongState(
                kind: "grant", id: id, state: "with its final report \(grant.finalReportText)", command: command, fitting: fitting)
        }
    }
}
