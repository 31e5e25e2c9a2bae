import Foundation
import LedgerStore
import Testing

/// The domain commands run as a user runs them: `cledger <group> <command> --field value …`
/// on a real ledger directory, with the help screens built from the commands' specs.
@Suite("cledger domain commands end to end")
struct DomainCommandTests {
    @Test("the setup script: init, the first officer, the strategy's reference data and funds")
    func setup() throws {
        let ledger = try CommissioningLedgerFixture(withTestData: false)
        let last = 2 + CommissioningLedgerFixture.strategyCommands
        #expect(ledger.strategyImport.stdout.hasPrefix("imported 35 commands: 35 events (#3-\(last)); head \(last):"))
        #expect(try ledger.eventCount() == last)
        let verified = try cledger("--store", ledger.store, "verify")
        #expect(verified.status == 0, "\(verified.stderr)")
    }

    @Test("a Community Fund bid submitted with flags prints its sequence and summary")
    func bidByFlags() throws {
        let ledger = try CommissioningLedgerFixture()
        let submitted = try ledger.run(CommissioningLedgerFixture.communityBid())
        try expectSuccess(submitted)
        let sequence = ledger.setupEvents + 1
        #expect(
            submitted.stdout
                == "#\(sequence) recorded bid bid-0001: keswick-youth-club asks fund community for £7,500.00 for 'Friday night football'\n")
        #expect(try ledger.eventCount() == sequence)
        let log = try cledger("--store", ledger.store, "log", "--stream", "bid-0001")
        #expect(log.stdout.split(separator: "\n").count == 1)
        #expect(log.stdout.contains("BidSubmitted/1  by officer-1 as commissioning-officer"))
        #expect(log.stdout.contains("effective \(CommissioningLedgerFixture.today)"))
    }

    @Test("the actor from CLEDGER_ACTOR, --store after the group, --field=value and a comma-separated list")
    func commandLineForms() throws {
        let ledger = try CommissioningLedgerFixture()
        let today = CommissioningLedgerFixture.today
        let arguments = [
            "bid", "submit", "--fund=community", "--org", "keswick-youth-club", "--title=Youth forum", "--area", "E06000063",
            "--amount", "1000", "--start", "\(today)", "--end", "\(today.adding(days: 90))", "--objective", "8.2,3.1",
            "--store", ledger.store, "--on", "\(today)",
        ]
        let result = try runProgram(Programs.cledger, arguments, environment: ["CLEDGER_ACTOR": CommissioningLedgerFixture.officer])
        try expectSuccess(result)
        #expect(result.stdout == "#\(ledger.setupEvents + 1) recorded bid bid-0001: keswick-youth-club asks fund community for £1,000.00 for 'Youth forum'\n")

        // The comma-separated list is split: an unknown second code is named on its own.
        let split = try ledger.run(
            ["bid", "submit", "--fund", "community", "--org", "keswick-youth-club", "--title", "T", "--area", "E06000063", "--amount", "1000",
             "--start", "\(today)", "--end", "\(today)", "--objective", "8.2,9.9"])
        expectRefused(split, "objective 9.9 is not a Police and Crime Plan objective the ledger defines; give the code of one (`cledger objective define` adds one).")
    }

    @Test("a flag given alone means true; a flag takes true or false")
    func flags() throws {
        let ledger = try CommissioningLedgerFixture()
        let alone = try ledger.run(
            "fund", "establish", "--id", "property-2", "--name", "Second Property Fund", "--kind", "property", "--endorsement-required",
            "--grant-max", "2500.00", "--ring-fenced", "false")
        try expectSuccess(alone)
        #expect(alone.stdout == "#\(ledger.setupEvents + 1) established fund property-2 (Second Property Fund) with rules from \(CommissioningLedgerFixture.today)\n")
        let explicit = try ledger.run(
            "fund", "establish", "--id", "property-3", "--name", "Third Property Fund", "--kind", "property", "--endorsement-required", "true",
            "--pot-per-year=false")
        try expectSuccess(explicit)
    }

    @Test("an idempotent retry records nothing; the same key with other fields is refused")
    func idempotentRetry() throws {
        let ledger = try CommissioningLedgerFixture()
        let bid = CommissioningLedgerFixture.communityBid() + ["--idempotency-key", "form-2017-0042"]
        let first = try ledger.run(bid)
        try expectSuccess(first)
        let sequence = ledger.setupEvents + 1
        let retry = try ledger.run(bid)
        try expectSuccess(retry)
        #expect(retry.stdout == "#\(sequence) already recorded under idempotency key 'form-2017-0042'; nothing appended\n")
        #expect(try ledger.eventCount() == sequence)

        let other = try ledger.run(CommissioningLedgerFixture.communityBid(amount: "7400.00") + ["--idempotency-key", "form-2017-0042"])
        expectRefused(
            other,
            "idempotency key 'form-2017-0042' was already used for a different command (sequence \(sequence)); "
                + "a retry must repeat the same command, and a new command needs a new key.")
        #expect(try ledger.eventCount() == sequence)
    }

    @Test("cledger --help lists the store commands and the domain groups")
    func rootHelp() throws {
        for arguments in [["--help"], ["-h"], ["help"], []] {
            let help = try runProgram(Programs.cledger, arguments)
            try expectSuccess(help)
            #expect(help.stdout.contains("SUBCOMMANDS:\n  init "))
            #expect(help.stdout.contains("\n  import "))
            #expect(help.stdout.contains("DOMAIN COMMANDS:\n  objective               define\n"))
            #expect(help.stdout.contains("\n  bid                     submit, "))
            #expect(!help.stdout.contains("\n  commands "), "the docs generator is hidden")
            for group in try Self.groups() {
                #expect(help.stdout.contains("\n  \(group)" + String(repeating: " ", count: max(1, 24 - group.count))), "group \(group)")
            }
        }
    }

    @Test("cledger <group> --help lists the group's commands with their summaries")
    func groupHelp() throws {
        let help = try cledger("bid", "--help")
        try expectSuccess(help)
        #expect(help.stdout.hasPrefix("OVERVIEW: The bid commands of the commissioning ledger.\n\nUSAGE: cledger bid <command> --<field> <value> ..."))
        #expect(help.stdout.contains("\n  submit                  Record a bid for a grant from a registered\n                          organisation. Role: commissioning-officer.\n"))
        #expect(try cledger("help", "bid").stdout == help.stdout)
        #expect(try cledger("bid").stdout == help.stdout)
    }

    @Test("cledger <group> <command> --help lists the fields and an example built from the spec")
    func commandHelp() throws {
        let help = try cledger("bid", "submit", "--help")
        try expectSuccess(help)
        #expect(help.stdout.hasPrefix("OVERVIEW: Record a bid for a grant from a registered organisation.\nActing person's role: commissioning-officer.\n"))
        #expect(help.stdout.contains("\n  --amount <amount>       the amount requested. Required. Accepts pounds and\n                          pence such as 7500.00.\n"))
        #expect(help.stdout.contains("\n  --objective <code>      the plan objectives it serves (one or more). Required;\n"))
        #expect(help.stdout.contains("\n  --actor <id> "))
        #expect(help.stdout.contains("\n  --on <date> "))
        #expect(help.stdout.contains("\n  --idempotency-key <key>\n"))
        #expect(help.stdout.contains("\nEXAMPLE:\n  cledger bid submit --fund community --org keswick-youth-club --title 'Friday night football' "))
        #expect(try cledger("help", "bid", "submit").stdout == help.stdout)
        #expect(try cledger("--store", "x", "bid", "submit", "--amount", "1", "-h").stdout == help.stdout)
    }

    @Test("every command of the registry has help with its fields and an example")
    func everyCommandHasHelp() throws {
        let names = try Self.commandNames()
        #expect(names.count > 10)
        for name in names {
            let help = try runProgram(Programs.cledger, name.split(separator: " ").map(String.init) + ["--help"])
            try expectSuccess(help)
            #expect(help.stdout.contains("\nFIELDS:\n  --"), "\(name)")
            #expect(help.stdout.contains("\nEXAMPLE:\n  cledger \(name) "), "\(name)")
        }
    }

    @Test("the store commands keep working on a commissioning ledger")
    func storeCommands() throws {
        let ledger = try CommissioningLedgerFixture()
        try expectSuccess(ledger.run(CommissioningLedgerFixture.communityBid()))
        let verified = try cledger("--store", ledger.store, "verify")
        #expect(verified.status == 0, "\(verified.stderr)")
        let export = try cledger("--store", ledger.store, "export", "--stream", "bid-0001")
        try expectSuccess(export)
        #expect(export.stdout.contains("\"eventType\":\"BidSubmitted\""))
    }

    /// Every command name (`bid submit`), as the hidden `cledger commands` lists them.
    static func commandNames() throws -> [String] {
        let listed = try cledger("commands")
        try expectSuccess(listed)
        return listed.stdout.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) }
    }

    static func groups() throws -> [String] {
        var seen: [String] = []
        for name in try commandNames() {
            let group = String(name.prefix { $0 != " " })
            if !seen.contains(group) { seen.append(group) }
        }
        return seen
    }
}
