import LedgerStore

/// A fund's rules, as parameters (DESIGN.md, "The funds"): what the strategy fixes for a fund
/// is set when the fund is established and changed only by an amendment from a future date.
public struct FundRules: Hashable, Sendable, Codable {
    /// The date from which these rules are in force.
    public var effectiveFrom: CalendarDate
    public var route: CommissioningRoute
    /// The smallest grant the fund makes, if it sets one.
    public var grantMin: Money?
    /// The largest grant the fund makes, if it sets one.
    public var grantMax: Money?
    /// A pot: the most the fund commits over its period (or in each year, with `potPerYear`).
    /// Without a pot, a fund commits what has been allocated to it for the year.
    public var potAmount: Money?
    /// The pot is for each financial year; what a year leaves unawarded lapses.
    public var potPerYear: Bool
    /// The financial years a pot spans (a pot over a period).
    public var potFirstYear: FinancialYear?
    public var potLastYear: FinancialYear?
    /// The part of a grant held back until the final report is accepted, in basis points.
    public var holdBackBasisPoints: Int64
    /// How often a panel meets to consider bids.
    public var panelsPerYear: Int64
    /// Who may apply; empty means anyone registered.
    public var eligibleOrganisationTypes: [OrganisationType]
    /// A bid needs the support of a police officer or PCSO of its area before award.
    public var endorsementRequired: Bool
    /// The fund's MoJ money is ring-fenced: each year's MoJ commitments stay within its allocation.
    public var ringFenced: Bool
    /// Plan objectives MoJ money may pay for (a code covers its sub-priorities).
    public var mojObjectives: [String]
    /// A final report must evidence outcomes.
    public var requiresOutcomeEvidence: Bool
    /// A final report must say how learning was shared.
    public var requiresLearningShared: Bool

    public init(
        effectiveFrom: CalendarDate, route: CommissioningRoute, grantMin: Money? = nil, grantMax: Money? = nil,
        potAmount: Money? = nil, potPerYear: Bool = false, potFirstYear: FinancialYear? = nil,
        potLastYear: FinancialYear? = nil, holdBackBasisPoints: Int64 = 0, panelsPerYear: Int64 = 0,
        eligibleOrganisationTypes: [OrganisationType] = [], endorsementRequired: Bool = false,
        ringFenced: Bool = false, mojObjectives: [String] = [], requiresOutcomeEvidence: Bool = false,
        requiresLearningShared: Bool = false
    ) {
        self.effectiveFrom = effectiveFrom
        self.route = route
        self.grantMin = grantMin
        self.grantMax = grantMax
        self.potAmount = potAmount
        self.potPerYear = potPerYear
        self.potFirstYear = potFirstYear
        self.potLastYear = potLastYear
        self.holdBackBasisPoints = holdBackBasisPoints
        self.panelsPerYear = panelsPerYear
        self.eligibleOrganisationTypes = eligibleOrganisationTypes
        self.endorsementRequired = endorsementRequired
        self.ringFenced = ringFenced
        self.mojObjectives = mojObjectives
        self.requiresOutcomeEvidence = requiresOutcomeEvidence
        self.requiresLearningShared = requiresLearningShared
    }

    /// Whether MoJ money may pay for work under `objective` (a listed code covers its
    /// sub-priorities: `5` covers `5.2`).
    public func mojMayFund(objective: String) -> Bool {
        mojObjectives.contains { objective == $0 || objective.hasPrefix($0 + ".") }
    }

    /// The financial years of the pot a commitment in `year` draws on; nil when no pot covers
    /// `year` (no pot, or a year outside the pot's period), and the year's allocation applies.
    public func potYears(for year: FinancialYear) -> ClosedRange<FinancialYear>? {
        guard potAmount != nil else { return nil }
        if potPerYear { return year...year }
        guard let first = potFirstYear, let last = potLastYear else { return year...year }
        return (first...last).contains(year) ? first...last : nil
    }
}
