import BenchCeiling

/// Every stored envelope of the workload (body ‖ hash) in one contiguous buffer, and each
/// event's stream-index key in another: the bytes the C loop puts and the chain loop hashes.
///
/// Built once, before the first run; 1,000,000 envelopes of 300 bytes take about 330 MB.
struct EventCorpus {
    let count: Int
    /// The stored envelopes, one after another.
    private(set) var values: [UInt8] = []
    /// `count + 1` offsets: envelope `i` is `values[valueOffsets[i] ..< valueOffsets[i + 1]]`.
    private(set) var valueOffsets: [Int] = [0]
    /// Stream-index keys (stream id ‖ 0x00 ‖ u64be(stream version)), laid out like the values.
    private(set) var indexKeys: [UInt8] = []
    private(set) var indexKeyOffsets: [Int] = [0]

    init(_ workload: Workload) {
        count = workload.count
        let firstBytes = EnvelopeLayout.storedBytes(
            streamId: workload.streamId(of: 0), recordedBy: Workload.recordedBy, event: workload.event(0))
        values.reserveCapacity(count * (firstBytes + 8))  // slack for longer stream ids
        valueOffsets.reserveCapacity(count + 1)
        indexKeys.reserveCapacity(count * (workload.streamId(of: 0).utf8.count + 16))
        indexKeyOffsets.reserveCapacity(count + 1)
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
            indexKeys.append(contentsOf: streamId.utf8)
            indexKeys.append(0)
            EnvelopeLayout.appendBigEndian(version, to: &indexKeys)
            indexKeyOffsets.append(indexKeys.count)
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
                try indexKeys.withUnsafeBufferPointer { indexKeys in
                    try indexKeyOffsets.withUnsafeBufferPointer { indexKeyOffsets in
                        var c = bench_events(
                            values: values.baseAddress, value_offsets: valueOffsets.baseAddress,
                            index_keys: indexKeys.baseAddress, index_key_offsets: indexKeyOffsets.baseAddress,
                            count: events)
                        return try body(&c)
                    }
                }
            }
        }
    }
}
