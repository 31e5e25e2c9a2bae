import ArgumentParser
import Commissioning
import Foundation
import LedgerStore

/// `cledger reissue SEQ`: rebuilds a report recorded as issued, from the head it was built
/// from, and says whether the output is byte-identical and where it differs.
struct ReissueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reissue",
        abstract: "Rebuild an issued report from the same head and say whether its output is byte-identical (exit 3 when it differs).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The sequence of the ReportIssued event (cledger log --stream reports lists them).")
    var sequence: UInt64

    func run() throws {
        try reportingFailures {
            let envelope = try global.openStore().read { try $0.event(at: sequence) }
            guard let envelope, case let .reportIssued(issued)? = try? CommissioningEvent(envelope) else {
                throw CommandFailure(
                    message: "reissue: event \(sequence) is not a ReportIssued event; give the sequence of one (cledger log --stream reports lists them)")
            }
            let report = try issuableReport(named: issued.report, issued.parameters, store: global.store)
            let rebuilt = IssuedOutput(try report.render(pinnedHead: issued.headSequence) + "\n")
            let what = "report \(([issued.report] + issued.parameters).joined(separator: " ")) issued as event \(sequence) at head \(issued.headSequence)"
            if rebuilt.hash == issued.outputHash {
                print("identical: \(what) rebuilds byte for byte (\(grouped(rebuilt.bytes.count)) bytes, SHA-256 \(rebuilt.hash))")
                return
            }
            print("DIFFERS: \(what) does not rebuild to what was issued (SHA-256 \(issued.outputHash), \(grouped(issued.outputBytes)) bytes; now \(rebuilt.hash), \(grouped(rebuilt.bytes.count)) bytes)")
            for line in Self.differences(issued: issued.lineDigests, rebuilt: rebuilt) { print(line) }
            throw ExitCode(ExitStatus.differs)
        }
    }

    /// Where the rebuilt output differs from the issued one, line by line, at most 10 lines.
    static func differences(issued: [UInt64], rebuilt: IssuedOutput) -> [String] {
        let lines = String(decoding: rebuilt.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for index in 0..<max(issued.count, lines.count) {
            let now = index < rebuilt.lineDigests.count ? rebuilt.lineDigests[index] : nil
            let then = index < issued.count ? issued[index] : nil
            guard now != then else { continue }
            if out.count == 10 {
                out.append("  … and more")
                break
            }
            let shown = index < lines.count ? "now: " + lines[index] : "now: (no such line)"
            out.append("  line \(index + 1) differs; \(then == nil ? "it was not in the issued report; " : "")\(shown)")
        }
        return out
    }
}
