/// What ``LedgerStore/upgrade(at:options:)`` did.
public struct LedgerUpgrade: Sendable, Equatable {
    /// The stream tables, rebuilt from the log because the ledger had an older layout.
    public struct Layout: Sendable, Equatable {
        public var from: UInt32
        public var events: UInt64
        public var streams: Int
    }

    /// The decision state, folded again from the log because another version of the reducer kept it.
    public struct DecisionState: Sendable, Equatable {
        public var from: UInt32
        public var events: UInt64
        public var keys: Int
    }

    public var layout: Layout?
    public var decisionState: DecisionState?

    /// The ledger was current: nothing was changed.
    public var changedNothing: Bool { layout == nil && decisionState == nil }
}

extension LedgerStore {
    /// Brings a ledger written by an older build to this one, in one write transaction, so that
    /// a crash leaves it as it was; the events are never changed. Check the result with
    /// ``verify(expecting:)``.
    /// - A ledger of storage layout 1, written only by development builds, kept a per-event
    ///   stream index where layout 2 keeps stream heads and links
    ///   (docs/proposals/0001-stream-heads-and-links.md): the stream tables are emptied and
    ///   rebuilt from the log, and the layout recorded.
    /// - A decision state kept by another version of `options.reducer` is emptied and folded
    ///   again from the log, and the version recorded.
    /// - Complexity: O(n log s) for n events over s streams, and O(n) folds of the reducer.
    public static func upgrade(at path: String, options: Options = Options()) throws -> LedgerUpgrade {
        var options = options
        options.readOnly = false
        let store = try LedgerStore(path: path, options: options, creating: false, upgrading: true)
        let keepsState = !(options.reducer is NoDecisionState)
        let outcome = try store.write { writer -> LedgerUpgrade in
            var upgrade = LedgerUpgrade()
            let format = try writer.formatVersion()
            if format < formatVersionSupported {
                let rebuilt = try writer.rebuildStreamTables()
                upgrade.layout = .init(from: format, events: rebuilt.events, streams: rebuilt.streams)
            }
            let state = try writer.decisionStateVersion()
            if keepsState && state != options.reducer.stateVersion {
                let rebuilt = try writer.rebuildDecisionState()
                upgrade.decisionState = .init(from: state, events: rebuilt.events, keys: rebuilt.keys)
            }
            return upgrade
        }
        guard case let .committed(upgrade, _) = outcome else { preconditionFailure("a write without an idempotency key was replayed") }
        return upgrade
    }
}
