import LedgerStore

/// A span of dates something applies in; `to` is the last day, open when nil.
public struct Validity: Hashable, Sendable, Codable {
    public var from: CalendarDate
    public var to: CalendarDate?

    public func contains(_ date: CalendarDate) -> Bool { date >= from && (to.map { date <= $0 } ?? true) }
}

/// A plan objective or an area, with the spans it applies in.
struct ReferenceState: Codable {
    var name: String
    var validity: [Validity]

    func isValid(on date: CalendarDate) -> Bool { validity.contains { $0.contains(date) } }
}

struct RoleHolding: Codable {
    var role: Role
    var rank: String?
    var areaCode: String?
    var from: CalendarDate
    var revokedOn: CalendarDate?
}

struct ActorState: Codable {
    var roles: [RoleHolding]
    var lastEffective: CalendarDate

    func holding(_ role: Role, on date: CalendarDate) -> RoleHolding? {
        roles.last { $0.role == role && $0.from <= date && ($0.revokedOn.map { date < $0 } ?? true) }
    }
}

struct OrganisationState: Codable {
    var name: String
    var type: OrganisationType
    var areaCode: String?
    var lastEffective: CalendarDate
}

/// A fund's money in one financial year from one source.
public struct FundYearLine: Hashable, Sendable, Codable {
    public var financialYear: FinancialYear
    public var source: FundingSource
    public var allocated: Money = .zero
    public var committed: Money = .zero
    public var released: Money = .zero
    public var paid: Money = .zero
    public var recovered: Money = .zero
    public var accrued: Money = .zero

    /// Committed and not released.
    public var netCommitted: Money { committed - released }
}

/// A fund as decisions read it. Each version of its rules (``StateKey/fundRules(_:_:)``, under
/// the date it takes effect) and its money (``FundYear``, a year at a time) have keys of their
/// own, so that what a decision reads does not grow with the years the fund has run.
struct FundState: Codable {
    var name: String
    var kind: FundKind
    /// When its first rules took effect.
    var firstRulesFrom: CalendarDate
    /// When its latest rules take effect (an amendment is never dated before them; one on the
    /// same date replaces them).
    var latestRulesFrom: CalendarDate
    var lastEffective: CalendarDate
}

/// A fund's money in one financial year, one line per funding source, and its panels that year.
struct FundYear: Codable {
    var lines: [FundYearLine]
    /// Rounds whose panel meets in the year.
    var panels: Int64 = 0

    func line(_ year: FinancialYear, _ source: FundingSource) -> FundYearLine {
        lines.first { $0.source == source } ?? FundYearLine(financialYear: year, source: source)
    }

    mutating func update(_ year: FinancialYear, _ source: FundingSource, _ change: (inout FundYearLine) -> Void) {
        if let i = lines.firstIndex(where: { $0.source == source }) {
            change(&lines[i])
        } else {
            var line = FundYearLine(financialYear: year, source: source)
            change(&line)
            lines.append(line)
            lines.sort { $0.source < $1.source }
        }
    }
}

struct RoundState: Codable {
    var fundId: String
    var closesOn: CalendarDate
    var panelDate: CalendarDate
    var closed: Bool
}

enum BidStatus: String, Codable {
    case submitted, eligible, ineligible, recommended, notRecommended = "not-recommended", awarded, declined, withdrawn
}

struct BidState: Codable {
    var fundId: String
    var roundId: String?
    var organisationId: String
    var areaCode: String
    var amountRequested: Money
    var objectives: [String]
    var plannedEnd: CalendarDate
    var status: BidStatus
    var endorsedBy: String?
    var conflicted: [String]
    var scoredBy: [String]
    var recommendedAmount: Money?
    var grantId: String?
    var lastEffective: CalendarDate
}

enum FinalReportStatus: String, Codable {
    case none, received, accepted, returned
}

struct GrantState: Codable {
    var bidId: String
    var fundId: String
    var organisationId: String
    var amount: Money
    var tranches: [Tranche]
    var paidByTranche: [Money]
    var fundingLines: [FundingLine]
    var decidedBy: String
    var signed: Bool
    var finalReport: FinalReportStatus
    var released: Money
    var recovered: Money
    var closed: Bool
    var plannedEnd: CalendarDate
    var lastEffective: CalendarDate

    var paid: Money { paidByTranche.sum { $0 } }
    /// Committed, not paid, not released.
    var outstanding: Money { amount - paid - released }
}

struct CommitmentState: Codable {
    var fundId: String
    var providerId: String
    var route: CommissioningRoute
    var value: Money
    var end: CalendarDate
    var objectives: [String]
    var victimsService: Bool
    var profile: [FundingLine]
    var paid: [FundingLine]
    var released: [FundingLine]
    /// Accruals and their reversals, signed: an accrual of a year, and its reversal in the next
    /// (``AccrualRecorded``); a reversal in error takes back both (``AccrualReversed``).
    var accrued: [FundingLine]
    var lettingActor: String
    var ended: Bool
    var lastEffective: CalendarDate

    /// What is left of the profile for `year` and `source`: profiled − paid − released −
    /// accrued. An accrual uses its year's profile; its reversal gives the next year's back, so
    /// that paying in that year for work accrued before it does not use the year's profile twice.
    func remaining(_ year: FinancialYear, _ source: FundingSource) -> Money {
        unpaid(year, source) - FundingProfile.amount(accrued, year, source)
    }

    /// What the profile for `year` and `source` has neither paid nor released.
    func unpaid(_ year: FinancialYear, _ source: FundingSource) -> Money {
        FundingProfile.amount(profile, year, source) - FundingProfile.amount(paid, year, source)
            - FundingProfile.amount(released, year, source)
    }
}

/// What a payment reference was used for, so it is never used twice and can be reversed.
struct PaymentState: Codable {
    var commitmentId: String
    var fundId: String
    var lines: [FundingLine]
    var trancheNumber: Int64?
    var sequence: UInt64
    var reversed: Bool
}

/// An allocation or accrual, so it can be reversed once.
struct CorrectableState: Codable {
    var fundId: String
    var commitmentId: String?
    var line: FundingLine
    var reversed: Bool
}
