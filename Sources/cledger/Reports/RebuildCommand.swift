import ArgumentParser
import Foundation
import Projections

/// `cledger rebuild [NAME]`: folds projections again from sequence 1.
struct RebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild", abstract: "Rebuild one projection, or all of them, from sequence 1 and save it in the ledger.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The projection: \(projectionNames) (default: all).")
    var name: String?

    @Option(
        name: .customLong("batch-events"),
        help: "Events folded and saved per write (default \(grouped(ProjectionRunner.batchEventsDefault))). Each write holds the ledger's write lock, which commands wait for: fewer events per write hold it for less time, and the rebuild takes longer.")
    var batchEvents: Int?

    func run() throws {
        try reportingFailures {
            let chosen = try name.map { name in
                guard let projection = allProjections.first(where: { $0.name == name }) else {
                    throw CommandFailure(
                        message: "rebuild: '\(name)' is not a projection; the projections are \(projectionNames)")
                }
                return [projection]
            } ?? allProjections
            if let batchEvents, batchEvents < 1 {
                throw CommandFailure(message: "--batch-events: \(batchEvents) is not a whole number of events of 1 or more")
            }
            let store = try global.openStore(writable: true)
            var runner = ProjectionRunner(store: store, saves: true)
            runner.batchEventsMax = batchEvents ?? ProjectionRunner.batchEventsDefault
            let started = ContinuousClock.now
            let results = try runner.rebuild(chosen)
            let took = started.duration(to: .now).components
            for result in results {
                print("rebuilt \(result.projection) from event 1: \(grouped(result.folded)) events folded")
            }
            let seconds = Double(took.seconds) + Double(took.attoseconds) * 1e-18
            print("in \(String(format: "%.2f", seconds)) s, reading the log once for \(chosen.count == 1 ? "it" : "all \(chosen.count)")")
        }
    }
}

/// The projections' names, as `rebuild` takes them.
private let projectionNames = allProjections.map { $0.name }.joined(separator: ", ")
