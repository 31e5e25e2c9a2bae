import Foundation
import Glibc
import Testing

/// A `cledger rebuild` beside commands in use: the rebuild's writes and the commands' take the
/// ledger's write lock in turn (``ProjectionRunner/pauseBetweenWrites``), and the rebuild folds
/// through the head as each of its writes finds it. Every event is then counted once: the
/// rebuild's writes take those before them, and the next report catches up the rest from the
/// checkpoint.
@Suite("A rebuild beside commands recording money")
struct RebuildConcurrencyTests {
    @Test("allocations recorded while a rebuild runs are each counted once in the reports after it, as a rebuild of the whole log counts them")
    func allocationsDuringRebuild() throws {
        let temporary = TemporaryDirectory()
        let store = try RebuildCrashTests.demoAtScale3(temporary)
        let before = try Self.allocated(store)

        // Small writes, so that the commands' writes come between many of the rebuild's.
        let rebuild = try WriterChild.cledgerRebuild(store, batchEvents: "100")
        var year: String?
        var recorded = 0
        var recordedWhileRebuilding = 0
        while recorded < 60 && (rebuild.process.isRunning || recorded == 0) {
            let running = rebuild.process.isRunning
            let result = try cledger(
                "--store", store, "allocation", "record", "--fund", "community", "--amount", "1.00", "--source", "opcc",
                "--actor", "finance-0001")
            try #require(result.status == 0, "allocation record: \(result.stderr)")
            // "#N recorded allocation allocation-NNNN: £1.00 of opcc money to fund community for YYYY-YY"
            year = result.stdout.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            recorded += 1
            if running && rebuild.process.isRunning { recordedWhileRebuilding += 1 }
        }
        let ending = rebuild.wait()
        #expect(ending == .exited(0), "cledger rebuild \(ending): \(rebuild.errorText)")
        // A command waits for one of the rebuild's writes, not for the rebuild: before the runner
        // paused between its writes, the first command here waited for all of them (0 or 1 while
        // the rebuild ran, in 6 runs; 4 to 6 since).
        #expect(recordedWhileRebuilding >= 2, "\(recordedWhileRebuilding) allocations were recorded while the rebuild ran")

        let caughtUp = try RebuildCrashTests.reportOutputs(store)
        let allocatedYear = try #require(year)
        #expect(
            try Self.allocated(store)[allocatedYear, default: 0] == before[allocatedYear, default: 0] + recorded * 100,
            "the \(recorded) allocations of £1.00 in \(allocatedYear)")
        #expect(try cledger("--store", store, "rebuild").status == 0)
        #expect(try RebuildCrashTests.reportOutputs(store) == caughtUp, "the reports after a rebuild of the whole log differ")
        print("allocations recorded: \(recorded), of them \(recordedWhileRebuilding) while the rebuild ran")
    }

    /// The Community Fund's allocated opcc money by financial year, in pence, from the balances
    /// report's CSV (`years,community,YEAR,opcc,ALLOCATED,…`).
    static func allocated(_ store: String) throws -> [String: Int] {
        let csv = try cledger("--store", store, "report", "balances", "--fund", "community", "--format", "csv")
        try #require(csv.status == 0, "report balances: \(csv.stderr)")
        var found: [String: Int] = [:]
        for line in csv.stdout.split(separator: "\n") {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count > 4, fields[0] == "years", fields[1] == "community", fields[3] == "opcc" else { continue }
            let pounds = fields[4].split(separator: ".")
            guard pounds.count == 2, let whole = Int(pounds[0]), let pence = Int(pounds[1]) else { continue }
            found[String(fields[2])] = whole * 100 + pence
        }
        return found
    }
}
