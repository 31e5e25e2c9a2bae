/// Seconds `body` takes, on the monotonic clock.
func secondsTaken(_ body: () throws -> Void) rethrows -> Double {
    seconds(of: try ContinuousClock().measure(body))
}

/// Seconds since `start`, on the monotonic clock.
func seconds(since start: ContinuousClock.Instant) -> Double {
    seconds(of: start.duration(to: .now))
}

/// `duration` in seconds.
func seconds(of duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}
