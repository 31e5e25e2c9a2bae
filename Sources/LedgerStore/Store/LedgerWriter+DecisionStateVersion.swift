/// Keeping the decision state's version: checked the first time a write reads the state or
/// appends, recorded when the state is new or folded again from the log. A write that does
/// neither (a projection's catch-up) is not refused: reports need no upgrade.
extension LedgerWriter {
    /// Refuses to decide against a decision state kept by another version of the reducer, whose
    /// keys and values this build may read wrongly. A ledger with no events has an empty state,
    /// current in every version: its version is recorded instead.
    func requireCurrentDecisionState() throws {
        guard keepsState, !stateVersionChecked else { return }
        let found = try decisionStateVersion()
        if found != reducer.stateVersion {
            guard try head() == nil else { throw LedgerError.staleDecisionState(path: path, found: found, expected: reducer.stateVersion) }
            try recordDecisionStateVersion()
        }
        // Only once it passed: a caller that swallows the refusal meets it again at its next read or append.
        stateVersionChecked = true
    }

    /// Records that the decision state is kept by this reducer's version.
    func recordDecisionStateVersion() throws {
        var version = ByteWriter(capacity: 4)
        version.u32(reducer.stateVersion)
        try lmdb { try txn.put(dbs.meta, key: LedgerDatabases.MetaKey.stateVersion, value: version.bytes, mode: .upsert) }
    }

    /// Empties the decision state and folds every event into it again, then records this
    /// reducer's version: what ``LedgerStore/upgrade(at:options:)`` does in its one write
    /// transaction when the state's version differs.
    /// - Returns: the events folded and the keys the state holds after.
    /// - Complexity: O(n) events, each folded as when it was appended.
    func rebuildDecisionState() throws -> (events: UInt64, keys: Int) {
        try lmdb { try txn.empty(dbs.state) }
        var events: UInt64 = 0
        try forEachEvent { envelope in
            try reducer.apply(envelope, to: state)
            events += 1
        }
        try recordDecisionStateVersion()
        let keys = try lmdb { try txn.entryCount(dbs.state) }
        return (events, keys)
    }
}
