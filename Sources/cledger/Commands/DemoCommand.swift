import ArgumentParser
import DemoHistory
import LedgerStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write a realistic commissioning history of 2017-2020 into a new, empty ledger.",
        discussion: """
            The same seed gives the same events. Everything is appended through the same decisions as \
            every other command, on a simulated clock, so recorded times unfold from April 2017. \
            --scale N makes N times as many organisations, bids and years (for benchmarks); it commits \
            in batches without flushing each one (a bulk load) and says so.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "The seed of the history.")
    var seed: UInt64 = 2017

    @Option(help: "N times as many years and organisations, the same activity each year (1 to \(DemoHistory.scaleMax)).")
    var scale: Int = 1

    func run() throws {
        try reportingFailures {
            guard (1...DemoHistory.scaleMax).contains(scale) else {
                throw CommandFailure(message: "--scale: \(scale) is not a whole number from 1 to \(DemoHistory.scaleMax)")
            }
            let path = global.storePath
            let summary = try DemoHistory.write(into: path, seed: seed, scale: scale) { line in
                if scale > 1 { print("  " + line) }
            }
            print(
                "wrote the demo history (seed \(seed), scale \(scale)) into \(path): \(grouped(summary.commands)) commands, "
                    + "\(grouped(summary.events)) events, recorded \(summary.firstDay) to \(summary.lastDay)")
            if summary.bulk { print("bulk load: commits were flushed to disk once, at the end") }
            print(summary.counts.map { "  \($0.0): \(grouped($0.1))" }.joined(separator: "\n"))
            print("head \(summary.head.map(String.init(describing:)) ?? "none") (write it down: `cledger verify --expect` checks it later)")
            print(
                """

                Explore it:
                  cledger --store \(path) info
                  cledger --store \(path) verify
                  cledger --store \(path) log --stream bid-0001
                  cledger --store \(path) log --stream contract-0002 --known-at 2018-04-01
                  cledger --store \(path) export > history.jsonl
                """)
        }
    }
}
