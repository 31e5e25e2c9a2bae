import LedgerStore

/// `agreement make`: a partnership agreement funding a public-sector lead agency from the
/// Partnership Fund. "Our partners are uniquely placed through their links to local
/// communities and the services they deliver to act as the lead agency to commission and
/// deliver local services": the lead agency must be a public-sector body of a type the fund
/// takes. Paid, reviewed, varied and ended with the `contract` commands.
public struct MakeAgreement: LedgerCommand {
    public static let spec = CommandSpec(
        name: "agreement make", summary: "Make a partnership agreement with a public-sector lead agency (Partnership Fund).",
        role: .commissioningOfficer,
        fields: CommitmentTerms.fields(CommitmentTerms.agreement),
        example: [
            ("fund", ["partnership"]), ("provider", ["cumbria-cc"]), ("service", ["Community safety partnership: domestic abuse outreach"]),
            ("value", ["60000.00"]), ("start", ["2017-04-03"]), ("end", ["2018-03-31"]), ("objective", ["3.1"]),
            ("profile", ["2017-18:opcc:60000.00"]),
        ])

    let terms: CommitmentTerms

    public init(_ fields: CommandFields) throws { terms = try CommitmentTerms(fields, kind: CommitmentTerms.agreement) }

    public func decide(_ decision: Decision) throws -> String { try terms.decide(decision) }
}
