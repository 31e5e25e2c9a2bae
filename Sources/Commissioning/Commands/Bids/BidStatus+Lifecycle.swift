/// Where a bid is in its lifecycle, in the words a refusal uses: what it is now and the
/// command that would fit it (DESIGN.md: "a command that does not fit the current state is
/// refused with an error naming the state and the command that would fit").
extension BidStatus {
    /// Whether the bid is finished: awarded (it is a grant now), declined or withdrawn.
    var isDecided: Bool { self == .awarded || self == .declined || self == .withdrawn }

    /// The command that fits a bid in this state.
    var fittingCommand: String {
        switch self {
        case .submitted: return "assess its eligibility first with `cledger bid assess`"
        case .eligible: return "the panel scores it with `cledger bid score` and recommends with `cledger bid recommend`"
        case .ineligible: return "an ineligible bid can only be declined (`cledger bid decline`) or withdrawn (`cledger bid withdraw`)"
        case .recommended: return "the decision maker awards it with `cledger bid award` or declines it with `cledger bid decline`"
        case .notRecommended: return "the decision maker declines it with `cledger bid decline`"
        case .awarded: return "it is a grant now: use the `cledger grant` commands"
        case .declined, .withdrawn: return "it is finished; record a new bid with `cledger bid submit`"
        }
    }
}

extension BidState {
    /// The state as a refusal names it: `awarded (grant-0001)`.
    var stateText: String {
        status == .awarded ? "awarded (\(grantId ?? ""))" : status.rawValue
    }
}

extension Decision {
    /// A bid that exists and has no event dated after this command's date.
    func bidInOrder(_ id: String) throws -> BidState {
        let bid = try bid(id)
        try requireNotBefore(bid.lastEffective, of: "bid \(id)")
        return bid
    }

    /// Refuses `bid` unless it is in one of `states`, naming its state and what would fit.
    func requireBid(_ bid: BidState, _ id: String, in states: Set<BidStatus>, to command: String) throws {
        guard states.contains(bid.status) else {
            throw CommissioningError.wrongState(kind: "bid", id: id, state: bid.stateText, command: command, fitting: bid.status.fittingCommand)
        }
    }

    /// "a panel member who declared a conflict on a bid cannot score it, recommend on it or
    /// decide it" (DESIGN.md): `action` is what they would do, `other` who must do it instead.
    func requireNoConflict(_ bid: BidState, _ id: String, to action: String, other: String) throws {
        if bid.conflicted.contains(actorId) {
            throw CommissioningError.rule(
                .conflictOfInterest, "\(actorId) declared a conflict of interest in \(id) and cannot \(action) it; another \(other) must.")
        }
    }
}
