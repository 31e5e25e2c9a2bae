/// The stream heads and stream links (docs/event-format.md, "Where events live").
extension LedgerReader {
    /// The head of `streamId`: its version and last event; nil when it has no events.
    /// - Complexity: O(log n).
    func streamHead(_ streamId: String) throws -> StreamHead? {
        try txn.withValue(dbs.streams, key: Array(streamId.utf8)) { try streamHead(stored: $0, of: streamId) }
    }

    /// The head stored as `bytes` for `streamId`.
    func streamHead(stored bytes: UnsafeRawBufferPointer, of streamId: String) throws -> StreamHead {
        guard let head = StreamHead(encoded: bytes) else {
            throw damaged("the stream head of \(streamId) is \(bytes.count) bytes, not \(StreamHead.encodedBytes)")
        }
        return head
    }

    /// The sequences of `streamId`'s versions `head.version` down to `first`, latest first,
    /// followed back along the stream links from the head.
    /// - Complexity: O((head.version − first + 1) log n).
    func sequences(ofStream streamId: String, from head: StreamHead, backTo first: UInt64) throws -> [UInt64] {
        precondition(first >= 1 && first <= head.version, "a walk back from version \(head.version) to \(first)")
        // Checked before the sequences are reserved: a garbled version must not size an array.
        guard head.version <= head.lastSequence else {
            throw damaged("the stream head of \(streamId) says version \(head.version) at event \(head.lastSequence), more events than the log held then")
        }
        var sequences: [UInt64] = []
        sequences.reserveCapacity(Int(head.version - first + 1))
        var sequence = head.lastSequence
        var version = head.version
        while true {
            sequences.append(sequence)
            if version == first { return sequences }
            let previous = try previousSequence(inStreamOf: sequence)
            guard previous != 0, previous < sequence else {
                throw damaged("the stream link of \(streamId) version \(version) (event \(sequence)) leads to event \(previous)")
            }
            sequence = previous
            version -= 1
        }
    }

    /// The sequence of the event before `sequence` in its stream, 0 when it is the first.
    /// - Complexity: O(log n).
    func previousSequence(inStreamOf sequence: UInt64) throws -> UInt64 {
        let previous = try txn.withValue(dbs.streamLinks, key: bigEndianKey(sequence)) { bytes -> UInt64? in
            bytes.count == 8 ? readBigEndianU64(bytes) : nil
        }
        guard let previous, let previous else { throw damaged("event \(sequence) has no stream link of 8 bytes") }
        return previous
    }
}
