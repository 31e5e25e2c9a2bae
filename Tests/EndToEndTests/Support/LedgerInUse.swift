import Commissioning
import LedgerStore

/// What a ledger in use since the start of ``LedgerPeople/firstYear`` holds besides its people:
/// the plan objectives, the organisations, and four of the strategy's funds with its figures,
/// all recorded on the first day, as `cledger import` lines.
enum LedgerInUse {
    static var since: CalendarDate { LedgerPeople.firstYear.firstDay }

    /// "The community fund is a total pot of £300,000 over 3 years": the ledger's first three years.
    static var potYears: (first: FinancialYear, last: FinancialYear) { (LedgerPeople.firstYear, LedgerPeople.firstYear.next.next) }

    /// The plan objectives the tests use, valid from the first day; objective 4 and its 4.1 only
    /// for the first two years, a plan that has since ended (see ``objectivesEnd``).
    static let objectives: [(code: String, title: String)] = [
        ("3", "Tackle crime and antisocial behaviour"), ("3.1", "Tackle domestic abuse"),
        ("5", "Always put victims first"), ("5.1", "Joined-up and appropriate support for victims"),
        ("6", "Focus our police on online and sexual crime"), ("6.3", "Support for victims of sexual crime and child sexual exploitation"),
        ("8", "Supporting young people"), ("8.2", "Positive activities that prevent offending"),
    ]

    static let organisations: [(id: String, name: String, type: String)] = [
        ("keswick-youth-club", "Keswick Youth Club", "community-group"),
        ("carlisle-watch", "Carlisle Neighbourhood Watch", "watch-scheme"),
        ("victim-support", "Victim Support", "charity"),
        ("cumbria-cc", "Cumbria County Council", "local-authority"),
    ]

    /// The last day of objectives 4 and 4.1.
    static var objectivesEnd: CalendarDate { LedgerPeople.firstYear.next.lastDay }

    /// The first day, as the date fund rules and objectives start from.
    static var rulesFrom: ImportValue { .text("\(since)") }

    /// The objectives and organisations, as import lines.
    static var referenceLines: [String] {
        let validTo = ImportValue.text("\(objectivesEnd)")
        return objectives.map { importLine("objective define", ["code": .text($0.code), "title": .text($0.title), "valid-from": rulesFrom]) }
            + [
                importLine("objective define", [
                    "code": "4", "title": "Ensure offenders face a consequence for their crime", "valid-from": rulesFrom,
                    "valid-to": validTo,
                ]),
                importLine("objective define", ["code": "4.1", "title": "Reduce re-offending", "valid-from": rulesFrom, "valid-to": validTo]),
            ]
            + organisations.map { importLine("org register", ["id": .text($0.id), "name": .text($0.name), "type": .text($0.type), "area": .text(LedgerPeople.cumberland)]) }
    }

    /// The Property, Community, Victims' Services and Partnership funds, as import lines.
    static var fundLines: [String] {
        [
            importLine("fund establish", [
                "id": "property", "name": "Property Fund", "kind": "property", "rules-from": rulesFrom, "grant-max": "2500.00",
                "endorsement-required": true, "eligible-type": ["community-group", "watch-scheme", "parish-council", "charity", "voluntary-group", "school"],
            ]),
            importLine("fund establish", [
                "id": "community", "name": "Community Fund", "kind": "community", "rules-from": rulesFrom, "grant-min": "1000.00",
                "grant-max": "10000.00", "pot": "300000.00", "pot-first-year": .text("\(potYears.first)"), "pot-last-year": .text("\(potYears.last)"),
                "hold-back-percent": "20", "eligible-type": ["community-group", "voluntary-group", "charity", "social-enterprise"],
            ]),
            importLine("fund establish", [
                "id": "victims", "name": "Victims' Services Fund", "kind": "victims", "rules-from": rulesFrom, "ring-fenced": true,
                "moj-objective": ["5", "6.3"],
            ]),
            importLine("fund establish", [
                "id": "partnership", "name": "Partnership Fund", "kind": "partnership", "rules-from": rulesFrom,
                "eligible-type": ["local-authority", "health", "probation", "fire-and-rescue", "youth-offending-team"],
            ]),
        ]
    }
}
