/// Where money comes from.
public enum FundingSource: String, Codable, Sendable, CaseIterable, Comparable {
    /// The Ministry of Justice Victims Services Grant: ring-fenced per financial year.
    case mojVictimsGrant = "moj"
    /// The OPCC's own budget.
    case opcc
    /// Proceeds of property that came into police possession (the Property Fund).
    case propertyProceeds = "property-proceeds"
    /// A partner's contribution.
    case partner

    public static func < (a: FundingSource, b: FundingSource) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
