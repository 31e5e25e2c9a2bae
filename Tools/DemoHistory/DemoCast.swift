import Commissioning

/// The people and organisations of the demo: ids only for people (their names stay out of the
/// ledger), and organisations of the kinds the strategy names across Cumbria's six districts.
struct DemoCast {
    static let officer = "officer-0001"
    static let officer2 = "officer-0002"
    static let finance = "finance-0001"
    static let finance2 = "finance-0002"
    static let commissioner = "commissioner"
    static let deputy = "deputy-commissioner"
    static let panel = ["panel-0001", "panel-0002", "panel-0003", "panel-0004", "panel-0005"]

    /// Towns of each district, with the district's GSS code; after April 2023 the unitary
    /// authority that replaced it.
    static let districts: [(code: String, unitary: String, towns: [String])] = [
        ("E07000026", "E06000063", ["Workington", "Maryport", "Keswick", "Cockermouth", "Wigton", "Aspatria"]),
        ("E07000027", "E06000064", ["Barrow", "Dalton", "Askam", "Walney"]),
        ("E07000028", "E06000063", ["Carlisle", "Brampton", "Longtown", "Dalston"]),
        ("E07000029", "E06000063", ["Whitehaven", "Egremont", "Cleator Moor", "Millom"]),
        ("E07000030", "E06000064", ["Penrith", "Appleby", "Alston", "Kirkby Stephen"]),
        ("E07000031", "E06000064", ["Kendal", "Windermere", "Ulverston", "Grange-over-Sands", "Sedbergh"]),
    ]

    /// The unitary authorities that replaced the districts on 1 April 2023.
    static let unitaries: [(code: String, name: String)] = [("E06000063", "Cumberland"), ("E06000064", "Westmorland and Furness")]

    /// The endorsing officer (a PCSO or police officer) of a district or unitary area.
    static func endorser(_ area: String) -> String { "pcso-" + area.lowercased() }

    static let kinds: [(type: OrganisationType, suffixes: [String])] = [
        (.communityGroup, ["Community Association", "Youth Club", "Residents' Group", "Men's Shed"]),
        (.watchScheme, ["Neighbourhood Watch", "Farm Watch", "Shop Watch"]),
        (.parishCouncil, ["Parish Council", "Town Council"]),
        (.charity, ["Community Trust", "Sports Trust", "Mind"]),
        (.voluntaryGroup, ["Volunteers", "Street Pastors", "Befrienders"]),
        (.school, ["Academy", "Primary School", "High School"]),
        (.socialEnterprise, ["Community Interest Company", "Works CIC"]),
    ]

    struct Organisation {
        let id: String
        let name: String
        let type: OrganisationType
        let districtIndex: Int
    }

    /// `count` organisations spread over the districts and kinds.
    static func organisations(count: Int, random: inout DemoRandom) -> [Organisation] {
        var result: [Organisation] = []
        var used = Set<String>()
        while result.count < count {
            let districtIndex = result.count % districts.count
            let town = random.pick(districts[districtIndex].towns)
            let kind = kinds[(result.count / districts.count + random.int(0...1)) % kinds.count]
            let suffix = random.pick(kind.suffixes)
            var name = "\(town) \(suffix)"
            if used.contains(name) { name += " \(result.count)" }
            used.insert(name)
            let id = "org-" + String(result.count + 1).leftPadded(4)
            result.append(Organisation(id: id, name: name, type: kind.type, districtIndex: districtIndex))
        }
        return result
    }

    /// Public bodies that lead partnership work, and the victims' services providers.
    static let partners: [(id: String, name: String, type: OrganisationType)] = [
        ("cumbria-county-council", "Cumbria County Council", .localAuthority),
        ("cumbria-youth-offending", "Cumbria Youth Offending Service", .youthOffendingTeam),
        ("north-cumbria-ccg", "NHS North Cumbria Clinical Commissioning Group", .health),
        ("cumbria-fire-rescue", "Cumbria Fire and Rescue Service", .fireAndRescue),
    ]
    static let victimProviders: [(id: String, name: String, type: OrganisationType)] = [
        ("victim-support", "Victim Support", .charity),
        ("safety-net", "Safety Net Advice and Support Centre", .charity),
        ("cumbria-da-service", "Cumbria Domestic Abuse Service", .charity),
    ]
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
