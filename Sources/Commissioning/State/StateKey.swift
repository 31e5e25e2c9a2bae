import LedgerStore

/// Keys of the decision state (LedgerStore's `state` database), one family per kind of entity.
enum StateKey {
    static func objective(_ code: String) -> String { "objective/" + code }
    static func area(_ code: String) -> String { "area/" + code }
    static func actor(_ id: String) -> String { "actor/" + id }
    static func organisation(_ id: String) -> String { "org/" + id }
    static func fund(_ id: String) -> String { "fund/" + id }
    static func fundYear(_ id: String, _ year: FinancialYear) -> String { "fund-year/\(id)/\(year)" }
    /// A version of a fund's rules, under the date it takes effect (ISO dates sort as dates).
    static func fundRules(_ id: String, _ from: CalendarDate) -> String { fundRulesPrefix(id) + from.description }
    static func fundRulesPrefix(_ id: String) -> String { "fund-rules/\(id)/" }
    static func round(_ id: String) -> String { "round/" + id }
    static func bid(_ id: String) -> String { "bid/" + id }
    static func grant(_ id: String) -> String { "grant/" + id }
    static func commitment(_ id: String) -> String { "commitment/" + id }
    static func closedYear(_ year: FinancialYear) -> String { "closed-year/" + year.description }
    static func payment(_ reference: String) -> String { "payment/" + reference }
    static func allocation(_ id: String) -> String { "allocation/" + id }
    static func accrual(_ id: String) -> String { "accrual/" + id }
    static func counter(_ kind: String) -> String { "counter/" + kind }
    /// The ids of every fund, in the order they were established.
    static let fundIds = "index/funds"
    /// Set once someone holds the commissioning-officer role: from then on only commissioning
    /// officers grant roles.
    static let rolesBootstrapped = "roles/bootstrapped"
}

/// Streams: the entity an event belongs to.
enum StreamId {
    static func objective(_ code: String) -> String { "objective-" + code }
    static func area(_ code: String) -> String { "area-" + code }
    static func actor(_ id: String) -> String { "actor-" + id }
    static func organisation(_ id: String) -> String { "org-" + id }
    static func fund(_ id: String) -> String { "fund-" + id }
    static func round(_ id: String) -> String { "round-" + id }
    static func year(_ year: FinancialYear) -> String { "year-" + year.description }
    /// Reports issued outside the ledger.
    static let reports = "reports"
    /// Bids, grants, contracts and agreements: their ids are their streams (`bid-0042`).
    static func entity(_ id: String) -> String { id }
}
