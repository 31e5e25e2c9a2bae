import Glibc

/// What `verify` rebuilds from the log to compare with the stored databases.
struct RebuiltIndexes {
    /// Each event's stream id, end to end in one buffer (event n's from `streamEnds[n − 2]`,
    /// or 0, to `streamEnds[n − 1]`), and its version in that stream: what the stream heads and
    /// links must agree with. One buffer, not a string per event, keeps the scan close to the
    /// hash chain's speed.
    private(set) var streamIds: [UInt8] = []
    private(set) var streamEnds: [Int] = []
    private(set) var versionOf: [UInt64] = []
    /// Events of version 1: one per stream.
    private(set) var streamCount = 0
    /// Whether a stream link found so far leads back to event `index + 1`: set by the links'
    /// check, read by the heads' (a stream's last event has no link leading to it).
    var isLinkedTo: [Bool] = []
    var idempotency: [String: (first: UInt64, last: UInt64, digest: EventHash)] = [:]
    var state = InMemoryDecisionState()
    let keepsState: Bool

    init(keepsState: Bool) { self.keepsState = keepsState }

    var eventCount: Int { versionOf.count }

    mutating func reserve(events: Int) {
        streamIds.reserveCapacity(events * 12)
        streamEnds.reserveCapacity(events)
        versionOf.reserveCapacity(events)
    }

    mutating func add(stream id: UnsafeRawBufferPointer, version: UInt64) {
        streamIds.append(contentsOf: id)
        streamEnds.append(streamIds.count)
        versionOf.append(version)
        if version == 1 { streamCount += 1 }
    }

    /// The stream id of event `index + 1`, as text.
    func streamId(ofEvent index: Int) -> String {
        String(decoding: streamIds[streamStart(index)..<streamEnds[index]], as: UTF8.self)
    }

    /// Whether event `index + 1` is in the stream `id`.
    func event(_ index: Int, isIn id: UnsafeRawBufferPointer) -> Bool {
        let start = streamStart(index)
        guard streamEnds[index] - start == id.count else { return false }
        return streamIds.withUnsafeBytes { all in
            id.count == 0 || memcmp(all.baseAddress! + start, id.baseAddress!, id.count) == 0
        }
    }

    /// Whether events `index + 1` and `other + 1` are in the same stream.
    func event(_ index: Int, sharesStreamWith other: Int) -> Bool {
        streamIds.withUnsafeBytes { all in
            event(index, isIn: UnsafeRawBufferPointer(rebasing: all[streamStart(other)..<streamEnds[other]]))
        }
    }

    /// The sequence of the latest event before `index + 1` in its stream, 0 when there is none:
    /// a search of the log, for naming what a wrong link should have been.
    /// - Complexity: O(n).
    func previousSequence(inStreamOf index: Int) -> UInt64 {
        (0..<index).reversed().first { event($0, sharesStreamWith: index) }.map { UInt64($0 + 1) } ?? 0
    }

    /// The index of the last event of the stream `id`, nil when the log has none: a search of
    /// the log, for naming what a wrong head should have been.
    /// - Complexity: O(n).
    func lastEvent(ofStream id: UnsafeRawBufferPointer) -> Int? {
        versionOf.indices.reversed().first { event($0, isIn: id) }
    }

    private func streamStart(_ index: Int) -> Int { index == 0 ? 0 : streamEnds[index - 1] }
}
