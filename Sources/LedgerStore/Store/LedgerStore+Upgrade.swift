/// What ``LedgerStore/upgrade(at:options:)`` did.
public enum LayoutUpgrade: Sendable, Equatable {
    /// The ledger already had this build's layout; nothing was changed.
    case alreadyCurrent
    /// The stream tables were rebuilt from the log and the new layout recorded.
    case upgraded(from: UInt32, events: UInt64, streams: Int)
}

extension LedgerStore {
    /// Brings a ledger of an older storage layout to ``formatVersionSupported``: layout 1, written
    /// only by development builds, kept a per-event stream index where layout 2 keeps stream
    /// heads and links (docs/proposals/0001-stream-heads-and-links.md). The stream tables are
    /// emptied and rebuilt from the log, and the layout recorded, in one write transaction, so
    /// a crash leaves the old layout whole; nothing else differs between the layouts. Check the
    /// result with ``verify(expecting:)``.
    /// - Complexity: O(n log s) for n events over s streams.
    public static func upgrade(at path: String, options: Options = Options()) throws -> LayoutUpgrade {
        var options = options
        options.readOnly = false
        let store = try LedgerStore(path: path, options: options, creating: false, upgrading: true)
        let found = try store.read { try $0.formatVersion() }
        guard found < formatVersionSupported else { return .alreadyCurrent }
        guard case let .committed(rebuilt, _) = try store.write({ try $0.rebuildStreamTables() }) else {
            preconditionFailure("a write without an idempotency key was replayed")
        }
        return .upgraded(from: found, events: rebuilt.events, streams: rebuilt.streams)
    }
}
