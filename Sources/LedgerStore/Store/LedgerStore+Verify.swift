import Glibc

/// What `verify` found.
public struct VerificationReport: Sendable {
    public var eventCount: UInt64 = 0
    public var head: LedgerHead?
    /// The first event whose stored bytes do not hash to its stored hash, or cannot be read.
    public var firstBadSequence: UInt64?
    /// One line for each thing that is wrong, the first bad event first.
    public var problems: [String] = []

    public var isValid: Bool { problems.isEmpty }

    /// Problems past this many are counted, not listed.
    public static let problemsListedMax = 20
    public var problemsNotListed = 0

    mutating func add(_ problem: String) {
        if problems.count < Self.problemsListedMax { problems.append(problem) } else { problemsNotListed += 1 }
    }
}

extension LedgerStore {
    /// Recomputes every hash of the chain, names the first event that does not match, checks
    /// the stream heads and links, rebuilds the idempotency keys and decision state from the log
    /// and compares them with what is stored, and checks the metadata and projection checkpoints.
    ///
    /// - Parameter expected: a head written down earlier (`SEQ:HASH`): the log must still hold
    ///   exactly that prefix.
    /// - Complexity: O(n) time; memory for the rebuilt indexes, O(n) sequences.
    public func verify(expecting expected: (sequence: UInt64, hash: EventHash)? = nil) throws -> VerificationReport {
        try read { reader in
            var report = VerificationReport()
            var rebuilt = RebuiltIndexes(keepsState: !(options.reducer is NoDecisionState))
            try scanChain(reader, into: &report, rebuilding: &rebuilt)
            if let expected { try checkExpected(expected, reader, &report) }
            guard report.firstBadSequence == nil else {
                report.add("the indexes were not compared, because the log itself is damaged")
                return report
            }
            try compareStreamLinks(reader, &rebuilt, &report)
            try compareStreamHeads(reader, rebuilt, &report)
            try compareIdempotency(reader, rebuilt, &report)
            try compareDecisionState(reader, rebuilt, &report)
            try compareMetadata(reader, &report)
            try compareCheckpoints(reader, &report)
            return report
        }
    }

    private func scanChain(_ reader: LedgerReader, into report: inout VerificationReport, rebuilding rebuilt: inout RebuiltIndexes) throws {
        let cursor = try LMDBCursor(reader.txn, dbs.events)
        var previousHash = EventHash.zero
        var previousRecordedAt: LedgerInstant?
        var expectedSequence: UInt64 = 1
        rebuilt.reserve(events: try reader.txn.entryCount(dbs.events))
        var entry = try cursor.move(.first)
        func bad(_ sequence: UInt64, _ detail: String) {
            report.firstBadSequence = sequence
            report.add("event \(sequence): \(detail)")
        }
        while let e = entry {
            // The cursor moves on first, so that the CPU loads the next event's bytes while this
            // one is hashed: without it verify took ~1.2 times as long, waiting for memory. The
            // values of a read transaction stay put until it ends, so `e` is still valid, and an
            // error from the move is thrown only after `e` has passed its checks, as before.
            let next = Result { try cursor.move(.next) }
            if case .success(let following?) = next { following.prefetchValue() }
            guard e.key.count == 8 else { bad(expectedSequence, "its key is \(e.key.count) bytes, not 8"); break }
            let sequence = readBigEndianU64(e.key)
            guard sequence == expectedSequence else {
                bad(expectedSequence, "missing: the log goes on at \(sequence)")
                break
            }
            let header: EnvelopeHeader
            do {
                header = try EnvelopeHeader(stored: e.value)
            } catch let error as Envelope.DecodingError {
                bad(sequence, "cannot be read: \(error.detail)")
                break
            }
            let recomputed = EventHash.chain(sequence: sequence, previous: previousHash, body: header.body)
            guard recomputed == header.hash, header.sequence == sequence else {
                bad(sequence, "its stored bytes do not hash to its stored hash: the event was altered")
                break
            }
            if let previousRecordedAt, header.recordedAt < previousRecordedAt {
                bad(sequence, "recorded at \(header.recordedAt), before the event before it (\(previousRecordedAt))")
                break
            }
            rebuilt.add(stream: header.streamId, version: header.streamVersion)
            do {
                let (key, digest) = try header.idempotency()
                if !key.isEmpty, let digest {
                    let name = String(decoding: key, as: UTF8.self)
                    let first = rebuilt.idempotency[name]?.first ?? sequence
                    rebuilt.idempotency[name] = (first, sequence, digest)
                }
                if rebuilt.keepsState {
                    try options.reducer.apply(try Envelope(stored: e.value), to: rebuilt.state)
                }
            } catch let error as Envelope.DecodingError {
                bad(sequence, "cannot be read: \(error.detail)")
                break
            }
            previousHash = header.hash
            previousRecordedAt = header.recordedAt
            expectedSequence += 1
            entry = try next.get()
        }
        report.eventCount = expectedSequence - 1
        if let previousRecordedAt {
            report.head = LedgerHead(sequence: report.eventCount, hash: previousHash, recordedAt: previousRecordedAt)
        }
    }

