/// A failure a user can meet, with a message that says what is wrong and what to do.
public enum LedgerError: Error, Equatable, CustomStringConvertible {
    case notALedger(path: String, detail: String)
    case alreadyALedger(path: String)
    case newerFormat(path: String, found: UInt32, supported: UInt32)
    /// A ledger of a layout only development builds wrote (no release has shipped one).
    case olderFormat(path: String, found: UInt32, supported: UInt32)
    case damaged(path: String, detail: String)
    case wrongExpectedVersion(streamId: String, expected: ExpectedVersion, current: UInt64)
    case idempotencyKeyReused(key: String, firstSequence: UInt64, lastSequence: UInt64)
    case invalidEvent(field: String, detail: String)
    case backupDestinationNotEmpty(path: String)
    case readOnly(path: String)
    case wrongDomain(path: String, found: String?, wanted: String)
    /// The decision state was kept by another version of the domain's reducer.
    case staleDecisionState(path: String, found: UInt32, expected: UInt32)
    case storage(detail: String)

    public var description: String {
        switch self {
        case let .notALedger(path, detail):
            return "\(path) is not a ledger (\(detail)). Point --store or CLEDGER_STORE at an existing ledger, "
                + "or create one in a new directory with `cledger --store DIR init`."
        case let .alreadyALedger(path):
            return "\(path) already holds a ledger; init creates a new one only where none exists."
        case let .newerFormat(path, found, supported):
            return "the ledger at \(path) has format version \(found); this cledger reads versions up to "
                + "\(supported). Use a newer cledger; the ledger was not changed."
        case let .olderFormat(path, found, supported):
            return "the ledger at \(path) has storage layout \(found), written by a development build of cledger before "
                + "any release; this cledger reads layout \(supported). Run `cledger upgrade` to rebuild its stream tables "
                + "from the log; the ledger was not changed."
        case let .damaged(path, detail):
            return "ledger damaged: \(path): \(detail). Nothing was written; restore the ledger from a backup "
                + "(cledger backup) and check it with cledger verify."
        case let .wrongExpectedVersion(streamId, expected, current):
            let wanted: String
            switch expected {
            case .any: wanted = "any version"
            case .noStream: wanted = "no stream yet"
            case let .exactly(v): wanted = "version \(v)"
            }
            return "stream \(streamId) is at version \(current), not \(wanted) as expected; "
                + "read it again and decide against version \(current)."
        case let .idempotencyKeyReused(key, first, last):
            let sequences = first == last ? "sequence \(first)" : "sequences \(first)-\(last)"
            return "idempotency key '\(key)' was already used for a different command (\(sequences)); "
                + "a retry must repeat the same command, and a new command needs a new key."
        case let .invalidEvent(field, detail):
            return "\(field): \(detail)"
        case let .backupDestinationNotEmpty(path):
            return "backup destination \(path) exists and is not an empty directory; give a new or empty directory."
        case let .readOnly(path):
            return "the ledger at \(path) was opened read-only; nothing can be appended through it."
        case let .wrongDomain(path, found, wanted):
            return "the ledger at \(path) holds \(found.map { "\($0) events" } ?? "a bare event log"), not \(wanted) events; "
                + "point --store or CLEDGER_STORE at a \(wanted) ledger, or create one with `cledger --store DIR init`."
        case let .staleDecisionState(path, found, expected):
            return "the decision state of the ledger at \(path) was kept by version \(found) of the domain's rules, and this cledger keeps "
                + "version \(expected); run `cledger upgrade` to fold it again from the log (the events stay as they are). Nothing was written."
        case let .storage(detail):
            return "storage error: \(detail)"
        }
    }
}
