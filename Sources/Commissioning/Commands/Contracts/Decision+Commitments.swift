import LedgerStore

/// Reads and checks the commands on contracts and partnership agreements share.
extension Decision {
    /// A contract or agreement a command acts on, dated no earlier than its last event, and
    /// (unless `allowEnded`) not ended.
    /// - Parameter action: what the command would do to it, such as "be paid".
    func commitment(_ id: String, toAct action: String, allowEnded: Bool = false) throws -> CommitmentState {
        let commitment = try self.commitment(id)
        if commitment.ended && !allowEnded {
            throw CommissioningError.wrongState(
                kind: commitment.noun, id: id, state: "ended", command: action,
                fitting: "an ended \(commitment.noun) takes only reviews, accruals and releases (`cledger contract release` returns what will not be paid to the fund)")
        }
        try requireNotBefore(try lastEventDate(of: id, commitment), of: "\(commitment.noun) \(id)")
        return commitment
    }

    /// The date of the last event of a commitment's stream. The decision state's
    /// `lastEffective` misses the accruals appended to the stream (the reducer does not touch
    /// the commitment for them), so the stream's last event is read as well.
    /// - Complexity: O(log n).
    func lastEventDate(of id: String, _ commitment: CommitmentState) throws -> CalendarDate {
        let stream = StreamId.entity(id)
        var last = commitment.lastEffective
        try writer.forEachEvent(inStream: stream, fromVersion: max(try writer.streamVersion(stream), 1)) { last = max(last, $0.effectiveDate) }
        return last
    }

    /// The event that let the contract or made the agreement: its start and KPIs, which the
    /// decision state does not keep.
    /// - Complexity: O(h log n) for a stream of h events: stream links point back, so reaching
    ///   its first event walks them all (a few dozen for a contract paid monthly for five years).
    func letting(of id: String) throws -> ContractLet {
        var first: Envelope?
        try writer.visitEvents(inStream: StreamId.entity(id), while: {
            first = $0
            return false
        })
        guard let first, case let .contractLet(letting) = try CommissioningEvent(first) else {
            preconditionFailure("stream \(id) has a commitment in the decision state but does not begin with ContractLet: the log and the state disagree")
        }
        return letting
    }

    /// The money rules of `fundId` in force on the command's date.
    func money(of fundId: String) throws -> FundMoney {
        let fund = try self.fund(fundId)
        return FundMoney(fundId: fundId, fund: fund, rules: try rules(of: fundId, fund, on: on), state: state)
    }

    /// Refuses a change to a closed year's lines: a closed year is never restated.
    func requireOpen(changing old: [FundingLine], to new: [FundingLine]) throws {
        let keys = Set((old + new).map { YearSource($0.financialYear, $0.source) }).sorted()
        for key in keys where FundingProfile.amount(old, key.year, key.source) != FundingProfile.amount(new, key.year, key.source) {
            try requireOpen(key.year)
        }
    }
}

extension CommitmentState {
    /// `contract` or `agreement`, for messages.
    var noun: String { route == .partnership ? "agreement" : "contract" }

    /// What is left of the year's profile from each source that has anything left, in
    /// ``FundingSource`` order (MoJ money first).
    func remaining(in year: FinancialYear) -> [FundingLine] {
        FundingSource.allCases.map { FundingLine(financialYear: year, source: $0, amount: remaining(year, $0)) }.filter { $0.amount > .zero }
    }

    /// What can be released of the profile for `year` and `source`: what is left of it, but
    /// never more than it profiles and has not released, for what is left beyond that (the year
    /// before's accruals, reversed) is owed for work already delivered.
    func releasable(_ year: FinancialYear, _ source: FundingSource) -> Money {
        let notReleased = FundingProfile.amount(profile, year, source) - FundingProfile.amount(released, year, source)
        return max(min(remaining(year, source), notReleased), .zero)
    }

    /// How the profile for `year` and `source` is used, for messages: profiled, paid, accrued
    /// (net of the year before's accruals reversed in it) and released.
    func describeUse(_ year: FinancialYear, _ source: FundingSource) -> String {
        [(profile, "profiled"), (paid, "paid"), (accrued, "accrued"), (released, "released")]
            .map { "\(FundingProfile.amount($0.0, year, source)) \($0.1)" }.joined(separator: ", ")
    }

    /// Everything paid, net of reversals.
    var paidTotal: Money { paid.sum(\.amount) }

    /// The part of the profile neither paid nor released.
    var unpaid: Money { profile.sum(\.amount) - paidTotal - released.sum(\.amount) }
}
