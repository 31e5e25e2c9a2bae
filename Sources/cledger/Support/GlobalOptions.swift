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
        var options = try storeOptions()
        options.readOnly = !writable
        return try LedgerStore(path: storePath, options: options)
    }

    /// The options for the domain the ledger records: a commissioning ledger's reducer, or none
    /// for a bare log.
    func storeOptions() throws -> LedgerStore.Options {
        guard let domain = try LedgerStore.domain(at: storePath) else { return LedgerStore.Options() }
        guard domain == CommissioningLedger.domain else {
            throw LedgerError.wrongDomain(path: storePath, found: domain, wanted: CommissioningLedger.domain)
        }
        return CommissioningLedger.storeOptions()
    }
}
