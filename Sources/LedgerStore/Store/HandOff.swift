import Dispatch

/// One result handed from one thread to another: ``put(_:)`` once, and ``take()`` waits for it.
/// `@unchecked Sendable`: the result is written once, before the signal, and read after it.
public final class HandOff<Value>: @unchecked Sendable {
    private var result: Result<Value, any Error>?
    private let ready = DispatchSemaphore(value: 0)

    public init() {}

    /// Hands `result` over; called once.
    public func put(_ result: Result<Value, any Error>) {
        self.result = result
        ready.signal()
    }

    /// Waits for the result put, and gives it back.
    /// - Throws: what the other thread put instead of a value.
    public func take() throws -> Value {
        ready.wait()
        return try result!.get()
    }
}
