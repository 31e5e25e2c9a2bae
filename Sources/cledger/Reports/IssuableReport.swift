import ArgumentParser
import Commissioning
import Crypto
import Foundation
import LedgerStore

/// A report that `--issue` records as issued and `cledger reissue SEQ` rebuilds from the same head.
protocol IssuableReport: ParsableCommand {
    var global: GlobalOptions { get }
    var options: ReportOptions { get }
    /// The report's output, built from the ledger as it stood at sequence `pinnedHead` when given
    /// (what `reissue` asks for), else from the current head.
    func render(pinnedHead: UInt64?) throws -> String
}

extension IssuableReport {
    /// Prints the report and, with `--issue`, records that it was issued.
    func runReport() throws {
        try reportingFailures {
            let text = try render(pinnedHead: nil)
            print(text)
            guard options.issue else { return }
            let head = try global.openStore().read { reader in try reader.head() }
            let issued = IssuedOutput(text + "\n")
            let payload = ReportIssued(
                report: Self._commandName, parameters: Self.parametersAsGiven(), headSequence: head?.sequence ?? 0,
                headHash: (head?.hash ?? .zero).description, outputHash: issued.hash, outputBytes: Int64(issued.bytes.count),
                lineDigests: issued.lineDigests)
            let ledger = try CommissioningStore.open(global)
            let receipt = try ledger.recordReportIssued(payload, actorId: try CommissioningStore.actor(options.issuedBy))
            FileHandle.standardError.write(Data((CommissioningStore.receiptLine(receipt) + "\n").utf8))
        }
    }

    /// The arguments after `cledger report NAME`, without those that say where and by whom
    /// (`--store`, `--issued-by`) or that the report is issued (`--issue`): what `reissue` replays.
    static func parametersAsGiven() -> [String] {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.firstIndex(of: _commandName) else { return [] }
        var kept: [String] = []
        var skipNext = false
        for argument in arguments[(name + 1)...] {
            if skipNext {
                skipNext = false
            } else if argument == "--issue" || argument.hasPrefix("--store=") || argument.hasPrefix("--issued-by=") {
                continue
            } else if argument == "--store" || argument == "--issued-by" {
                skipNext = true
            } else {
                kept.append(argument)
            }
        }
        return kept
    }
}

/// A report's output as issued: its bytes, their SHA-256, and a short digest of each line.
struct IssuedOutput {
    let bytes: [UInt8]
    let hash: String
    let lineDigests: [UInt64]

    init(_ text: String) {
        bytes = Array(text.utf8)
        hash = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        lineDigests = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            SHA256.hash(data: Array(line.utf8)).prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        }
    }
}
