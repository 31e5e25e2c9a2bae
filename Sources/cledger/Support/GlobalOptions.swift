import ArgumentParser
import Foundation
import LedgerStore

/// Options every subcommand takes, before or after its name.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The ledger directory (default: $CLEDGER_STORE, else ./ledger).")
    var store: String?

    /// The ledger directory the user means.
    var storePath: String {
        if let store, !store.isEmpty { return store }
        if let fromEnvironment = ProcessInfo.processInfo.environment["CLEDGER_STORE"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "ledger"
    }

    /// Opens the existing ledger, read-only unless `writable`.
    func openStore(writable: Bool = false) throws -> LedgerStore {
        var options = LedgerStore.Options()
        options.readOnly = !writable
        return try LedgerStore(path: storePath, options: options)
    }
}
