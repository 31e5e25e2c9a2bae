import LedgerStore

/// Who acts, and on what date.
public struct CommandContext: Sendable {
    /// The person the action is attributed to (an actor id).
    public var actorId: String
    /// The effective date; the caller resolves the default (today in London).
    public var on: CalendarDate
    public var idempotencyKey: String?
    /// The date was given, not the default: a retry under the same key must give the same one.
    public var onWasGiven: Bool

    public init(actorId: String, on: CalendarDate, idempotencyKey: String? = nil, onWasGiven: Bool = true) {
        self.actorId = actorId
        self.on = on
        self.idempotencyKey = idempotencyKey
        self.onWasGiven = onWasGiven
    }
}

/// One command's decision, inside the write transaction: typed reads of the decision state,
/// the checks every command shares, and emitting events.
public final class Decision {
    let writer: LedgerWriter
    let state: StateView
    public let context: CommandContext
    /// Today in London, by the ledger's clock.
    public let today: CalendarDate
    let spec: CommandSpec

    init(writer: LedgerWriter, context: CommandContext, today: CalendarDate, spec: CommandSpec) {
        self.writer = writer
        self.state = StateView(writer)
        self.context = context
        self.today = today
        self.spec = spec
    }

    public var on: CalendarDate { context.on }
    public var actorId: String { context.actorId }
    public var year: FinancialYear { FinancialYear(containing: on) }

    /// Appends `payload` to `stream` as an event by the acting person in the command's role.
    func emit<P: EventPayload>(_ payload: P, to stream: String) throws {
        let event = NewEvent(
            eventType: P.eventType, schemaVersion: P.schemaVersion, effectiveDate: on,
            actor: ActorRef(id: actorId, role: spec.role.rawValue), payload: try payload.encoded())
        try writer.append(to: stream, [event])
    }

    // MARK: Checks every command makes

    /// The date is not in the future and not in a closed financial year; the actor holds the
    /// command's role on it (`bootstrap`: unless nobody holds commissioning-officer yet).
    func checkCommon(bootstrap: Bool) throws {
        if on > today {
            throw CommissioningError.rule(.futureDate, "the date \(on) is after today (\(today)); record what has happened, dated when it happened.")
        }
        try requireOpen(year)
        if bootstrap, try state.get(Bool.self, StateKey.rolesBootstrapped) != true { return }
        guard let actor = try state.get(ActorState.self, StateKey.actor(actorId)) else {
            throw CommissioningError.unknown(
                kind: "actor", id: actorId, hint: "Register the person with `cledger actor register --id \(actorId)` and grant a role, or give --actor / CLEDGER_ACTOR.")
        }
        guard actor.holding(spec.role, on: on) != nil else {
            throw CommissioningError.notPermitted(actor: actorId, needs: "the \(spec.role.rawValue) role on \(on)", command: spec.name)
        }
    }

    /// Nothing is dated in a closed financial year.
    func requireOpen(_ year: FinancialYear) throws {
        if try state.get(Bool.self, StateKey.closedYear(year)) == true {
            throw CommissioningError.rule(
                .closedYear, "financial year \(year) is closed; date the command in an open year (a closed year is never restated).")
        }
    }

    /// A command may be back-dated, but never before the previous event of its entity.
    func requireNotBefore(_ last: CalendarDate, of entity: String) throws {
        if on < last {
            throw CommissioningError.rule(
                .streamOrder, "\(entity) already has an event dated \(last); date this command \(last) or later.")
        }
    }

    /// Rule amendments and role grants are never back-dated.
    func requireNotBackDated(_ date: CalendarDate, what: String) throws {
        if date < today {
            throw CommissioningError.rule(.backDating, "\(what) cannot be back-dated: \(date) is before today (\(today)); date it \(today) or later.")
        }
    }

    // MARK: Typed reads

    func fund(_ id: String) throws -> FundState {
        guard let fund = try state.get(FundState.self, StateKey.fund(id)) else {
            throw CommissioningError.unknown(kind: "fund", id: id, hint: "Give the id of an established fund (such as community), or establish one with `cledger fund establish`.")
        }
        return fund
    }

    /// Every fund with its id, in the order established.
    func funds() throws -> [(id: String, fund: FundState)] {
        try (state.get([String].self, StateKey.fundIds) ?? []).map { ($0, try fund($0)) }
    }

    func rules(of fundId: String, _ fund: FundState, on date: CalendarDate) throws -> FundRules {
        guard date >= fund.firstRulesFrom, let rules = try state.fundRules(fundId, on: date) else {
            throw CommissioningError.rule(.backDating, "fund \(fundId) has no rules in force on \(date); its rules start \(fund.firstRulesFrom).")
        }
        return rules
    }

    /// The fund's latest rules, whenever they take effect.
    func latestRules(of fundId: String, _ fund: FundState) throws -> FundRules {
        guard let rules = try state.fundRules(fundId, on: fund.latestRulesFrom) else {
            preconditionFailure("fund \(fundId) has rules from \(fund.latestRulesFrom) that the decision state does not hold: the log and the state disagree")
        }
        return rules
    }

    func organisation(_ id: String) throws -> OrganisationState {
        guard let organisation = try state.get(OrganisationState.self, StateKey.organisation(id)) else {
            throw CommissioningError.unknown(kind: "organisation", id: id, hint: "Register it first with `cledger org register --id \(id) …`.")
        }
        return organisation
    }

