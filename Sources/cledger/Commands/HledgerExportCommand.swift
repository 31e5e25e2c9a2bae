import ArgumentParser
import LedgerStore
import Projections

/// `cledger export hledger`: every fund's money as an hledger journal, at any point in time.
struct HledgerExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hledger",
        abstract: "Write every fund's money as an hledger journal: by fund, financial year, source and measure (docs/hledger.md).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var point: PointInTimeOptions

    func run() throws {
        try reportingFailures {
            let journal = try withProjection(global, FundBalancesProjection.self) { rows, reader in
                let at = try point.pointInTime(reader)
                let header = ["Commissioning Ledger: every fund's money, as the balances report counts it."] + (try point.provenance(reader, at))
                return try HledgerJournal.render(try FundBalancesReport.movements(rows, at: at), header: header) { try reader.event(at: $0) }
            }
            print(journal)
        }
    }
}
