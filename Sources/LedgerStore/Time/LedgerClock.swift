import Glibc
import Synchronization

/// Where the ledger takes `recordedAt` from. Passed in, so tests and the demo are exact.
public protocol LedgerClock: Sendable {
    func now() -> LedgerInstant
}

/// The operating system's real-time clock.
public struct SystemClock: LedgerClock {
    public init() {}

    public func now() -> LedgerInstant {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return LedgerInstant(microsecondsSinceEpoch: Int64(ts.tv_sec) * 1_000_000 + Int64(ts.tv_nsec) / 1000)
    }
}

/// A clock that shows the instant it is set to, for tests and the demo's simulated history.
public final class SimulatedClock: LedgerClock {
    private let current: Mutex<LedgerInstant>

    public init(_ start: LedgerInstant) {
        current = Mutex(start)
    }

    public func now() -> LedgerInstant { current.withLock { $0 } }

    public func set(_ instant: LedgerInstant) { current.withLock { $0 = instant } }

    public func advance(microseconds: Int64) {
        current.withLock { $0 = $0.adding(microseconds: microseconds) }
    }
}