    private func checkExpected(
        _ expected: (sequence: UInt64, hash: EventHash), _ reader: LedgerReader, _ report: inout VerificationReport
    ) throws {
        if let bad = report.firstBadSequence, bad <= expected.sequence {
            report.add("expected head \(expected.sequence):\(expected.hash) cannot be confirmed: event \(bad) is damaged")
            return
        }
        guard expected.sequence <= report.eventCount else {
            report.add(
                "expected head \(expected.sequence):\(expected.hash), but the log holds only \(report.eventCount) events: "
                    + "events were removed or this is another ledger")
            return
        }
        let stored = try reader.txn.withValue(dbs.events, key: bigEndianKey(expected.sequence)) {
            try EnvelopeHeader(stored: $0).hash
        }
        if stored != expected.hash {
            report.add(
                "expected head \(expected.sequence):\(expected.hash), but event \(expected.sequence) has hash "
                    + "\(stored.map(String.init(describing:)) ?? "none"): the log no longer holds that prefix")
        }
    }

    private func compareIdempotency(_ reader: LedgerReader, _ rebuilt: RebuiltIndexes, _ report: inout VerificationReport) throws {
        let cursor = try LMDBCursor(reader.txn, dbs.idempotency)
        var seen = 0
        var entry = try cursor.move(.first)
        while let e = entry {
            seen += 1
            let key = String(decoding: e.key, as: UTF8.self)
            let expected = rebuilt.idempotency[key]
            let matches =
                e.value.count == 48 && expected.map {
                    readBigEndianU64(e.value) == $0.first
                        && readBigEndianU64(UnsafeRawBufferPointer(rebasing: e.value[8..<16])) == $0.last
                        && EventHash(bytes: UnsafeRawBufferPointer(rebasing: e.value[16..<48])) == $0.digest
                } == true
            if !matches { report.add("idempotency keys: the record of '\(key)' does not match the events that carry it") }
            entry = try cursor.move(.next)
        }
        if seen != rebuilt.idempotency.count {
            report.add("idempotency keys: \(seen) stored, \(rebuilt.idempotency.count) in the log")
        }
    }

    private func compareDecisionState(_ reader: LedgerReader, _ rebuilt: RebuiltIndexes, _ report: inout VerificationReport) throws {
        let version = try reader.decisionStateVersion()
        if rebuilt.keepsState && report.eventCount > 0 && version != options.reducer.stateVersion {
            // Its keys and values are another version's: comparing them one by one would only list them all.
            report.add(
                "decision state: kept by version \(version) of the domain's rules, and this cledger keeps version "
                    + "\(options.reducer.stateVersion); run `cledger upgrade` to fold it again from the log")
            return
        }
        let cursor = try LMDBCursor(reader.txn, dbs.state)
        var seen = 0
        var entry = try cursor.move(.first)
        while let e = entry {
            seen += 1
            let key = Array(e.key)
            if rebuilt.state.entries[key].map({ $0.elementsEqual(e.value) }) != true {
                report.add("decision state: the value of key \(printable(key)) differs from the one rebuilt from the log")
            }
            entry = try cursor.move(.next)
        }
        if seen != rebuilt.state.entries.count {
            report.add("decision state: \(seen) keys stored, \(rebuilt.state.entries.count) rebuilt from the log")
        }
    }

    private func compareMetadata(_ reader: LedgerReader, _ report: inout VerificationReport) throws {
        let stored = try reader.txn.withValue(dbs.meta, key: LedgerDatabases.MetaKey.head) { LedgerHead(encoded: $0) }
        if stored ?? nil != report.head {
            let describe = { (head: LedgerHead?) in head.map { "\($0) recorded at \($0.recordedAt)" } ?? "none" }
            report.add("metadata: the recorded head is \(describe(stored ?? nil)), the log's last event is \(describe(report.head))")
        }
    }

    private func compareCheckpoints(_ reader: LedgerReader, _ report: inout VerificationReport) throws {
        let cursor = try LMDBCursor(reader.txn, dbs.checkpoints)
        var entry = try cursor.move(.first)
        while let e = entry {
            let name = String(decoding: e.key, as: UTF8.self)
            if !ProjectionRowKey.isRow(e.key), let checkpoint = try reader.checkpoint(named: name) {
                let hash = checkpoint.sequence == 0 ? EventHash.zero : try reader.event(at: checkpoint.sequence)?.hash
                if hash != checkpoint.hash {
                    report.add("checkpoint \(name): at event \(checkpoint.sequence), which this log does not hold as it was; rebuild the projection")
                }
            }
            entry = try cursor.move(.next)
        }
    }
}

/// A key as text when it is printable UTF-8, else as hexadecimal.
private func printable(_ bytes: [UInt8]) -> String {
    if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7f }) { return "'" + String(decoding: bytes, as: UTF8.self) + "'" }
    return "0x" + bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
}
