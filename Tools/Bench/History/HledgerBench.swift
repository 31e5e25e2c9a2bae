import Foundation

/// `hledger balance` on the journal `cledger export hledger` writes of the same history, timed
/// beside `cledger report balances`: finance's independent check, and how long it takes.
enum HledgerBench {
    struct Result {
        var exportSeconds: Double
        var hledgerSeconds: Double
        var reportSeconds: Double
        var journalBytes: Int
    }

    /// Nil when hledger is not installed (Tools/test installs it; Tools/bench does not need it).
    static func measure(_ ledger: String, in directory: String) throws -> Result? {
        guard let hledger = which("hledger") else { return nil }
        let journal = directory + "/history.journal"
        defer { try? FileManager.default.removeItem(atPath: journal) }
        let cledger = RebuildBench.cledgerPath
        let export = try RebuildBench.timedChild(
            ["/bin/sh", "-c", "'\(cledger)' --store '\(ledger)' export hledger > '\(journal)'"])
        let balance = try RebuildBench.timedChild([hledger, "-f", journal, "balance", "-O", "csv"])
        let report = try RebuildBench.timedChild([cledger, "--store", ledger, "report", "balances", "--format", "csv"])
        let bytes = (try? FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int) ?? 0
        return Result(exportSeconds: export.seconds, hledgerSeconds: balance.seconds, reportSeconds: report.seconds, journalBytes: bytes)
    }

    /// The path of `name` in a directory of `PATH`.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }
}
