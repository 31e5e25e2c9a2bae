import LedgerStore

/// `contract let`: a contract for victims' services let by procurement from the Victims'
/// Services Fund, with its value profiled by financial year and funding source. "The
/// Commissioner receives a specific ring-fenced Victims Services Grants from the Ministry of
/// Justice to commission a wide range of services for victims": MoJ money in the profile pays
/// only for victims' services, within each year's MoJ allocation; the OPCC may top it up.
public struct LetContract: LedgerCommand {
    public static let spec = CommandSpec(
        name: "contract let", summary: "Let a contract by procurement (Victims' Services Fund), its value profiled by year and source.",
        role: .commissioningOfficer,
        fields: CommitmentTerms.fields(CommitmentTerms.contract),
        example: [
            ("fund", ["victims"]), ("provider", ["victim-support"]), ("service", ["Victims' referral and assessment service"]),
            ("value", ["250000.00"]), ("start", ["2017-04-03"]), ("end", ["2019-03-31"]), ("objective", ["5.1", "5.2"]),
            ("kpi", ["referrals-assessed:1200"]), ("profile", ["2017-18:moj:100000.00", "2017-18:opcc:25000.00", "2018-19:moj:125000.00"]),
        ])

    let terms: CommitmentTerms

    public init(_ fields: CommandFields) throws { terms = try CommitmentTerms(fields, kind: CommitmentTerms.contract) }

    public func decide(_ decision: Decision) throws -> String { try terms.decide(decision) }
}
