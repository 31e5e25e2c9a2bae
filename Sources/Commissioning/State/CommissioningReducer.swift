import LedgerStore

/// Folds commissioning events into the decision state that decisions read: fund totals and
/// every entity's status. It runs on append, in the same transaction, and in `verify`, which
/// compares the state it rebuilds with the stored one. It depends on nothing but the event
/// and the state.
public struct CommissioningReducer: DecisionStateReducer {
    public init() {}

    /// 2: accruals reverse in the next year (``AccrualReversal``), and a commitment keeps its
    /// accruals. 1: they did not.
    public var stateVersion: UInt32 { 2 }

    public func apply(_ envelope: Envelope, to access: any DecisionStateAccess) throws {
        let state = StateStore(access: access)
        let on = envelope.effectiveDate
        /// A fund's stream order counts only the events on the fund's own stream.
        func fund(_ state: StateStore, _ id: String, _ on: CalendarDate, _ change: (inout FundState) -> Void) throws {
            try state.modify(FundState.self, StateKey.fund(id)) {
                change(&$0)
                if envelope.streamId == StreamId.fund(id) { $0.lastEffective = max($0.lastEffective, on) }
            }
        }
        /// Changes a fund's money in one year from one source (and notes the event on the fund).
        func money(_ state: StateStore, _ fundId: String, _ line: FundingLine, _ on: CalendarDate, _ change: (inout FundYearLine) -> Void) throws {
            try fund(state, fundId, on) { _ in }
            let key = StateKey.fundYear(fundId, line.financialYear)
            var year = try state.get(FundYear.self, key) ?? FundYear(lines: [])
            year.update(line.financialYear, line.source, change)
            try state.set(year, key)
        }
        /// An accrual (`sign` 1) or its reversal in error (-1), in its year and the next
        /// (``AccrualReversal``): the fund's year lines and the commitment's profile both.
        func accrue(_ state: StateStore, _ fundId: String, _ commitmentId: String, _ line: FundingLine, sign: Int64) throws {
            let legs = AccrualReversal.legs(of: line, on: on, sign: sign).map(\.line)
            for leg in legs {
                try money(state, fundId, leg, on) { $0.accrued += leg.amount }
            }
            try commitment(state, commitmentId, on) { $0.accrued.append(contentsOf: legs) }
        }
        /// Commitments added to (`sign` 1) or taken from (-1) a fund's year lines.
        func commit(_ state: StateStore, _ fundId: String, _ lines: [FundingLine], _ on: CalendarDate, sign: Int64) throws {
            for line in lines {
                try money(state, fundId, line, on) { $0.committed += Money(pence: sign * line.amount.pence) }
            }
        }
        switch try CommissioningEvent(envelope) {
        case let .objectiveDefined(e):
            try define(state, StateKey.objective(e.code), name: e.title, Validity(from: e.validFrom, to: e.validTo))
        case let .areaDefined(e):
            try define(state, StateKey.area(e.gssCode), name: e.name, Validity(from: e.validFrom, to: e.validTo))
        case let .actorRegistered(e):
            try state.set(ActorState(roles: [], lastEffective: on), StateKey.actor(e.actorId))
        case let .roleGranted(e):
            try state.modify(ActorState.self, StateKey.actor(e.actorId)) {
                $0.roles.append(RoleHolding(role: e.role, rank: e.rank, areaCode: e.areaCode, from: on))
                $0.lastEffective = on
            }
            if e.role == .commissioningOfficer { try state.set(true, StateKey.rolesBootstrapped) }
        case let .roleRevoked(e):
            try state.modify(ActorState.self, StateKey.actor(e.actorId)) { actor in
                for i in actor.roles.indices where actor.roles[i].role == e.role && actor.roles[i].revokedOn == nil {
                    actor.roles[i].revokedOn = on
                }
                actor.lastEffective = on
            }
        case let .organisationRegistered(e):
            try state.set(OrganisationState(name: e.name, type: e.type, areaCode: e.areaCode, lastEffective: on), StateKey.organisation(e.organisationId))
        case let .fundEstablished(e):
            try state.set(FundState(name: e.name, kind: e.kind, firstRulesFrom: e.rules.effectiveFrom, latestRulesFrom: e.rules.effectiveFrom, lastEffective: on), StateKey.fund(e.fundId))
            try state.set(e.rules, StateKey.fundRules(e.fundId, e.rules.effectiveFrom))
            try state.set((try state.get([String].self, StateKey.fundIds) ?? []) + [e.fundId], StateKey.fundIds)
        case let .fundRulesAmended(e):
            try fund(state, e.fundId, on) { $0.latestRulesFrom = e.rules.effectiveFrom }
            try state.set(e.rules, StateKey.fundRules(e.fundId, e.rules.effectiveFrom))
        case let .allocationRecorded(e):
            try money(state, e.fundId, e.line, on) { $0.allocated += e.line.amount }
            try state.set(CorrectableState(fundId: e.fundId, line: e.line, reversed: false), StateKey.allocation(e.allocationId))
            try bump(state, "allocation")
        case let .allocationReversed(e):
            try money(state, e.fundId, e.line, on) { $0.allocated -= e.line.amount }
            try state.modify(CorrectableState.self, StateKey.allocation(e.allocationId)) { $0.reversed = true }
        case let .roundOpened(e):
            try state.set(RoundState(fundId: e.fundId, closesOn: e.closesOn, panelDate: e.panelDate, closed: false), StateKey.round(e.roundId))
            try fund(state, e.fundId, on) { _ in }
            let yearKey = StateKey.fundYear(e.fundId, FinancialYear(containing: e.panelDate))
            var year = try state.get(FundYear.self, yearKey) ?? FundYear(lines: [])
            year.panels += 1
            try state.set(year, yearKey)
            try bump(state, "round")
        case let .roundClosed(e):
            try state.modify(RoundState.self, StateKey.round(e.roundId)) { $0.closed = true }
        case let .yearClosed(e):
            try state.set(true, StateKey.closedYear(e.financialYear))
        case .mojReturnSubmitted, .reportIssued:
            break
        case let .bidSubmitted(e):
            let bid = BidState(
                fundId: e.fundId, roundId: e.roundId, organisationId: e.organisationId, areaCode: e.areaCode,
                amountRequested: e.amountRequested, objectives: e.objectives, plannedEnd: e.plannedEnd, status: .submitted,
                endorsedBy: nil, conflicted: [], scoredBy: [], recommendedAmount: nil, grantId: nil, lastEffective: on)
            try state.set(bid, StateKey.bid(e.bidId))
            try bump(state, "bid")
        case let .bidEndorsed(e):
            try bid(state, e.bidId, on) { $0.endorsedBy = e.officerId }
        case let .eligibilityAssessed(e):
            try bid(state, e.bidId, on) { $0.status = e.eligible ? .eligible : .ineligible }
        case let .conflictDeclared(e):
            try bid(state, e.bidId, on) { $0.conflicted.append(e.memberId) }
        case let .bidScored(e):
            try bid(state, e.bidId, on) { $0.scoredBy.append(e.memberId) }
        case let .panelRecommended(e):
            try bid(state, e.bidId, on) {
                $0.status = e.fund ? .recommended : .notRecommended
                $0.recommendedAmount = e.amount
            }
        case let .grantAwarded(e):
            try bid(state, e.bidId, on) {
                $0.status = .awarded
                $0.grantId = e.grantId
            }
            let bid = try state.get(BidState.self, StateKey.bid(e.bidId))!
            let grant = GrantState(
                bidId: e.bidId, fundId: e.fundId, organisationId: e.organisationId, amount: e.amount, tranches: e.tranches,
                paidByTranche: e.tranches.map { _ in .zero }, fundingLines: e.fundingLines, decidedBy: envelope.actor.id,
                signed: false, finalReport: .none, released: .zero, recovered: .zero, closed: false,
                plannedEnd: bid.plannedEnd, lastEffective: on)
            try state.set(grant, StateKey.grant(e.grantId))
            try bump(state, "grant")
            try commit(state, e.fundId, e.fundingLines, on, sign: 1)
        case let .bidDeclined(e):
            try bid(state, e.bidId, on) { $0.status = .declined }
        case let .bidWithdrawn(e):
            try bid(state, e.bidId, on) { $0.status = .withdrawn }
        case let .agreementSigned(e):
            try grant(state, e.grantId, on) { $0.signed = true }
        case let .tranchePaid(e):
            try grant(state, e.grantId, on) { $0.paidByTranche[Int(e.trancheNumber) - 1] += e.line.amount }
            try money(state, e.fundId, e.line, on) { $0.paid += e.line.amount }
            try state.set(
                PaymentState(commitmentId: e.grantId, fundId: e.fundId, lines: [e.line], trancheNumber: e.trancheNumber,
                             sequence: envelope.sequence, reversed: false),
                StateKey.payment(e.paymentReference))
        case let .progressReportReceived(e):
            try grant(state, e.grantId, on) { _ in }
        case let .finalReportReceived(e):
            try grant(state, e.grantId, on) { $0.finalReport = .received }
        case let .finalReportAccepted(e):
            try grant(state, e.grantId, on) { $0.finalReport = .accepted }
        case let .finalReportReturned(e):
            try grant(state, e.grantId, on) { $0.finalReport = .returned }
        case let .grantClosed(e):
            try grant(state, e.grantId, on) { $0.closed = true }
        case let .grantVaried(e):
            let before = try state.get(GrantState.self, StateKey.grant(e.grantId))!
            try commit(state, e.fundId, before.fundingLines, on, sign: -1)
            try commit(state, e.fundId, e.fundingLines, on, sign: 1)
            try grant(state, e.grantId, on) { grant in
                grant.amount = e.amount
                precondition(
                    grant.paidByTranche.dropFirst(e.tranches.count).allSatisfy { $0 == .zero },
                    "GrantVaried on \(e.grantId) drops a tranche that was paid: the decision must keep paid tranches")
                grant.paidByTranche = e.tranches.indices.map { $0 < grant.paidByTranche.count ? grant.paidByTranche[$0] : .zero }
                grant.tranches = e.tranches
                grant.fundingLines = e.fundingLines
                grant.plannedEnd = e.plannedEnd
            }
        case let .commitmentReleased(e):
            try money(state, e.fundId, e.line, on) { $0.released += e.line.amount }
            if try state.get(GrantState.self, StateKey.grant(e.commitmentId)) != nil {
                try grant(state, e.commitmentId, on) { $0.released += e.line.amount }
            } else {
                try commitment(state, e.commitmentId, on) { $0.released.append(e.line) }
            }
        case let .fundsRecovered(e):
            try money(state, e.fundId, e.line, on) { $0.recovered += e.line.amount }
            try grant(state, e.grantId, on) { $0.recovered += e.line.amount }
        case let .contractLet(e):
            let commitment = CommitmentState(
                fundId: e.fundId, providerId: e.providerId, route: e.route, value: e.value, end: e.end,
                objectives: e.objectives, victimsService: e.victimsService, profile: e.profile, paid: [], released: [], accrued: [],
                lettingActor: envelope.actor.id, ended: false, lastEffective: on)
            try state.set(commitment, StateKey.commitment(e.commitmentId))
            try bump(state, e.route == .procurement ? "contract" : "agreement")
            try commit(state, e.fundId, e.profile, on, sign: 1)
        case let .commitmentPaymentRecorded(e):
            try commitment(state, e.commitmentId, on) { $0.paid.append(contentsOf: e.lines) }
            for line in e.lines {
                try money(state, e.fundId, line, on) { $0.paid += line.amount }
            }
            try state.set(
                PaymentState(commitmentId: e.commitmentId, fundId: e.fundId, lines: e.lines, trancheNumber: nil,
                             sequence: envelope.sequence, reversed: false),
                StateKey.payment(e.paymentReference))
        case let .contractReviewed(e):
            try commitment(state, e.commitmentId, on) { _ in }
        case let .commitmentVaried(e):
            let before = try state.get(CommitmentState.self, StateKey.commitment(e.commitmentId))!
            try commit(state, e.fundId, before.profile, on, sign: -1)
            try commit(state, e.fundId, e.profile, on, sign: 1)
            try commitment(state, e.commitmentId, on) {
                $0.value = e.value
                $0.end = e.end
                $0.profile = e.profile
            }
        case let .commitmentEnded(e):
            try commitment(state, e.commitmentId, on) { $0.ended = true }
        case let .accrualRecorded(e):
            try accrue(state, e.fundId, e.commitmentId, e.line, sign: 1)
            try state.set(CorrectableState(fundId: e.fundId, commitmentId: e.commitmentId, line: e.line, reversed: false), StateKey.accrual(e.accrualId))
            try bump(state, "accrual")
        case let .accrualReversed(e):
            try accrue(state, e.fundId, e.commitmentId, e.line, sign: -1)
            try state.modify(CorrectableState.self, StateKey.accrual(e.accrualId)) { $0.reversed = true }
        case let .paymentReversed(e):
            for line in e.lines {
                try money(state, e.fundId, line, on) { $0.paid -= line.amount }
            }
            let payment = try state.get(PaymentState.self, StateKey.payment(e.paymentReference))!
            try state.modify(PaymentState.self, StateKey.payment(e.paymentReference)) { $0.reversed = true }
            if let tranche = payment.trancheNumber {
                try grant(state, e.commitmentId, on) { $0.paidByTranche[Int(tranche) - 1] -= e.lines.sum(\.amount) }
            } else {
                let negated = e.lines.map { FundingLine(financialYear: $0.financialYear, source: $0.source, amount: -$0.amount) }
                try commitment(state, e.commitmentId, on) { $0.paid.append(contentsOf: negated) }
            }
        }
    }

