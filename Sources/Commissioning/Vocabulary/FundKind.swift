/// The strategy's five funds.
public enum FundKind: String, Codable, Sendable, CaseIterable {
    case property
    case community
    case innovation
    case victims
    case partnership
}

/// How a fund commissions: grants from applications, procurement of contracts, or
/// partnership agreements with a lead agency.
public enum CommissioningRoute: String, Codable, Sendable, CaseIterable {
    case grant
    case procurement
    case partnership
}
