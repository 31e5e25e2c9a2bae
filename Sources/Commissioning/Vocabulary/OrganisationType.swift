/// Kinds of organisation the strategy names: the Property Fund's applicants ("local community
/// groups, watch schemes, parish councils, charities, voluntary groups and schools"), the
/// Community Fund's "small community, voluntary and third sector groups", VCSE providers, and
/// the public-sector partners that lead Partnership Fund work.
public enum OrganisationType: String, Codable, Sendable, CaseIterable {
    case communityGroup = "community-group"
    case watchScheme = "watch-scheme"
    case parishCouncil = "parish-council"
    case charity
    case voluntaryGroup = "voluntary-group"
    case school
    case socialEnterprise = "social-enterprise"
    case company
    case localAuthority = "local-authority"
    case health
    case probation
    case fireAndRescue = "fire-and-rescue"
    case youthOffendingTeam = "youth-offending-team"

    /// Public-sector bodies that may lead partnership work.
    public var isPublicSector: Bool {
        switch self {
        case .localAuthority, .health, .probation, .fireAndRescue, .youthOffendingTeam: return true
        default: return false
        }
    }
}
