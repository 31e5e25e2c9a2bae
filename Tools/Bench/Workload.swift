import DemoHistory
import LedgerStore

/// What the benchmark appends, the same in every run: event `i` (from 0) goes to stream
/// `i % streams` (round-robin), carries one of ``payloadVariants`` seeded pseudo-random payloads,
/// and is recorded by a fixed clock, so the store writes byte-identical envelopes every time.
struct Workload {
    static let eventType = "BenchEventRecorded"
    static let schemaVersion: UInt16 = 1
    static let actor = ActorRef(id: "actor-1", role: "finance-officer")
    static let effectiveDate = CalendarDate(year: 2018, month: 4, day: 6)!
    static let recordedAt = LedgerInstant(utcDate: effectiveDate, seconds: 9 * 3600)
    static let recordedBy = "bench"
    static let seed: UInt64 = 0xC1ED_6E00_0000_0001
    static let payloadVariants = 256

    let count: Int
    let streamIds: [String]
    private let variants: [NewEvent]

    /// Envelopes of `eventBytes` cannot hold the workload's fields.
    struct EventBytesTooSmall: Error, CustomStringConvertible {
        let description: String
    }

    init(events: Int, streams: Int, eventBytes: Int) throws {
        count = events
        streamIds = (0..<streams).map { Self.streamId($0) }
        // Stream ids have five digits up to 100,000 streams; past that, envelopes grow a byte or so.
        let overhead = EnvelopeLayout.storedBytes(
            streamId: streamIds[0], recordedBy: Self.recordedBy, event: Self.event(payload: []))
        guard eventBytes >= overhead else {
            throw EventBytesTooSmall(
                description: "--event-bytes \(eventBytes) is below \(overhead), the size of an empty envelope")
        }
        var random = SplitMix64(seed: Self.seed)
        let payloadBytes = eventBytes - overhead
        variants = (0..<Self.payloadVariants).map { _ in
            Self.event(payload: (0..<payloadBytes).map { _ in UInt8.random(in: 0...255, using: &random) })
        }
    }

    /// `stream-00042`: at least five digits.
    static func streamId(_ n: Int) -> String {
        let digits = String(n)
        return "stream-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    private static func event(payload: [UInt8]) -> NewEvent {
        NewEvent(
            eventType: eventType, schemaVersion: schemaVersion, effectiveDate: effectiveDate, actor: actor,
            payload: payload)
    }

    /// The stream event `i` goes to.
    func streamId(of i: Int) -> String { streamIds[i % streamIds.count] }

    /// The version event `i` has in its stream.
    func streamVersion(of i: Int) -> UInt64 { UInt64(i / streamIds.count) + 1 }

    /// The event the store is asked to append as event `i`.
    func event(_ i: Int) -> NewEvent { variants[i % variants.count] }

    /// Store options that make the envelopes exactly the ones ``EventCorpus`` builds.
    func storeOptions(bulk: Bool) -> LedgerStore.Options {
        var options = LedgerStore.Options()
        options.clock = SimulatedClock(Self.recordedAt)
        options.recordedBy = Self.recordedBy
        options.bulk = bulk
        return options
    }
}