    private func define(_ state: StateStore, _ key: String, name: String, _ validity: Validity) throws {
        var reference = try state.get(ReferenceState.self, key) ?? ReferenceState(name: name, validity: [])
        reference.name = name
        reference.validity.removeAll { $0.from == validity.from }
        reference.validity.append(validity)
        try state.set(reference, key)
    }

    private func bump(_ state: StateStore, _ counter: String) throws {
        try state.set((try state.get(Int64.self, StateKey.counter(counter)) ?? 0) + 1, StateKey.counter(counter))
    }

    private func bid(_ state: StateStore, _ id: String, _ on: CalendarDate, _ change: (inout BidState) -> Void) throws {
        try state.modify(BidState.self, StateKey.bid(id)) {
            change(&$0)
            $0.lastEffective = on
        }
    }

    private func grant(_ state: StateStore, _ id: String, _ on: CalendarDate, _ change: (inout GrantState) -> Void) throws {
        try state.modify(GrantState.self, StateKey.grant(id)) {
            change(&$0)
            $0.lastEffective = on
        }
    }

    private func commitment(_ state: StateStore, _ id: String, _ on: CalendarDate, _ change: (inout CommitmentState) -> Void) throws {
        try state.modify(CommitmentState.self, StateKey.commitment(id)) {
            change(&$0)
            $0.lastEffective = on
        }
    }
}
