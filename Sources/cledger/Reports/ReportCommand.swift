import Foundation
import LedgerStore
import Projections
import ArgumentParser

/// `cledger report NAME`: the reports built from the projections (docs/reports.md).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Build a report from the ledger, at any point in time; it prints the ledger head it was built from.",
        subcommands: [BalancesCommand.self, VictimsCommand.self, AuditTrailCommand.self, OutcomesCommand.self, PanelCommand.self])
}

/// Runs a report's work on its projection, caught up: saved in the ledger when the user may
/// write it, else folded in memory; a rebuild is said on standard error.
func withProjection<R>(
    _ global: GlobalOptions, _ projection: any Projection.Type, _ body: (ProjectionRows, LedgerReader) throws -> R
) throws -> R {
    let (_, runner) = try openForReports(global)
    try caughtUp(runner, projection)
    return try runner.read(projection) { rows, reader, result in
        if let reason = result.rebuiltBecause {
            FileHandle.standardError.write(Data("cledger: folded projection \(projection.name) from event 1 in memory: \(reason)\n".utf8))
        }
        return try body(rows, reader)
    }
}
