import ArgumentParser
import Commissioning
import LedgerStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a new, empty ledger in the store directory.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingFailures {
            let store = try LedgerStore.create(at: global.storePath, options: CommissioningLedger.storeOptions())
            let format = try store.read { try $0.formatVersion() }
            print("created an empty commissioning ledger at \(global.storePath) (format \(format))")
        }
    }
}
