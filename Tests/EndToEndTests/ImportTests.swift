import Foundation
import LedgerStore
import Testing

/// `cledger import`: JSON Lines, all or nothing, the first bad line named. And docs/commands.md,
/// which documents the format and every command, kept equal to what the program prints.
@Suite("cledger import end to end")
struct ImportTests {
    static let today = CommissioningLedgerFixture.today

    /// A Community Fund bid as an import line.
    static func bidLine(org: String = "keswick-youth-club", amount: String = #""7500.00""#, extra: String = "") -> String {
        #"{"command":"bid submit","fund":"community","org":"\#(org)","title":"Friday night football","area":"E06000063","amount":\#(amount),"#
            + #""start":"\#(today.adding(days: 30))","end":"\#(today.adding(days: 395))","objective":["8.2","3.1"]\#(extra)}"#
    }

    static func orgLine(_ id: String) -> String {
        #"{"command":"org register","id":"\#(id)","name":"Org \#(id)","type":"charity","area":"E06000064"}"#
    }

    @Test("an import decides its lines in order, each seeing the ones before it, and prints counts and the head")
    func importsInOrder() throws {
        let ledger = try CommissioningLedgerFixture()
        let lines = [
            Self.orgLine("penrith-mind"),
            Self.bidLine(org: "penrith-mind", extra: #","volunteer-hours":300,"outcome":["young people engaged:participants:40"]"#),
            #"{"command":"fund establish","actor":"officer-1","id":"property-2","name":"Property Fund 2","kind":"property","grant-max":"2500.00","endorsement-required":true,"panels-per-year":4}"#,
        ]
        let result = try ledger.importLines(lines, "--actor", CommissioningLedgerFixture.officer)
        try expectSuccess(result)
        let first = ledger.setupEvents + 1
        let last = ledger.setupEvents + 3
        #expect(result.stdout.hasPrefix("imported 3 commands: 3 events (#\(first)-\(last)); head \(last):"))
        #expect(try ledger.eventCount() == last)
        let bid = try cledger("--store", ledger.store, "log", "--stream", "bid-0001")
        #expect(bid.stdout.contains("BidSubmitted/1  by officer-1 as commissioning-officer"))
    }

    @Test("a file whose 5th line is malformed appends nothing and names line 5")
    func fifthLineMalformed() throws {
        let ledger = try CommissioningLedgerFixture()
        let file = ledger.directory.sub("five.jsonl")
        let lines = [Self.orgLine("a1"), Self.orgLine("a2"), Self.orgLine("a3"), Self.bidLine(org: "a1"), Self.bidLine(amount: #""75,00.00""#), Self.orgLine("a4")]
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let result = try ledger.run("import", file)
        expectRefused(result, "line 5: amount: '75,00.00' is not pounds and pence such as 7500.00")
        #expect(try ledger.eventCount() == ledger.setupEvents)
    }

    @Test("a file whose 5th line is refused by a rule appends nothing, not even lines 1 to 4")
    func fifthLineRefused() throws {
        let ledger = try CommissioningLedgerFixture()
        let lines = [Self.orgLine("a1"), Self.orgLine("a2"), Self.orgLine("a3"), Self.bidLine(org: "a1"), Self.bidLine(org: "nobody")]
        let result = try ledger.importLines(lines, "--actor", CommissioningLedgerFixture.officer)
        expectRefused(result, "line 5: unknown organisation 'nobody'. Register it first with `cledger org register --id nobody …`.")
        #expect(try ledger.eventCount() == ledger.setupEvents)
        // Line 1 was not kept: the same organisation can be registered now.
        try expectSuccess(ledger.run("org", "register", "--id", "a1", "--name", "Org a1", "--type", "charity"))
    }

    @Test("blank lines are skipped and counted; line numbers are the file's")
    func blankLines() throws {
        let ledger = try CommissioningLedgerFixture()
        let result = try ledger.importLines(
            [Self.orgLine("a1"), "", "   ", Self.orgLine("a1")], "--actor", CommissioningLedgerFixture.officer)
        expectRefused(result, "line 4: organisation 'a1' already exists; choose another id.")
        #expect(try ledger.eventCount() == ledger.setupEvents)
    }

    @Test("a truncated file is refused whole and named as truncated")
    func truncated() throws {
        let ledger = try CommissioningLedgerFixture()
        let file = ledger.directory.sub("truncated.jsonl")
        let whole = [Self.orgLine("a1"), Self.orgLine("a2"), Self.bidLine(org: "a1")].joined(separator: "\n")
        let cut = try #require(whole.range(of: "Friday night fo"))
        try String(whole[..<cut.upperBound]).write(toFile: file, atomically: true, encoding: .utf8)
        let result = try ledger.run("import", file)
        expectRefused(result, "line 3: the file ends in the middle of this line: it looks truncated (the line ends inside a string)")
        #expect(try ledger.eventCount() == ledger.setupEvents)
    }

    /// Bad second lines, each with the whole message it gets.
    static let badLines: [(line: String, message: String)] = [
            (ImportTests.bidLine(extra: #","colour":"red""#),
             "line 2: colour: 'bid submit' has no field 'colour'; its fields are: fund, org, title, description, area, amount, start, end, "
                + "objective, outcome, volunteer-hours, match-funding, round, id"),
            (ImportTests.bidLine(amount: "7500.00"),
             #"line 2: amount: 7500.00 is a JSON number; write money as a string such as "7500.00" so no precision is lost"#),
            (ImportTests.bidLine(amount: "7500"),
             #"line 2: amount: 7500 is a JSON number; write money as a string such as "7500.00" so no precision is lost"#),
            (ImportTests.bidLine(extra: #","idempotency-key":"form-42""#),
             "line 2: idempotency-key: is not taken per line: an import is all or nothing, so a failed import is corrected and run again whole"),
            (#"{"command":"bid frobnicate"}"#,
             "line 2: command: 'bid frobnicate' is not a command; the commands are listed in docs/commands.md and by `cledger --help`"),
            (#"{"fund":"community"}"#,
             #"line 2: command: is required: give the command's name first, such as {"command":"bid submit", …}"#),
            (#"{"command":"org register","id":"x","name":"X","type":"charity","id":"y"}"#,
             "line 2: id: is given twice on the line; give it once (a field with several values takes an array)"),
            (#"{"command":"org register" "id":"x"}"#,
             "line 2: not a JSON object: expected ',' or '}' at column 27, found '\"'"),
            (#"command=org register"#,
             #"line 2: not a JSON object: expected '{' (a command is written {"command":"…", …}) at column 1, found 'c'"#),
            (#"{"command":"org register","id":"x","#,
             "line 2: the line ends where a field name in double quotes should be: a command is one whole JSON object on one line"),
            (#"{"command":"org register","id":"x","name":"X","type":"club"}"#,
             "line 2: type: 'club' is not one of community-group, watch-scheme, parish-council, charity, voluntary-group, school, "
                + "social-enterprise, company, local-authority, health, probation, fire-and-rescue, youth-offending-team"),
            (#"{"command":"org register","id":"x","name":true,"type":"charity"}"#,
             "line 2: name: true is a JSON boolean; give text as a string"),
            (#"{"command":"org register","id":"x","name":null,"type":"charity"}"#,
             "line 2: name: null is not accepted; leave the field out, or give text"),
            (#"{"command":"objective define","code":5.2,"title":"x","valid-from":"2021-04-01"}"#,
             #"line 2: code: 5.2 is a JSON number; write it as a string, "5.2""#),
            (#"{"command":"org register","on":"2017-02-30","id":"x","name":"X","type":"charity"}"#,
             #"line 2: on: "2017-02-30" is not a date "YYYY-MM-DD" (the command's effective date; default: today in London)"#),
            (ImportTests.bidLine(extra: #","volunteer-hours":12.5"#),
             "line 2: volunteer-hours: '12.5' is not a whole number from 0 to \(Int64.max)"),
    ]

    @Test("a bad line is named with its field and what would be accepted; nothing is appended")
    func badLine() throws {
        let ledger = try CommissioningLedgerFixture()
        for (line, message) in Self.badLines {
            let result = try ledger.importLines([Self.orgLine("first"), line, Self.orgLine("third")], "--actor", CommissioningLedgerFixture.officer)
            expectRefused(result, message)
            #expect(try ledger.eventCount() == ledger.setupEvents, "\(line)")
        }
    }

    @Test("a line without an actor, when neither --actor nor CLEDGER_ACTOR gives one, is named")
    func missingActor() throws {
        let ledger = try CommissioningLedgerFixture()
        let result = try ledger.importLines([#"{"command":"org register","actor":"officer-1","id":"a1","name":"A","type":"charity"}"#, Self.orgLine("a2")])
        expectRefused(result, #"line 2: actor: no actor for this line: give "actor" on the line, or --actor ID, or set CLEDGER_ACTOR"#)
        #expect(try ledger.eventCount() == ledger.setupEvents)
    }

    @Test("an empty file and a missing file are refused")
    func emptyAndMissing() throws {
        let ledger = try CommissioningLedgerFixture()
        expectRefused(try ledger.importLines([], "--actor", "officer-1"), "- holds no commands; nothing was imported")
        let missing = ledger.directory.sub("missing.jsonl")
        expectRefused(try ledger.run("import", missing), "\(missing): no such file; give a JSON Lines file, or - for standard input")
    }

    /// docs/commands.md is what `cledger commands --markdown` prints, so it names every command.
    @Test("docs/commands.md is current")
    func docsCurrent() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = repository.appendingPathComponent("docs/commands.md").path
        let generated = try cledger("commands", "--markdown")
        try expectSuccess(generated)
        let onDisk = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "(missing)"
        #expect(
            onDisk == generated.stdout,
            "docs/commands.md differs from what the program prints: run `swift run cledger commands --markdown > docs/commands.md`")
        // Every command the program knows is documented.
        for name in try DomainCommandTests.commandNames() {
            #expect(generated.stdout.contains("\n### cledger \(name)\n"), "\(name)")
        }
    }
}
