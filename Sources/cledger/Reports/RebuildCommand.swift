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

    func run() throws {
        try reportingFailures {
            let chosen = try name.map { name in
                guard let projection = allProjections.first(where: { $0.name == name }) else {
                    throw CommandFailure(
                        message: "rebuild: '\(name)' is not a projection; the projections are \(projectionNames)")
                }
                return [projection]
            } ?? allProjections
            let store = try global.openStore(writable: true)
            let runner = ProjectionRunner(store: store, saves: true)
            let started = ContinuousClock.now
            let results = try runner.rebuild(chosen)
            let took = started.duration(to: .now)
            for result in results {
                print("rebuilt \(result.projection) from event 1: \(grouped(result.folded)) events folded")
            }
            print("in \(took), reading the log once for \(chosen.count == 1 ? "it" : "all \(chosen.count)")")
        }
    }
}

/// The projections' names, as `rebuild` takes them.
private let projectionNames = allProjections.map { $0.name }.joined(separator: ", ")
