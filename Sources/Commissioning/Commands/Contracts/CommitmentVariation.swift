import LedgerStore

/// A change to a contract's or agreement's value, end and profile, as `contract vary` and
/// `contract extend` take it, and the checks both make: the replacement profile passes the
/// money rules the letting passed, with the old profile's money counted as free again.
struct CommitmentVariation {
    static func fields(isExtension: Bool) -> [FieldSpec] {
        [
            FieldSpec("contract", .id, help: "the contract or partnership agreement"),
            FieldSpec("value", .money, required: false, help: "the new whole value (default: unchanged); never below what has been paid"),
            FieldSpec("end", .date, required: isExtension, help: isExtension ? "the new last day of the term, after the current one" : "the new last day of the term (default: unchanged)"),
            FundingProfile.field(required: false, help: "the whole replacement profile (default: unchanged); it sums to the value"),
            FieldSpec("reason", .text, help: "why"),
        ]
    }

    let isExtension: Bool
    let commitmentId: String
    let value: Money?
    let end: CalendarDate?
    let profile: [FundingLine]?
    let reason: String

    init(_ fields: CommandFields, isExtension: Bool) throws {
        self.isExtension = isExtension
        commitmentId = try fields.id("contract")
        value = try fields.optionalMoney("value")
        if value == .zero { throw CommissioningError.field(name: "value", problem: "is £0.00; to stop the work use `cledger contract end` and release what is unpaid") }
        end = try fields.optionalDate("end")
        profile = fields.values["profile"] != nil ? try FundingProfile.parse(fields) : nil
        reason = try fields.text("reason")
        if !isExtension && value == nil && end == nil && profile == nil {
            throw CommissioningError.field(name: "value", problem: "is missing, as are end and profile; give at least one of them to vary")
        }
    }

    func decide(_ decision: Decision) throws -> String {
        let verb = isExtension ? "be extended" : "be varied"
        let old = try decision.commitment(commitmentId, toAct: verb)
        let start = try decision.letting(of: commitmentId).start
        let value = self.value ?? old.value
        let end = self.end ?? old.end
        let profile = self.profile ?? old.profile
        if isExtension && end <= old.end {
            throw CommissioningError.field(
                name: "end", problem: "\(end) is not after the current end \(old.end); an extension moves the end later (to change it otherwise use `cledger contract vary`)")
        }
        if !isExtension && value == old.value && end == old.end && profile == old.profile {
            throw CommissioningError.field(name: "value", problem: "the value, end and profile given are those \(commitmentId) already has; nothing would change")
        }
        if end < start { throw CommissioningError.field(name: "end", problem: "\(end) is before the start \(start) of \(commitmentId)") }
        try FundingProfile.check(profile, value: value, start: start, end: end)
        try requireCoversPaid(old, profile: profile, value: value)
        try decision.requireOpen(changing: old.profile, to: profile)
        let money = try decision.money(of: old.fundId)
        try money.requireMojPurpose(profile, objectives: old.objectives, victimsService: old.victimsService)
        try money.requireFits(profile, replacing: old.profile)
        try decision.emit(
            CommitmentVaried(
                commitmentId: commitmentId, fundId: old.fundId, value: value, end: end, profile: profile, isExtension: isExtension, reason: reason),
            to: StreamId.entity(commitmentId))
        return "\(isExtension ? "extended" : "varied") \(commitmentId): \(value) to \(end) (\(FundingProfile.describe(profile)))"
    }

    /// The new value is not below what has been paid, and no year and source is profiled below
    /// what has been paid, accrued and released from it.
    private func requireCoversPaid(_ old: CommitmentState, profile: [FundingLine], value: Money) throws {
        if value < old.paidTotal {
            throw CommissioningError.rule(
                .profile, "\(commitmentId) has been paid \(old.paidTotal), so its value cannot be \(value); give a value of at least \(old.paidTotal).")
        }
        let uses = old.paid + old.accrued + old.released
        let keys = Set(uses.map { YearSource($0.financialYear, $0.source) }).sorted()
        for key in keys {
            let used = FundingProfile.amount(uses, key.year, key.source)
            let profiled = FundingProfile.amount(profile, key.year, key.source)
            if profiled < used {
                throw CommissioningError.rule(
                    .profile,
                    "\(commitmentId) has paid, accrued and released \(used) of its \(key.year) \(key.source.rawValue) profile, so the new profile cannot give it \(profiled); profile at least \(used) there.")
            }
        }
    }
}
