import ArgumentParser
import Commissioning
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
    ///
    /// An issued report without `--as-of` is built `--as-of` today, which counts the same events
    /// (nothing is effective after today) and says on its face the date it was made for, so that
    /// what it judges on "today" (a final report overdue) rebuilds the same on a later day.
    func runReport() throws {
        try reportingFailures {
            guard options.issue else { return print(try render(pinnedHead: nil)) }
            var parameters = Self.parametersAsGiven()
            if options.point.asOf == nil { parameters += ["--as-of", LondonTime.date(at: SystemClock().now()).description] }
            let issuing = try issuableReport(named: Self._commandName, parameters, store: global.store)
            let head = try global.openStore().read { reader in try reader.head() }
            let text = try issuing.render(pinnedHead: head?.sequence)
            print(text)
            let issued = IssuedOutput(text + "\n")
            let payload = ReportIssued(
                report: Self._commandName, parameters: parameters, headSequence: head?.sequence ?? 0,
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
        hash = SHA256Hasher.hash(bytes).description
        lineDigests = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            SHA256Hasher.hash(Array(line.utf8)).bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        }
    }
}

/// The report `cledger report NAME PARAMETERS` asks for, on the ledger at `store`.
func issuableReport(named name: String, _ parameters: [String], store: String?) throws -> any IssuableReport {
    guard let report = try ReportCommand.parseAsRoot([name] + parameters + (store.map { ["--store", $0] } ?? [])) as? any IssuableReport else {
        throw CommandFailure(message: "report '\(name)' cannot be issued or rebuilt by this build")
    }
    return report
}