    func actor(_ id: String) throws -> ActorState {
        guard let actor = try state.get(ActorState.self, StateKey.actor(id)) else {
            throw CommissioningError.unknown(kind: "actor", id: id, hint: "Register the person with `cledger actor register --id \(id)`.")
        }
        return actor
    }

    func bid(_ id: String) throws -> BidState {
        guard let bid = try state.get(BidState.self, StateKey.bid(id)) else {
            throw CommissioningError.unknown(kind: "bid", id: id, hint: "Bids are named like bid-0042, as `cledger bid submit` printed.")
        }
        return bid
    }

    func grant(_ id: String) throws -> GrantState {
        guard let grant = try state.get(GrantState.self, StateKey.grant(id)) else {
            throw CommissioningError.unknown(kind: "grant", id: id, hint: "Grants are named like grant-0042, as `cledger bid award` printed.")
        }
        return grant
    }

    func commitment(_ id: String) throws -> CommitmentState {
        guard let commitment = try state.get(CommitmentState.self, StateKey.commitment(id)) else {
            throw CommissioningError.unknown(
                kind: "contract or agreement", id: id, hint: "They are named like contract-0003 or agreement-0001, as `cledger contract let` printed.")
        }
        return commitment
    }

    func round(_ id: String) throws -> RoundState {
        guard let round = try state.get(RoundState.self, StateKey.round(id)) else {
            throw CommissioningError.unknown(kind: "round", id: id, hint: "Open one with `cledger round open --fund … --closes-on … --panel-date …`.")
        }
        return round
    }

    /// Every objective is a plan code valid on `date`.
    func requireObjectives(_ codes: [String], validOn date: CalendarDate) throws {
        if codes.isEmpty {
            throw CommissioningError.field(name: "objective", problem: "is required: name at least one Police and Crime Plan objective code such as 5.2")
        }
        for code in codes {
            try requireReference(
                "objective", code, StateKey.objective(code), validOn: date, rule: .objectiveValidity,
                unknown: "is not a Police and Crime Plan objective the ledger defines; give the code of one (`cledger objective define` adds one)")
        }
    }

    /// The area is a GSS code valid on `date`.
    func requireArea(_ code: String, validOn date: CalendarDate) throws {
        try requireReference(
            "area", code, StateKey.area(code), validOn: date, rule: .areaValidity,
            unknown: "is not an area the ledger defines; give the ONS GSS code of one (`cledger area define` adds one)")
    }

    /// The objective or area at `key` is defined and applies on `date`; else the refusal says
    /// which (`unknown`), or when it does apply.
    private func requireReference(
        _ kind: String, _ code: String, _ key: String, validOn date: CalendarDate, rule: CommissioningError.Rule, unknown: String
    ) throws {
        guard let reference = try state.get(ReferenceState.self, key) else {
            throw CommissioningError.rule(rule, "\(kind) \(code) \(unknown).")
        }
        guard reference.isValid(on: date) else {
            let spans = reference.validity.sorted { $0.from < $1.from }
                .map { span in "from \(span.from)" + (span.to.map { " to \($0)" } ?? "") }.joined(separator: " and ")
            throw CommissioningError.rule(
                rule, "\(kind) \(code) (\(reference.name)) applies \(spans), not on \(date); use one in force on \(date).")
        }
    }

    /// The financial year released money goes back to: the year the commitment was made in,
    /// while that year is open (so a lapsing annual pot does not grow in a later year), else the
    /// year of the release (a closed year is never restated).
    func releaseYear(of lines: [FundingLine]) throws -> FinancialYear {
        guard let committed = lines.map(\.financialYear).max(), committed < year else { return year }
        return try state.get(Bool.self, StateKey.closedYear(committed)) == true ? year : committed
    }

    /// A payment reference is never used twice.
    func requireNewPaymentReference(_ reference: String) throws {
        if try state.get(PaymentState.self, StateKey.payment(reference)) != nil {
            throw CommissioningError.rule(.paymentReference, "payment reference \(reference) is already recorded; each finance-system payment is recorded once.")
        }
    }

    /// Whether `id` names a bid, grant, contract or agreement, or a stream with events: they
    /// share one family of ids, each its own stream (the reducer tells a release of a grant from
    /// one of a contract by its id).
    func entityExists(_ id: String) throws -> Bool {
        try state.get(BidState.self, StateKey.bid(id)) != nil || state.get(GrantState.self, StateKey.grant(id)) != nil
            || state.get(CommitmentState.self, StateKey.commitment(id)) != nil
            || writer.streamVersion(StreamId.entity(id)) != 0
    }

    /// The id for a new bid, grant, contract or agreement: the one given, which must be unused,
    /// or the next free `counter-NNNN`.
    func newEntityId(_ given: String?, counter: String, kind: String) throws -> String {
        guard let given else { return try nextId(counter, prefix: counter, exists: entityExists) }
        if try entityExists(given) { throw CommissioningError.duplicate(kind: kind, id: given) }
        return given
    }

    /// The next free id `prefix-NNNN` from a counter the reducer keeps.
    func nextId(_ counter: String, prefix: String, exists: (String) throws -> Bool) throws -> String {
        var n = (try state.get(Int64.self, StateKey.counter(counter)) ?? 0) + 1
        while true {
            let digits = String(n)
            let id = prefix + "-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
            if try !exists(id) { return id }
            n += 1
        }
    }
}
