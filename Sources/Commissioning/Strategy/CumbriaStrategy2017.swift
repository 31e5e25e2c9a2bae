/// The reference data and funds of "Making Cumbria even safer", Commissioning Strategy
/// 2017-2020, as the commands that record them: the 2017-2020 Police and Crime Plan's
/// objectives, Cumbria's six districts with their ONS GSS codes, and the five funds with the
/// strategy's figures. The demo history and the tests start from it.
public enum CumbriaStrategy2017 {
    /// A command by name, with its fields.
    public typealias Step = (command: String, fields: [String: [String]])

    public static let planStart = "2017-04-01"
    public static let planEnd = "2021-03-31"

    /// The plan's objectives and sub-priorities (DESIGN.md, "The funds").
    public static let objectives: [(code: String, title: String)] = [
        ("3", "Tackle crime and antisocial behaviour"),
        ("3.1", "Tackle domestic abuse"), ("3.2", "Address hate crime"), ("3.3", "Address rural crime"),
        ("3.4", "Tackle alcohol and substance misuse"), ("3.5", "Focus on serious and organised crime"),
        ("3.6", "Target speeding and dangerous driving"), ("3.7", "Protect the vulnerable and elderly from crime"),
        ("4", "Ensure offenders face a consequence for their crime"),
        ("4.1", "Reduce re-offending"), ("4.2", "Restorative justice"), ("4.3", "Community remedy"),
        ("5", "Always put victims first"),
        ("5.1", "Joined-up and appropriate support for victims"), ("5.2", "Enhanced services for victims of serious crime and vulnerable victims"),
        ("5.3", "Victims' Code compliance"), ("5.4", "Mental health crisis: a place of safety"),
        ("6", "Focus our police on online and sexual crime"),
        ("6.1", "Online safety awareness"), ("6.2", "Prevent grooming, child sexual exploitation and sexual abuse"),
        ("6.3", "Support for victims of sexual crime and child sexual exploitation"),
        ("8", "Supporting young people"),
        ("8.1", "Improve how the police interact with young people"), ("8.2", "Positive activities that prevent offending"),
    ]

    /// Cumbria's six districts, replaced by two unitary authorities on 1 April 2023.
    public static let districts: [(code: String, name: String)] = [
        ("E07000026", "Allerdale"), ("E07000027", "Barrow-in-Furness"), ("E07000028", "Carlisle"),
        ("E07000029", "Copeland"), ("E07000030", "Eden"), ("E07000031", "South Lakeland"),
    ]

    /// Objective codes MoJ victims' money may pay for: objective 5 and victim support under 6.3.
    public static let mojObjectives = ["5", "6.3"]

    /// The reference data: objectives and districts.
    public static func referenceData() -> [Step] {
        objectives.map { ("objective define", ["code": [$0.code], "title": [$0.title], "valid-from": [planStart], "valid-to": [planEnd]]) }
            + districts.map { ("area define", ["code": [$0.code], "name": [$0.name], "valid-from": ["1974-04-01"], "valid-to": ["2023-03-31"]]) }
    }

    /// The five funds with the strategy's figures. The hold-back proportion is not set by the
    /// strategy ("a proportion of funding will be payable as the scheme is delivered"): it is a
    /// parameter, here `holdBackPercent`.
    public static func funds(rulesFrom: String = planStart, holdBackPercent: String = "20") -> [Step] {
        [
            ("fund establish", [
                "id": ["property"], "name": ["Property Fund"], "kind": ["property"], "rules-from": [rulesFrom],
                "grant-max": ["2500.00"], "panels-per-year": ["4"], "endorsement-required": ["true"],
                "eligible-type": ["community-group", "watch-scheme", "parish-council", "charity", "voluntary-group", "school"],
            ]),
            ("fund establish", [
                "id": ["community"], "name": ["Community Fund"], "kind": ["community"], "rules-from": [rulesFrom],
                "grant-min": ["1000.00"], "grant-max": ["10000.00"], "pot": ["300000.00"], "pot-first-year": ["2017-18"],
                "pot-last-year": ["2019-20"], "hold-back-percent": [holdBackPercent], "panels-per-year": ["2"],
                "eligible-type": ["community-group", "voluntary-group", "charity", "social-enterprise"],
            ]),
            ("fund establish", [
                "id": ["innovation"], "name": ["Innovation Fund"], "kind": ["innovation"], "rules-from": [rulesFrom],
                "pot": ["100000.00"], "pot-per-year": ["true"], "hold-back-percent": [holdBackPercent], "panels-per-year": ["1"],
                "outcome-evidence-required": ["true"], "learning-required": ["true"],
            ]),
            ("fund establish", [
                "id": ["victims"], "name": ["Victims' Services Fund"], "kind": ["victims"], "rules-from": [rulesFrom],
                "ring-fenced": ["true"], "moj-objective": mojObjectives,
            ]),
            ("fund establish", [
                "id": ["partnership"], "name": ["Partnership Fund"], "kind": ["partnership"], "rules-from": [rulesFrom],
                "eligible-type": ["local-authority", "health", "probation", "fire-and-rescue", "youth-offending-team"],
            ]),
        ]
    }
}
