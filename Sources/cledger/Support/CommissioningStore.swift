import Commissioning
import Foundation
import LedgerStore

/// Opening the ledger for domain commands, and the common options they resolve.
enum CommissioningStore {
    /// The commissioning ledger at `global`'s store path, writable, on the system clock.
    /// - Throws: ``LedgerError`` when there is no ledger there or it is not a commissioning ledger.
    static func open(_ global: GlobalOptions) throws -> CommissioningLedger {
        let path = global.storePath
        let domain = try LedgerStore.domain(at: path)
        guard domain == CommissioningLedger.domain else {
            throw LedgerError.wrongDomain(path: path, found: domain, wanted: CommissioningLedger.domain)
        }
        let store = try LedgerStore(path: path, options: CommissioningLedger.storeOptions())
        return CommissioningLedger(store: store, clock: SystemClock())
    }

    /// The global options for `store` (nil: $CLEDGER_STORE, else ./ledger).
    static func global(store: String?) throws -> GlobalOptions {
        try GlobalOptions.parse(store.map { ["--store", $0] } ?? [])
    }

    /// The actor named by `--actor`, else $CLEDGER_ACTOR.
    static func actor(_ given: String?, forEachLine: Bool = false) throws -> String {
        if let given {
            guard !given.isEmpty else { throw CommandFailure(message: "actor: is empty; give --actor ID, the id of the person acting") }
            return given
        }
        if let fromEnvironment = ProcessInfo.processInfo.environment["CLEDGER_ACTOR"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        throw CommandFailure(
            message: forEachLine
                ? "actor: no actor for this line: give \"actor\" on the line, or --actor ID, or set CLEDGER_ACTOR"
                : "actor: who is acting? Give --actor ID (such as --actor officer-0012) or set CLEDGER_ACTOR")
    }

    /// The date of `--on`, or nil for the default (today in London).
    static func date(_ given: String?) throws -> CalendarDate? {
        guard let given else { return nil }
        guard let date = CalendarDate(iso8601: given) else {
            throw CommissioningError.field(name: "on", problem: "'\(given)' is not a date YYYY-MM-DD (the command's effective date; default: today in London)")
        }
        return date
    }

    /// `#57` or `#57-58`, then what was recorded.
    static func receiptLine(_ receipt: CommandReceipt) -> String {
        "\(sequenceRange(receipt.sequences)) \(receipt.summary)".trimmingCharacters(in: .whitespaces)
    }

    /// `#57`, `#57-58`, or nothing for no events.
    static func sequenceRange(_ sequences: [UInt64]) -> String {
        guard let first = sequences.min(), let last = sequences.max() else { return "" }
        return first == last ? "#\(first)" : "#\(first)-\(last)"
    }
}
