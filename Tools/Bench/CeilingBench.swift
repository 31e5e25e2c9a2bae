import BenchCeiling

/// The plain C loop of BenchCeiling.c, on the corpus's bytes.
struct CeilingBench {
    let corpus: EventCorpus

    /// What `bench_ceiling_append` puts besides the events, and whether it syncs.
    struct Options: OptionSet {
        let rawValue: UInt32
        static let storeShaped = Options(rawValue: UInt32(BENCH_STORE_SHAPED))
        static let noSync = Options(rawValue: UInt32(BENCH_NO_SYNC))
    }

    /// An LMDB call of the C loop failed.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Puts the first `events` events into a new environment in `directory`, `batchEvents` per
    /// write transaction; the seconds of the puts and commits.
    func append(in directory: String, events: Int, batchEvents: Int, options: Options = []) throws -> Double {
        let result = corpus.withCEvents(first: events) {
            bench_ceiling_append(directory, $0, batchEvents, options.rawValue)
        }
        guard result.rc == 0 else {
            let call = result.operation.map { String(cString: $0) } ?? "?"
            throw Failure(description: "C loop: \(call) failed: \(String(cString: bench_error_text(result.rc)))")
        }
        return result.seconds
    }

    /// The version of the LMDB library linked in.
    static var lmdbVersion: String { String(cString: bench_lmdb_version()) }
}
