/// A report was issued outside the ledger (to the MoJ, a panel, the public): what was asked for,
/// the ledger head it was built from, and digests of its output, so that `cledger reissue` can
/// rebuild it from the same head and say whether, and on which line, it differs.
public struct ReportIssued: EventPayload {
    public static let eventType = "ReportIssued"
    public static let schemaVersion: UInt16 = 1

    /// The report's name: `balances`, `audit-trail`, …
    public var report: String
    /// The arguments after `cledger report NAME`, as given (without --store, --actor and --issue).
    public var parameters: [String]
    /// The head the report was built from.
    public var headSequence: UInt64
    public var headHash: String
    /// SHA-256 of the output, as 64 hexadecimal digits.
    public var outputHash: String
    public var outputBytes: Int64
    /// The first 8 bytes of SHA-256 of each line, as a big-endian integer: where a rebuild differs.
    public var lineDigests: [UInt64]

    public init(
        report: String, parameters: [String], headSequence: UInt64, headHash: String, outputHash: String, outputBytes: Int64,
        lineDigests: [UInt64]
    ) {
        self.report = report
        self.parameters = parameters
        self.headSequence = headSequence
        self.headHash = headHash
        self.outputHash = outputHash
        self.outputBytes = outputBytes
        self.lineDigests = lineDigests
    }
}
