/// The key-value state decisions read: fund totals, an entity's status. Derived from the log by
/// a ``DecisionStateReducer``, written in the same transaction as the events it follows from,
/// and rebuilt and compared by `verify`.
public protocol DecisionStateAccess: AnyObject {
    func value(forKey key: [UInt8]) throws -> [UInt8]?
    func setValue(_ value: [UInt8], forKey key: [UInt8]) throws
    func removeValue(forKey key: [UInt8]) throws
}

/// Folds one event into the decision state. It must depend on nothing but the event and the
/// state, so that the state kept on append equals the state rebuilt from the log.
public protocol DecisionStateReducer: Sendable {
    /// The version of the fold and of the state's layout, raised whenever either changes. A
    /// ledger records the version its state was kept by (meta `state-version`); one kept by
    /// another version is refused for writing, and ``LedgerStore/upgrade(at:options:)`` folds
    /// it again from the log.
    var stateVersion: UInt32 { get }
    func apply(_ event: Envelope, to state: any DecisionStateAccess) throws
}

/// A reducer that keeps no state: what a ledger holds before any domain uses it.
public struct NoDecisionState: DecisionStateReducer {
    public init() {}
    public var stateVersion: UInt32 { 0 }
    public func apply(_ event: Envelope, to state: any DecisionStateAccess) throws {}
}

/// Decision state in memory: what `verify` rebuilds to compare with the stored one.
final class InMemoryDecisionState: DecisionStateAccess {
    var entries: [[UInt8]: [UInt8]] = [:]

    func value(forKey key: [UInt8]) throws -> [UInt8]? { entries[key] }
    func setValue(_ value: [UInt8], forKey key: [UInt8]) throws { entries[key] = value }
    func removeValue(forKey key: [UInt8]) throws { entries[key] = nil }
}
