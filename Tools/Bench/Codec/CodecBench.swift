import Commissioning
import Foundation

/// `Tools/bench codec`: BinaryEncoder and BinaryDecoder on a demo history's payloads and on
/// projection-like rows, in events (or rows) a second.
enum CodecBench {
    private typealias F = TextFormatting

    static func run(_ config: CodecBenchConfig) throws {
        if let directory = config.directory {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try measure(config, in: directory)
        } else {
            try ScratchSpace(parent: nil).withDirectory { try measure(config, in: $0) }
        }
    }

    private static func measure(_ config: CodecBenchConfig, in directory: String) throws {
        let history = try DemoHistories(directory: directory, seed: config.seed).history(events: config.events) { progress($0) }
        progress("reading the history's \(F.grouped(Int(history.events))) events and checking that they re-encode")
        let corpus = try CodecCorpus(ledger: history.path)
        let count = corpus.stored.count

        print("cledger codec benchmark (demo seed \(config.seed))")
        print(
            "  corpus  \(F.grouped(count)) event payloads (\(F.grouped(corpus.payloadBytes / max(1, count))) bytes on average) "
                + "and as many rows (\(F.grouped(corpus.rowBytes / max(1, count))) bytes)")
        print("  runs    \(config.runs) of \(config.passes) passes each; median, min and max over the runs")
        #if DEBUG
            print("  WARNING a debug build: the figures say nothing; build with -c release (Tools/bench does)")
        #endif

        let measurements: [(String, () throws -> Int)] = [
            ("payload encode", { try corpus.events.reduce(0) { $0 + (try $1.payload.encoded()).count } }),
            ("payload decode", {
                try corpus.stored.reduce(0) { total, entry in
                    _ = try CommissioningEvent.decode(eventType: entry.eventType, schemaVersion: entry.schemaVersion, payload: entry.payload)
                    return total + entry.payload.count
                }
            }),
            ("row encode", { try corpus.rows.reduce(0) { $0 + (try BinaryEncoder().encode($1)).count } }),
            ("row decode", {
                try corpus.encodedRows.reduce(0) { total, bytes in
                    total + Int(try BinaryDecoder().decode(CodecBenchRow.self, from: bytes).sequence & 1)
                }
            }),
        ]
        print("\n  measurement         median/s          min/s          max/s")
        for (name, pass) in measurements {
            var rates: [Double] = []
            var sink = 0
            for _ in 0..<config.runs {
                let seconds = try secondsTaken { for _ in 0..<config.passes { sink &+= try pass() } }
                rates.append(Double(count * config.passes) / seconds)
            }
            precondition(sink != -1)
            print(
                "  \(F.left(name, 16))  \(F.right(F.grouped(median(of: rates) ?? 0), 12))   "
                    + "\(F.right(F.grouped(rates.min() ?? 0), 12))   \(F.right(F.grouped(rates.max() ?? 0), 12))")
        }
        print("\nReproduce (from the package root):\n  \(config.reproduceCommand)")
    }

    private static func progress(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
