import Commissioning
import LedgerStore

/// The people of a ledger that has been in use for two financial years: one person per role,
/// and the two unitary authorities their endorsing officers serve.
///
/// A role is granted from the day it is recorded and never back-dated, and `cledger` runs on
/// the real clock, so a command dated in an earlier year needs people who took up their roles
/// then. ``create(at:since:)`` writes them through the library on a clock set to that day; every
/// other command of the tests that use it goes through the program.
enum LedgerPeople {
    static let officer = CommissioningLedgerFixture.officer
    static let finance = "finance-1"
    /// A decision maker who is also a finance officer, so may try to pay an award of their own.
    static let decisionMaker = "dm-1"
    /// A panel member who also decides awards.
    static let chair = "chair-1"
    static let panel = "panel-1"
    static let panel2 = "panel-2"
    /// The PCSO of Cumberland (E06000063), where the test organisations are.
    static let pcso = "pcso-1"
    /// A sergeant of Westmorland and Furness (E06000064).
    static let sergeant = "sergeant-2"
    static let cumberland = "E06000063"
    static let westmorland = "E06000064"

    /// The first financial year of the ledger: two before today's, so that it and the next have
    /// ended and every day of both may be given to --on.
    static var firstYear: FinancialYear {
        FinancialYear(startYear: Int(FinancialYear(containing: CommissioningLedgerFixture.today).startYear) - 2)
    }

    /// Who holds which role, with an endorsing officer's rank and area.
    static let roles: [(actor: String, role: String, extra: [String: [String]])] = [
        (finance, "finance-officer", [:]),
        (decisionMaker, "decision-maker", [:]), (decisionMaker, "finance-officer", [:]),
        (chair, "panel-member", [:]), (chair, "decision-maker", [:]),
        (panel, "panel-member", [:]), (panel2, "panel-member", [:]),
        (pcso, "endorsing-officer", ["rank": ["PCSO"], "area": [cumberland]]),
        (sergeant, "endorsing-officer", ["rank": ["Sergeant"], "area": [westmorland]]),
    ]

    /// Creates a commissioning ledger at `path` whose officer, areas and people were recorded at
    /// 09:00 London on `since`, and returns its number of events.
    static func create(at path: String, since: CalendarDate) throws -> Int {
        let clock = SimulatedClock(LedgerInstant(utcDate: since, seconds: 8 * 3600))
        var options = CommissioningLedger.storeOptions()
        options.clock = clock
        let ledger = CommissioningLedger(store: try LedgerStore.create(at: path, options: options), clock: clock)
        var events = 0
        func run(_ command: String, _ fields: [String: [String]]) throws {
            events += try ledger.execute(command, fields, context: CommandContext(actorId: officer, on: since)).sequences.count
        }
        try run("actor register", ["id": [officer]])
        try run("role grant", ["actor-id": [officer], "role": ["commissioning-officer"]])
        try run("area define", ["code": [cumberland], "name": ["Cumberland"], "valid-from": ["2023-04-01"]])
        try run("area define", ["code": [westmorland], "name": ["Westmorland and Furness"], "valid-from": ["2023-04-01"]])
        for actor in Set(roles.map(\.actor)).sorted() { try run("actor register", ["id": [actor]]) }
        for (actor, role, extra) in roles {
            try run("role grant", ["actor-id": [actor], "role": [role]].merging(extra) { given, _ in given })
        }
        return events
    }
}

extension FinancialYear {
    /// The day `day` of `month` in this financial year (April to March).
    func date(_ month: Int, _ day: Int) -> CalendarDate {
        CalendarDate(year: Int(startYear) + (month < 4 ? 1 : 0), month: month, day: day)!
    }
}
