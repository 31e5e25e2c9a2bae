import Foundation
import LedgerStore
import Testing

/// A commissioning ledger in a temporary directory, set up through the program as a user sets
/// one up: `init`; the first commissioning officer registers and grants themselves the role;
/// the 2017-2020 strategy's reference data and funds are imported (`cledger commands
/// --cumbria-2017`); then the test's own data.
///
/// The program runs on the real clock, and roles are granted from today (never back-dated), so
/// every command of these tests is dated today. The strategy's plan objectives end on
/// 2021-03-31 and its districts on 2023-03-31; for bids dated today the test data defines the
/// same objective codes from 2021-04-01 and the two unitary authorities that replaced the
/// districts (Cumberland, Westmorland and Furness) from 2023-04-01.
final class CommissioningLedgerFixture {
    let directory = TemporaryDirectory()
    let store: String
    /// Events after the setup.
    private(set) var setupEvents = 0
    /// What `import` printed for the strategy file (or the lines of a ledger in use).
    private(set) var strategyImport = ProgramResult(status: 0, stdout: "", stderr: "", exitedBySignal: false)

    static let officer = "officer-1"
    /// Lines of the strategy file: 24 objectives, 6 districts, 5 funds.
    static let strategyCommands = 35

    /// The test's data beyond the strategy, as import lines (officer-1 acting).
    static let testData: [String] = [
        #"{"command":"area define","code":"E06000063","name":"Cumberland","valid-from":"2023-04-01"}"#,
        #"{"command":"area define","code":"E06000064","name":"Westmorland and Furness","valid-from":"2023-04-01"}"#,
        #"{"command":"objective define","code":"3","title":"Tackle crime and antisocial behaviour","valid-from":"2021-04-01"}"#,
        #"{"command":"objective define","code":"3.1","title":"Tackle domestic abuse","valid-from":"2021-04-01"}"#,
        #"{"command":"objective define","code":"8","title":"Supporting young people","valid-from":"2021-04-01"}"#,
        #"{"command":"objective define","code":"8.2","title":"Positive activities that prevent offending","valid-from":"2021-04-01"}"#,
        #"{"command":"org register","id":"keswick-youth-club","name":"Keswick Youth Club","type":"community-group","area":"E06000063"}"#,
        #"{"command":"org register","id":"carlisle-watch","name":"Carlisle Neighbourhood Watch","type":"watch-scheme","area":"E06000063"}"#,
        #"{"command":"org register","id":"acme-ltd","name":"Acme Ltd","type":"company"}"#,
        #"{"command":"actor register","id":"panel-1"}"#,
        #"{"command":"role grant","actor-id":"panel-1","role":"panel-member"}"#,
        #"{"command":"actor register","id":"dm-1"}"#,
        #"{"command":"role grant","actor-id":"dm-1","role":"decision-maker"}"#,
    ]

    init(withTestData: Bool = true) throws {
        store = directory.sub("ledger")
        try expectSuccess(cledger("--store", store, "init"))
        try expectSuccess(run("actor", "register", "--id", Self.officer, actor: Self.officer))
        try expectSuccess(run("role", "grant", "--actor-id", Self.officer, "--role", "commissioning-officer", actor: Self.officer))
        let strategy = try cledger("commands", "--cumbria-2017")
        try expectSuccess(strategy)
        let file = directory.sub("cumbria-2017.jsonl")
        try (strategy.stdout + (withTestData ? Self.testData.map { $0 + "\n" }.joined() : "")).write(toFile: file, atomically: true, encoding: .utf8)
        strategyImport = try cledger("--store", store, "import", file, "--actor", Self.officer)
        try expectSuccess(strategyImport)
        setupEvents = 2 + Self.strategyCommands + (withTestData ? Self.testData.count : 0)
    }

    /// A ledger in use since the start of ``LedgerPeople/firstYear``: its people (see
    /// ``LedgerPeople``), then `lines` imported by officer-1, dated that first day unless a line
    /// says otherwise (``LedgerInUse`` has the reference data and funds).
    init(inUseSince lines: [String]) throws {
        store = directory.sub("ledger")
        let people = try LedgerPeople.create(at: store, since: LedgerInUse.since)
        strategyImport = try importLines(lines, "--actor", Self.officer, "--on", "\(LedgerInUse.since)")
        try expectSuccess(strategyImport)
        setupEvents = try eventCount()
        #expect(setupEvents >= people + lines.count, "every line records at least one event")
    }

    /// Runs `cledger --store STORE arguments… [--actor actor]` with $CLEDGER_ACTOR unset.
    @discardableResult
    func run(_ arguments: String..., actor: String? = officer, environment: [String: String] = [:]) throws -> ProgramResult {
        try run(arguments, actor: actor, environment: environment)
    }

    @discardableResult
    func run(_ arguments: [String], actor: String? = officer, environment: [String: String] = [:], stdin: String? = nil) throws -> ProgramResult {
        var environment = environment
        if environment["CLEDGER_ACTOR"] == nil { environment["CLEDGER_ACTOR"] = "" }
        return try runProgram(
            Programs.cledger, ["--store", store] + arguments + (actor.map { ["--actor", $0] } ?? []), environment: environment, stdin: stdin)
    }

    /// Runs `cledger --store STORE import -` with `lines` on standard input.
    func importLines(_ lines: [String], _ options: String...) throws -> ProgramResult {
        try run(["import", "-"] + options, actor: nil, stdin: lines.map { $0 + "\n" }.joined())
    }

    /// The number of events, as `cledger info` prints it.
    func eventCount() throws -> Int {
        let info = try cledger("--store", store, "info")
        try expectSuccess(info)
        let line = try #require(info.stdout.split(separator: "\n").first { $0.hasPrefix("events ") })
        return try #require(Int(line.dropFirst("events".count).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")))
    }

    /// Today in London, as the program dates commands by default.
    static var today: CalendarDate { LondonTime.date(at: SystemClock().now()) }

    /// The fields of a Community Fund bid from Keswick Youth Club, dated around today.
    static func communityBid(amount: String = "7500.00") -> [String] {
        [
            "bid", "submit", "--fund", "community", "--org", "keswick-youth-club", "--title", "Friday night football",
            "--area", "E06000063", "--amount", amount, "--start", "\(today.adding(days: 30))", "--end", "\(today.adding(days: 395))",
            "--objective", "8.2", "--objective", "3.1",
        ]
    }
}

/// Fails the test with the program's output unless it succeeded quietly.
func expectSuccess(_ result: ProgramResult, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try #require(
        result.status == 0 && result.stderr.isEmpty,
        "exit \(result.status); stdout: \(result.stdout); stderr: \(result.stderr)", sourceLocation: sourceLocation)
}

/// The program refused with exactly one line on standard error, `cledger: error: ` + `message`.
func expectRefused(_ result: ProgramResult, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == 1, "exit status; stderr: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stdout == "", sourceLocation: sourceLocation)
    #expect(result.stderr == "cledger: error: \(message)\n", sourceLocation: sourceLocation)
}
