import ArgumentParser
import LedgerStore

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the ledger, compacted, while it stays in use; then verify the copy.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A new or empty directory for the copy.")
    var destination: String

    func run() throws {
        try reportingFailures {
            try ContainedRead.run(storePath: global.storePath) {
                let report = try global.openStore().backup(to: destination)
                guard report.isValid else {
                    for problem in report.problems { printError("the copy: " + problem) }
                    throw ExitCode(ExitStatus.damaged)
                }
                let copy = try LedgerStore(path: destination, options: { var o = LedgerStore.Options(); o.readOnly = true; return o }())
                print(
                    "backed up \(grouped(report.eventCount)) events to \(destination) (\(humanBytes(copy.dataFileBytes())), compacted); "
                        + "the copy verifies; head \(report.head.map(String.init(describing:)) ?? "none")")
            }
        }
    }
}
