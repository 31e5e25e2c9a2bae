import ArgumentParser
import Commissioning
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

    /// Opens the existing ledger, read-only unless `writable`, with the reducer of the domain it
    /// records: a commissioning ledger keeps (and verifies) its decision state; a bare log has none.
    func openStore(writable: Bool = false) throws -> LedgerStore {
        let domain = try LedgerStore.domain(at: storePath)
        var options = LedgerStore.Options()
        if let domain {
            guard domain == CommissioningLedger.domain else {
                throw LedgerError.wrongDomain(path: storePath, found: domain, wanted: CommissioningLedger.domain)
            }
            options = CommissioningLedger.storeOptions()
        }
        options.readOnly = !writable
        return try LedgerStore(path: storePath, options: options)
    }
}
