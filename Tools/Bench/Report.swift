import Foundation

/// The printed result: each measurement's median, minimum and maximum, the ratios with their
/// targets, where the batched append's time goes, and the command that reproduces it all.
struct Report {
    let config: BenchConfig
    let samples: Samples

    /// A ratio the benchmark holds the store to, or only shows.
    struct Ratio {
        let numerator: Measurement
        let denominator: Measurement
        let label: String
        /// The least acceptable ratio; nil when it is shown for information.
        let target: Double?
    }

    static let ratios = [
        Ratio(numerator: .storeAppend, denominator: .ceiling, label: "store batched append / C ceiling", target: 0.40),
        Ratio(numerator: .storeSingle, denominator: .ceilingSingle, label: "store single / C single", target: 0.80),
        Ratio(numerator: .verify, denominator: .chain, label: "verify / bare chain", target: 0.60),
        Ratio(numerator: .readBack, denominator: .chain, label: "read back / bare chain", target: nil),
        Ratio(
            numerator: .storeAppend, denominator: .ceilingStoreShaped, label: "store batched / C, same writes",
            target: nil),
        Ratio(
            numerator: .storeSingle, denominator: .ceilingSingleStoreShaped, label: "store single / C, same writes",
            target: nil),
    ]

    /// The measurements in the order the table lists them, under headings.
    static let groups: [(heading: String, measurements: [Measurement])] = [
        (
            "Batched append, events/s",
            [.storeAppend, .ceiling, .ceilingStoreShaped, .storeAppendNoSync, .ceilingStoreShapedNoSync]
        ),
        ("Reading, events/s", [.readBack, .verify, .chain]),
        ("Single-event durable commits, commits/s", [.storeSingle, .ceilingSingle, .ceilingSingleStoreShaped]),
    ]

    private typealias F = TextFormatting
    private static let titleWidth = 44
    private static let columnWidth = 14

    /// Writes the report to standard output.
    func printReport() {
        printMeasurements()
        printRatios()
        printTimeBreakdown()
        Swift.print("\nReproduce (from the package root):\n  \(config.reproduceCommand)")
    }

    private func median(_ m: Measurement) -> Double { samples.summary(of: m)?.median ?? .nan }

    private func printMeasurements() {
        Swift.print(
            "\n" + F.left("", Self.titleWidth) + F.right("median", Self.columnWidth) + F.right("min", Self.columnWidth)
                + F.right("max", Self.columnWidth) + F.right("written/item", Self.columnWidth + 2))
        for group in Self.groups {
            Swift.print(group.heading)
            for m in group.measurements {
                guard let s = samples.summary(of: m) else { continue }
                let written = samples.medianBytesWritten(of: m).map { F.grouped($0) + " B" } ?? "-"
                Swift.print(
                    F.left("  " + m.title, Self.titleWidth) + F.right(F.grouped(s.median), Self.columnWidth)
                        + F.right(F.grouped(s.min), Self.columnWidth) + F.right(F.grouped(s.max), Self.columnWidth)
                        + F.right(written, Self.columnWidth + 2))
            }
        }
        Swift.print("  (written/item: bytes passed to write calls per event or commit, median; includes opening)")
    }

    private func printRatios() {
        Swift.print(
            "\n" + F.left("Ratio", Self.titleWidth) + F.right("of medians", Self.columnWidth)
                + F.right("runs min-max", 18) + F.right("target", 9) + "  verdict")
        for ratio in Self.ratios {
            let value = median(ratio.numerator) / median(ratio.denominator)
            let byRun = samples.ratiosByRun(ratio.numerator, ratio.denominator)
            let range = "\(F.percent(byRun.min() ?? .nan))-\(F.percent(byRun.max() ?? .nan))"
            let target = ratio.target.map { "≥ " + F.percent($0) } ?? "-"
            let verdict = ratio.target.map { value >= $0 ? "PASS" : "BELOW TARGET" } ?? "(no target)"
            Swift.print(
                F.left(ratio.label, Self.titleWidth) + F.right(F.percent(value), Self.columnWidth) + F.right(range, 18)
                    + F.right(target, 9) + "  " + verdict)
        }
    }

    /// The batched append's seconds, from the C ceiling up to the store, from the medians.
    private func printTimeBreakdown() {
        let events = Double(config.events)
        func time(_ m: Measurement) -> Double { events / median(m) }
        let ceiling = time(.ceiling)
        let shaped = time(.ceilingStoreShaped)
        let store = time(.storeAppend)
        let shapedNoSync = time(.ceilingStoreShapedNoSync)
        let storeNoSync = time(.storeAppendNoSync)
        let width = 60
        func line(_ label: String, _ seconds: Double, _ note: String = "") {
            Swift.print(F.left("  " + label, width) + F.right(F.seconds(seconds), 10) + note)
        }
        Swift.print("\nWhere the batched append's time goes (from the medians, for \(F.grouped(config.events)) events)")
        line("C ceiling: events only, durable", ceiling)
        var amplification = ""
        if let plain = samples.medianBytesWritten(of: .ceiling),
            let more = samples.medianBytesWritten(of: .ceilingStoreShaped)
        {
            amplification = String(format: ", writing %.1f× the bytes", more / plain)
        }
        line(
            "+ a stream link and stream head per event, a head per batch", shaped - ceiling,
            "  = \(F.seconds(shaped)) (C\(amplification))")
        line(
            "+ the store's Swift layer (encode, hash, lookups, checks)", store - shaped,
            "  = \(F.seconds(store)) (store)")
        line("    of which the bare SHA-256 chain would take", time(.chain))
        Swift.print("  The same writes without fsync (MDB_NOSYNC; the store's bulk mode):")
        line("C + stream links + heads", shapedNoSync)
        line("store", storeNoSync, "  (+\(F.seconds(storeNoSync - shapedNoSync)): the Swift layer's CPU)")
        line(
            "so flushing to disk costs the C loop", shaped - shapedNoSync,
            "  and the store \(F.seconds(store - storeNoSync))")
    }
}
