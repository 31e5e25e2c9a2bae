/// `verify`'s check of the stream heads and stream links against the log.
///
/// The links are checked one by one, in sequence order: each must lead from an event to an
/// earlier event of the same stream with the version before (0 exactly for version 1), and no
/// event may be led to twice. Then there must be one head per stream, naming an event no link
/// leads to, in that stream, with the head's version. Together these hold only when both
/// tables are exactly what a rebuild from the log gives: every stream is then one chain
/// 1, 2, 3 … in log order, and each head is its end. The checks need no table keyed by stream,
/// which keeps verify near the bare hash chain's speed.
extension LedgerStore {
    func compareStreamLinks(_ reader: LedgerReader, _ rebuilt: inout RebuiltIndexes, _ report: inout VerificationReport) throws {
        let events = rebuilt.eventCount
        rebuilt.isLinkedTo = [Bool](repeating: false, count: events)
        let cursor = try LMDBCursor(reader.txn, dbs.streamLinks)
        var expected: UInt64 = 1
        var entry = try cursor.move(.first)
        while let e = entry {
            entry = try cursor.move(.next)
            guard e.key.count == 8, e.value.count == 8 else {
                report.add("stream links: an entry of \(e.key.count)+\(e.value.count) bytes is not two sequences")
                continue
            }
            let sequence = readBigEndianU64(e.key)
            guard sequence <= UInt64(events) else {
                report.add("stream links: a link of event \(sequence), past the log's last event \(events)")
                break
            }
            if sequence > expected { report.add("stream links: \(Self.events(expected..<sequence)) no link") }
            expected = sequence + 1
            let index = Int(sequence) - 1
            let previous = readBigEndianU64(e.value)
            if previous == 0 {
                if rebuilt.versionOf[index] == 1 { continue }
            } else if previous < sequence {
                let p = Int(previous) - 1
                if !rebuilt.isLinkedTo[p], rebuilt.versionOf[p] + 1 == rebuilt.versionOf[index],
                    rebuilt.event(p, sharesStreamWith: index)
                {
                    rebuilt.isLinkedTo[p] = true
                    continue
                }
            }
            report.add(Self.wrongLink(from: index, to: previous, rebuilt, searching: report.problems.count < VerificationReport.problemsListedMax))
        }
        if expected <= UInt64(events) { report.add("stream links: \(Self.events(expected..<UInt64(events + 1))) no link") }
    }

    func compareStreamHeads(_ reader: LedgerReader, _ rebuilt: RebuiltIndexes, _ report: inout VerificationReport) throws {
        var isHead = [Bool](repeating: false, count: rebuilt.eventCount)
        let cursor = try LMDBCursor(reader.txn, dbs.streams)
        var entries = 0
        var entry = try cursor.move(.first)
        while let e = entry {
            entries += 1
            entry = try cursor.move(.next)
            let streamId = String(decoding: e.key, as: UTF8.self)
            guard let head = StreamHead(encoded: e.value) else {
                report.add("stream heads: the head of \(streamId) is \(e.value.count) bytes, not \(StreamHead.encodedBytes)")
                continue
            }
            let index = Int(clamping: head.lastSequence) - 1
            if index >= 0, index < isHead.count, !isHead[index], !rebuilt.isLinkedTo[index],
                rebuilt.versionOf[index] == head.version, rebuilt.event(index, isIn: e.key)
            {
                isHead[index] = true
                continue
            }
            let stored = "stream heads: \(streamId) → version \(head.version) at event \(head.lastSequence)"
            // Searching the log costs a pass; past the problems listed, the count is what matters.
            if report.problems.count >= VerificationReport.problemsListedMax {
                report.add(stored + " is wrong")
            } else if let last = rebuilt.lastEvent(ofStream: e.key) {
                report.add(stored + ", but the log's last event of \(streamId) is version \(rebuilt.versionOf[last]) at event \(last + 1)")
            } else {
                report.add(stored + ", but the log has no such stream")
            }
        }
        if entries != rebuilt.streamCount {
            report.add("stream heads: \(entries) heads for \(rebuilt.streamCount) streams in the log")
        }
    }

    /// What is wrong with the link from event `index + 1` to `previous`, with what the log holds
    /// when `searching` (a pass over the log).
    private static func wrongLink(from index: Int, to previous: UInt64, _ rebuilt: RebuiltIndexes, searching: Bool) -> String {
        let streamId = rebuilt.streamId(ofEvent: index)
        let stored = "stream links: event \(index + 1) (\(streamId) version \(rebuilt.versionOf[index])) → event \(previous)"
        guard searching else { return stored + " is wrong" }
        let held = rebuilt.previousSequence(inStreamOf: index)
        if held == previous { return stored + ", which another link already leads to" }
        if held == 0 { return stored + ", but it is the first event of \(streamId)" }
        return stored + ", but the event before it in \(streamId) is event \(held)"
    }

    /// "event 7 has" or "events 7-9 have".
    private static func events(_ range: Range<UInt64>) -> String {
        range.count == 1 ? "event \(range.lowerBound) has" : "events \(range.lowerBound)-\(range.upperBound - 1) have"
    }
}
