import Foundation
import LedgerStore
import Testing

/// One command of a lifecycle: who runs it, on what date, and the summary it prints after its
/// sequence number.
struct LifecycleStep {
    let actor: String
    let on: CalendarDate
    let arguments: [String]
    let summary: String

    init(_ actor: String, _ on: CalendarDate, _ arguments: [String], prints summary: String) {
        self.actor = actor
        self.on = on
        self.arguments = arguments
        self.summary = summary
    }
}

extension CommissioningLedgerFixture {
    /// Runs `steps` in order. Each must exit 0 with nothing on standard error and print
    /// `#N summary`, N the next sequence number, so each appends exactly one event. Returns the
    /// last sequence number.
    @discardableResult
    func expectSteps(_ steps: [LifecycleStep], sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        var next = try eventCount() + 1
        for step in steps {
            let result = try run(step.arguments + ["--on", "\(step.on)"], actor: step.actor)
            try expectSuccess(result, sourceLocation: sourceLocation)
            #expect(result.stdout == "#\(next) \(step.summary)\n", "\(step.arguments.prefix(2))", sourceLocation: sourceLocation)
            next += 1
        }
        return next - 1
    }

    /// The events of `stream` as `cledger log --stream` lists them, without sequence, recorded
    /// time, size and hash: `2017-11-01 TranchePaid/1 by finance-1 as finance-officer`.
    func streamLog(_ stream: String) throws -> [String] {
        let log = try cledger("--store", store, "log", "--stream", stream)
        try expectSuccess(log)
        return log.stdout.split(separator: "\n").map { line in
            let columns = line.components(separatedBy: "  ")
            return columns.count > 5 ? "\(columns[2].dropFirst("effective ".count)) \(columns[4]) \(columns[5])" : String(line)
        }
    }

    /// `cledger verify` passes, and `cledger info` counts `events`.
    func expectVerified(events: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let verified = try cledger("--store", store, "verify")
        try expectSuccess(verified, sourceLocation: sourceLocation)
        #expect(verified.stdout.hasPrefix("verified \(events) events; head \(events):"), sourceLocation: sourceLocation)
        #expect(try eventCount() == events, sourceLocation: sourceLocation)
    }
}
