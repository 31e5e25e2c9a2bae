import ArgumentParser
import LedgerStore

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the hash chain and rebuild the indexes from the log; name the first bad event.",
        discussion: "Exit status 0 when everything verifies, 2 when something does not.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "A head written down earlier, SEQ:HASH (from `cledger info`): the log must still hold exactly that prefix.")
    var expect: String?

    func run() throws {
        try reportingFailures {
            let expected = try expect.map(Self.parseExpect)
            try ContainedRead.run(storePath: global.storePath) {
                let report = try global.openStore().verify(expecting: expected)
                try Self.failUnlessValid(report)
                var line = "verified \(grouped(report.eventCount)) events; head \(report.head.map(String.init(describing:)) ?? "none")"
                if let expected { line += "; holds the expected head \(expected.sequence):\(expected.hash)" }
                print(line)
            }
        }
    }

    /// Prints each problem of `report` on a line and exits 2, unless it has none.
    static func failUnlessValid(_ report: VerificationReport) throws {
        guard report.isValid else {
            for problem in report.problems { printError(problem) }
            if report.problemsNotListed > 0 { printError("and \(report.problemsNotListed) more problems") }
            if let bad = report.firstBadSequence { printError("first bad sequence: \(bad)") }
            throw ExitCode(ExitStatus.damaged)
        }
    }

    static func parseExpect(_ text: String) throws -> (sequence: UInt64, hash: EventHash) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let sequence = UInt64(parts[0]), sequence > 0, let hash = EventHash(hex: String(parts[1])) else {
            throw CommandFailure(
                message: "--expect: '\(text)' is not a head; give SEQ:HASH as `cledger info` prints it, "
                    + "a sequence from 1 and 64 hexadecimal digits")
        }
        return (sequence, hash)
    }
}
