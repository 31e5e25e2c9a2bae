import BenchCeiling

/// Every stored envelope of the workload (body ‖ hash) in one contiguous buffer, and what the
/// stream tables need of each event: the bytes the C loop puts and the chain loop hashes.
///
/// Built once, before the first run; 1,000,000 envelopes of 300 bytes take about 330 MB.
struct EventCorpus {
    let count: Int
    /// The stored envelopes, one after another.
    private(set) var values: [UInt8] = []
    /// `count + 1` offsets: envelope `i` is `values[valueOffsets[i] ..< valueOffsets[i + 1]]`.
    private(set) var valueOffsets: [Int] = [0]
    /// Each event's stream id, laid out like the values; its stream version; and the sequence
    /// of the previous event of its stream (0 for none).
    private(set) var streamIds: [UInt8] = []
    private(set) var streamIdOffsets: [Int] = [0]
    private(set) var streamVersions: [UInt64] = []
    private(set) var previousInStream: [UInt64] = []

    init(_ workload: Workload) {
        count = workload.count
        let firstBytes = EnvelopeLayout.storedBytes(
            streamId: workload.streamId(of: 0), recordedBy: Workload.recordedBy, event: workload.event(0))
        values.reserveCapacity(count * (firstBytes + 8))  // slack for longer stream ids
        valueOffsets.reserveCapacity(count + 1)
        streamIds.reserveCapacity(count * (workload.streamId(of: 0).utf8.count + 8))
        streamIdOffsets.reserveCapacity(count + 1)
        streamVersions.reserveCapacity(count)
        previousInStream.reserveCapacity(count)
        var lastInStream: [String: UInt64] = [:]
        var link = [UInt8](repeating: 0, count: HashChain.linkBytes)
        for i in 0..<count {
            let sequence = UInt64(i + 1)
            let streamId = workload.streamId(of: i)
            let version = workload.streamVersion(of: i)
            let start = values.count
            EnvelopeLayout.appendBody(
                sequence: sequence, streamId: streamId, streamVersion: version, recordedAt: Workload.recordedAt,
                recordedBy: Workload.recordedBy, event: workload.event(i), to: &values)
            values.withUnsafeBytes { stored in
                link.withUnsafeMutableBytes {
                    HashChain.advance($0, sequence: sequence, body: UnsafeRawBufferPointer(rebasing: stored[start...]))
                }
            }
            values.append(contentsOf: link)
            valueOffsets.append(values.count)
            streamIds.append(contentsOf: streamId.utf8)
            streamIdOffsets.append(streamIds.count)
            streamVersions.append(version)
            previousInStream.append(lastInStream[streamId] ?? 0)
            lastInStream[streamId] = sequence
        }
    }

    /// The average stored envelope, in bytes.
    var averageEventBytes: Double { Double(values.count) / Double(count) }

    /// `h(i + 1)`, the hash stored at the end of event `i` (from 0).
    func hash(ofEvent i: Int) -> [UInt8] {
        Array(values[(valueOffsets[i + 1] - HashChain.linkBytes)..<valueOffsets[i + 1]])
    }

    /// Calls `body` with all stored envelopes and the `count + 1` offsets that delimit them.
    func withStoredBytes<R>(_ body: (_ bytes: UnsafeRawBufferPointer, _ offsets: UnsafeBufferPointer<Int>) throws -> R)
        rethrows -> R
    {
        try values.withUnsafeBytes { bytes in
            try valueOffsets.withUnsafeBufferPointer { try body(bytes, $0) }
        }
    }

    /// Calls `body` with the first `events` events, as the C loop takes them.
    func withCEvents<R>(first events: Int, _ body: (UnsafePointer<bench_events>) throws -> R) rethrows -> R {
        precondition(events <= count, "the corpus holds \(count) events, not \(events)")
        return try values.withUnsafeBufferPointer { values in
            try valueOffsets.withUnsafeBufferPointer { valueOffsets in
                try streamIds.withUnsafeBufferPointer { streamIds in
                    try streamIdOffsets.withUnsafeBufferPointer { streamIdOffsets in
                        try streamVersions.withUnsafeBufferPointer { streamVersions in
                            try previousInStream.withUnsafeBufferPointer { previousInStream in
                                var c = bench_events(
                                    values: values.baseAddress, value_offsets: valueOffsets.baseAddress,
                                    stream_ids: streamIds.baseAddress, stream_id_offsets: streamIdOffsets.baseAddress,
                                    stream_versions: streamVersions.baseAddress,
                                    previous_in_stream: previousInStream.baseAddress, count: events)
                                return try body(&c)
                            }
                        }
                    }
                }
            }
        }
    }
}
