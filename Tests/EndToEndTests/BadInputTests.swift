import Foundation
import LedgerStore
import Testing

/// Every argument-level mistake a user can make on a domain command or an import file, and the
/// rule-level ones, some on a ledger in use with bids, grants and money at every stage
/// (``BadInputLedger``): each gets exit status 1, exactly one line on standard error naming the
/// field and what would be accepted, and nothing appended (`cledger info` counts the same).
@Suite("cledger bad input end to end")
struct BadInputTests {
    /// One mistake: the arguments after `--store DIR`, who acts, and the message after
    /// `cledger: error: ` (the whole line, or its start when it lists what may change).
    struct Case: Sendable {
        let name: String
        let arguments: [String]
        var actor: String? = CommissioningLedgerFixture.officer
        let message: String
        var prefixOnly = false
        /// What the program reads on standard input (an import file given as `-`).
        var input: String? = nil
    }

    static let today = CommissioningLedgerFixture.today

    /// A valid Community Fund bid with `field` replaced by `value` (nil: left out).
    static func bid(_ field: String, _ value: String?) -> [String] {
        let base = CommissioningLedgerFixture.communityBid()
        guard let at = base.firstIndex(of: "--" + field) else { return base + (value.map { ["--" + field, $0] } ?? []) }
        var changed = base
        if let value { changed[at + 1] = value } else { changed.removeSubrange(at...(at + 1)) }
        return changed
    }

    static let argumentCases: [Case] = [
        Case(name: "malformed amount", arguments: bid("amount", "75,00.00"), message: "amount: '75,00.00' is not pounds and pence such as 7500.00"),
        Case(name: "amount with three decimals", arguments: bid("amount", "7500.001"), message: "amount: '7500.001' is not pounds and pence such as 7500.00"),
        Case(name: "malformed date", arguments: bid("start", "2017-13-01"), message: "start: '2017-13-01' is not a date YYYY-MM-DD"),
        Case(name: "a day that does not exist", arguments: bid("end", "2018-02-30"), message: "end: '2018-02-30' is not a date YYYY-MM-DD"),
        Case(
            name: "unknown fund", arguments: bid("fund", "lottery"),
            message: "unknown fund 'lottery'. Give the id of an established fund (such as community), or establish one with `cledger fund establish`."),
        Case(
            name: "unknown organisation", arguments: bid("org", "nobody"),
            message: "unknown organisation 'nobody'. Register it first with `cledger org register --id nobody …`."),
        Case(
            name: "unknown bid", arguments: ["bid", "withdraw", "--bid", "bid-9999"],
            message: "unknown bid 'bid-9999'. Bids are named like bid-0042, as `cledger bid submit` printed."),
        Case(
            name: "unknown field", arguments: ["actor", "register", "--id", "officer-2", "--colour", "red"],
            message: "colour: 'actor register' has no field 'colour'; its fields are: id"),
        Case(name: "missing required field", arguments: bid("title", nil), message: "title: is required: give text (the project's title)"),
        Case(
            name: "field without a value", arguments: bid("amount", nil) + ["--amount"],
            message: "amount: needs a value: give pounds and pence such as 7500.00 (the amount requested)"),
        Case(name: "single field given twice", arguments: bid("amount", "7500.00") + ["--amount", "7400.00"], message: "amount: was given 2 times; give it once"),
        Case(
            name: "stray word", arguments: ["bid", "submit", "community"],
            message: "'community' is not a field of 'bid submit': give fields as --name value, such as --fund <value>; see `cledger bid submit --help`"),
        Case(
            name: "unknown command of a group", arguments: ["bid", "frobnicate"],
            message: "command: 'bid frobnicate' is not a command; the bid commands are: submit, ", prefixOnly: true),
        Case(
            name: "unknown group", arguments: ["frobnicate", "--fund", "community"],
            message: "command: 'frobnicate' is not a command; the commands are init, info, log, verify, export, backup, upgrade, import, demo, report, reissue, rebuild and the groups objective, ",
            prefixOnly: true),
        Case(
            name: "group without a command", arguments: ["bid", "--fund", "community"],
            message: "command: 'cledger bid' needs a command: submit, ", prefixOnly: true),
        Case(
            name: "bad choice value", arguments: ["org", "register", "--id", "x", "--name", "X", "--type", "club"],
            message: "type: 'club' is not one of community-group, watch-scheme, parish-council, charity, voluntary-group, school, "
                + "social-enterprise, company, local-authority, health, probation, fire-and-rescue, youth-offending-team"),
        Case(
            name: "bad flag value", arguments: ["fund", "establish", "--id", "f", "--name", "F", "--kind", "property", "--endorsement-required", "maybe"],
            message: "endorsement-required: 'maybe' is not true or false"),
        Case(
            name: "malformed id", arguments: bid("org", "keswick youth club"),
            message: "org: 'keswick youth club' is not an id (letters, digits, '-', '.', '_')"),
        Case(
            name: "--on in the future", arguments: bid("on", "\(today.adding(days: 1))"),
            message: "the date \(today.adding(days: 1)) is after today (\(today)); record what has happened, dated when it happened."),
        Case(
            name: "malformed --on", arguments: bid("on", "2017-02-30"),
            message: "on: '2017-02-30' is not a date YYYY-MM-DD (the command's effective date; default: today in London)"),
        Case(name: "--on given twice", arguments: bid("on", "\(today)") + ["--on", "\(today)"], message: "on: was given twice; give --on once"),
        Case(
            name: "missing actor", arguments: bid("amount", "7500.00"), actor: nil,
            message: "actor: who is acting? Give --actor ID (such as --actor officer-0012) or set CLEDGER_ACTOR"),
        Case(
            name: "unknown actor", arguments: bid("amount", "7500.00"), actor: "nobody",
            message: "unknown actor 'nobody'. Register the person with `cledger actor register --id nobody` and grant a role, or give --actor / CLEDGER_ACTOR."),
        Case(
            name: "wrong role", arguments: bid("amount", "7500.00"), actor: "panel-1",
            message: "panel-1 may not run `bid submit`: it needs the commissioning-officer role on \(today). "
                + "Act as someone who holds that role, or have it granted first."),
        Case(
            name: "back-dated before the actor held the role", arguments: bid("on", "2017-06-01"),
            message: "officer-1 may not run `bid submit`: it needs the commissioning-officer role on 2017-06-01. "
                + "Act as someone who holds that role, or have it granted first."),
        Case(
            name: "unknown field in an import line", arguments: ["import", "-"],
            message: "line 2: colour: 'org register' has no field 'colour'; its fields are: id, name, type, charity-number, company-number, "
                + "supplier-number, giving360-id, area",
            input: ImportTests.orgLine("first") + "\n" + ImportTests.orgLine("second").dropLast() + #","colour":"red"}"# + "\n"),
        Case(
            name: "truncated import file: the last line cut off mid-JSON", arguments: ["import", "-"],
            message: "line 2: the file ends in the middle of this line: it looks truncated (the line ends where ',' or '}' should be)",
            input: ImportTests.orgLine("first") + "\n" + #"{"command":"org register","id":"second","name":"Org second""#),
    ]

    /// Rules of the strategy the command line reaches (the rules are tested at the API level too).
    static let ruleCases: [Case] = [
        // "Grants will be awarded up to the value of £2,500."
        Case(
            name: "Property Fund bid over £2,500",
            arguments: bid("fund", "property").replacing(["keswick-youth-club"], with: ["carlisle-watch"]).replacing(["7500.00"], with: ["2500.01"]),
            message: "a bid for £2,500.01 exceeds the Property Fund limit of £2,500.00 in force on \(today). Ask for at most £2,500.00."),
        // "Grants will be awarded for amounts between £1,000 and £10,000."
        Case(
            name: "Community Fund bid over £10,000", arguments: bid("amount", "10000.01"),
            message: "a bid for £10,000.01 exceeds the Community Fund limit of £10,000.00 in force on \(today). Ask for at most £10,000.00."),
        Case(
            name: "Community Fund bid under £1,000", arguments: bid("amount", "999.99"),
            message: "a bid for £999.99 is below the Community Fund minimum of £1,000.00 in force on \(today). Ask for at least £1,000.00."),
        // "The community fund is a total pot of £300,000 over 3 years specifically for access by
        // small community, voluntary and third sector groups."
        Case(
            name: "ineligible organisation type", arguments: bid("org", "acme-ltd"),
            message: "acme-ltd is a company, and fund community takes bids only from: community-group, voluntary-group, charity, social-enterprise."),
        Case(
            name: "the Partnership Fund takes no bids", arguments: bid("fund", "partnership"),
            message: "fund partnership commissions by partnership, not by bids for grants"),
    ]

    typealias P = LedgerPeople
    static let firstYear = LedgerPeople.firstYear
    static let thisYear = BadInputLedger.thisYear
    /// Decisions the strategy's rules forbid, on a ledger in use (``BadInputLedger``).
    static let decisionCases: [Case] = [
        // "Groups must have the support of a Police Officer or Police Community Support Officer
        // (PCSO) within their local area who will help with the application."
        Case(
            name: "an unendorsed Property Fund bid awarded", arguments: ["bid", "award", "--bid", "bid-0001", "--amount", "2000.00"], actor: P.decisionMaker,
            message: "bid bid-0001 has no endorsement: \(endorsementRule). Record it with `cledger bid endorse` first."),
        Case(
            name: "an endorsement by an officer of another area", arguments: ["bid", "endorse", "--bid", "bid-0001"], actor: P.sergeant,
            message: "sergeant-2 is an officer of E06000064 (Westmorland and Furness), but bid bid-0001 is for E06000063 (Cumberland): "
                + "\(endorsementRule). Ask an officer of E06000063 to endorse it."),
        // "This strategy seeks to ... provide a clear framework for funding decisions to be made
        // that are fair, transparent and provide value for money."
        Case(
            name: "scoring by a member who declared a conflict", arguments: ["bid", "score", "--bid", "bid-0002", "--score", "outcomes:4"], actor: P.panel2,
            message: "panel-2 declared a conflict of interest in bid-0002 and cannot score it; another panel member must."),
        Case(
            name: "deciding by a member who declared a conflict", arguments: ["bid", "award", "--bid", "bid-0002", "--amount", "7500.00"], actor: P.chair,
            message: "chair-1 declared a conflict of interest in bid-0002 and cannot decide it; another decision maker must."),
        Case(
            name: "a double award", arguments: ["bid", "award", "--bid", "bid-0003", "--amount", "7500.00"], actor: P.decisionMaker,
            message: "bid bid-0003 is already awarded (grant-0001), so it cannot be awarded again; vary the grant with `cledger grant vary` instead."),
        Case(
            name: "paying an award you decided yourself", arguments: pay(tranche: 1, reference: "PAY-0002"), actor: P.decisionMaker,
            message: "dm-1 decided the award of grant-0001 and cannot record its payments: whoever decides an award never pays it. "
                + "Another finance officer must record this payment."),
        Case(
            name: "an overpayment by one penny", arguments: pay(tranche: 1, reference: "PAY-0002", amount: "5000.01"), actor: P.finance,
            message: "a payment of £5,000.01 would overpay tranche 1 of grant-0001: £5,000.00 is left to pay. Pay at most £5,000.00."),
        Case(
            name: "a duplicate payment reference", arguments: pay(tranche: 1, reference: "PAY-0001", amount: "100.00"), actor: P.finance,
            message: "payment reference PAY-0001 is already recorded; each finance-system payment is recorded once."),
        // "The balance of funding will be subject to the receipt of a final report that clearly
        // demonstrates the outcomes and delivery of the project in line with the grant agreement."
        Case(
            name: "the final tranche paid before the final report is accepted", arguments: pay(tranche: 2, reference: "PAY-0003"), actor: P.finance,
            message: "tranche 2 of grant-0001 (£1,500.00) is payable only after the final report is accepted, and the report is received, not yet accepted: "
                + "\"The balance of funding will be subject to the receipt of a final report that clearly demonstrates the outcomes\". "
                + "Accept the final report with `cledger grant accept-report` first."),
        // "The community fund is a total pot of £300,000 over 3 years"
        Case(
            name: "the Community Fund pot exhausted: one penny more than is left", arguments: ["bid", "award", "--bid", "bid-0033", "--amount", "2500.01"],
            actor: P.decisionMaker,
            message: "fund community has £2,500.00 left to commit from its pot for \(LedgerInUse.potYears.first) to \(LedgerInUse.potYears.last); "
                + "£2,500.01 is more. Commit at most £2,500.00."),
        // "The Commissioner receives a specific ring-fenced Victims Services Grants from the
        // Ministry of Justice to commission a wide range of services for victims."
        Case(
            name: "the MoJ allocation exceeded by one penny",
            arguments: commitment("contract", "let", fund: "victims", provider: "victim-support", objective: "5.1", source: "moj", value: "100000.01"),
            message: "MoJ-funded commitments of \(thisYear) would be £100,000.01, above the year's MoJ allocation of £100,000.00; £100,000.00 of it is left. "
                + "Fund the rest from another source (such as opcc)."),
        Case(
            name: "MoJ money for a service that is not for victims",
            arguments: commitment("agreement", "make", fund: "partnership", provider: "cumbria-cc", objective: "3.1", source: "moj", value: "1000.00"),
            message: "MoJ money pays only for victims' services, and this agreement is not marked as one (victims-service is false): "
                + "give --victims-service if it is a service for victims that meets the Victims' Code, or fund it from another source (such as opcc)."),
        Case(
            name: "a back-dated rule change",
            arguments: ["fund", "amend", "--fund", "community", "--grant-max", "9000.00", "--rules-from", "\(today.adding(days: -1))", "--reason", "fewer bids"],
            message: "a rule amendment cannot be back-dated: \(today.adding(days: -1)) is before today (\(today)); date it \(today) or later."),
        Case(
            name: "a date in a closed financial year: its last day",
            arguments: ["org", "register", "--id", "late-org", "--name", "Late Org", "--type", "charity", "--on", "\(firstYear.lastDay)"],
            message: "financial year \(firstYear) is closed; date the command in an open year (a closed year is never restated)."),
        Case(
            name: "an objective code the day after its plan ended", arguments: bid("objective", "4.1") + ["--on", "\(LedgerInUse.objectivesEnd.adding(days: 1))"],
            message: "objective 4.1 (Reduce re-offending) applies from \(LedgerInUse.since) to \(LedgerInUse.objectivesEnd), not on "
                + "\(LedgerInUse.objectivesEnd.adding(days: 1)); use one in force on \(LedgerInUse.objectivesEnd.adding(days: 1))."),
    ]

    /// One ledger serves every case of a catalogue: each is refused, so none changes it, and a
    /// case that did append would show in the count the next one checks.
    @Test("a wrong argument: exit 1, one line naming the field and what would be accepted, nothing appended")
    func argumentLevel() throws {
        let ledger = try CommissioningLedgerFixture()
        for mistake in Self.argumentCases { try check(mistake, on: ledger) }
    }

    @Test("a rule of the strategy refuses the command: exit 1, one line, nothing appended")
    func ruleLevel() throws {
        let ledger = try CommissioningLedgerFixture()
        for mistake in Self.ruleCases { try check(mistake, on: ledger) }
    }

    @Test("a decision the strategy's rules forbid, on a ledger in use: exit 1, one line naming the rule, nothing appended")
    func decisionLevel() throws {
        let ledger = try CommissioningLedgerFixture(inUseSince: BadInputLedger.lines)
        for mistake in Self.decisionCases { try check(mistake, on: ledger) }
    }

    @Test("at the date boundaries: the first day after a closed year, an objective's last day and a rule change from today are accepted")
    func atTheDateBoundaries() throws {
        let ledger = try CommissioningLedgerFixture(inUseSince: LedgerInUse.referenceLines + LedgerInUse.fundLines + [BadInputLedger.closeFirstYear])
        try expectSuccess(ledger.run("org", "register", "--id", "late-org", "--name", "Late Org", "--type", "charity", "--on", "\(Self.firstYear.next.firstDay)"))
        try expectSuccess(ledger.run(Self.bid("objective", "4.1") + ["--on", "\(LedgerInUse.objectivesEnd)"]))
        try expectSuccess(ledger.run("fund", "amend", "--fund", "community", "--grant-max", "9000.00", "--rules-from", "\(Self.today)", "--reason", "fewer bids"))
        #expect(try ledger.eventCount() == ledger.setupEvents + 3)
    }

    @Test("a bid at the limits is accepted: £2,500.00 to the Property Fund, £1,000.00 to the Community Fund")
    func atTheLimits() throws {
        let ledger = try CommissioningLedgerFixture()
        let property = Self.bid("fund", "property").replacing(["keswick-youth-club"], with: ["carlisle-watch"]).replacing(["7500.00"], with: ["2500.00"])
        try expectSuccess(ledger.run(property))
        try expectSuccess(ledger.run(Self.bid("amount", "1000.00")))
        #expect(try ledger.eventCount() == ledger.setupEvents + 2)
    }

    @Test("a store that is not a ledger is named")
    func notALedger() throws {
        let directory = TemporaryDirectory()
        let missing = directory.sub("none")
        let result = try runProgram(Programs.cledger, ["--store", missing] + Self.bid("amount", "7500.00") + ["--actor", "officer-1"])
        expectRefused(
            result,
            "\(missing) is not a ledger (no such directory). Point --store or CLEDGER_STORE at an existing ledger, "
                + "or create one in a new directory with `cledger --store DIR init`.")
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    private func check(_ mistake: Case, on ledger: CommissioningLedgerFixture) throws {
        let result = try ledger.run(mistake.arguments, actor: mistake.input == nil ? mistake.actor : nil, stdin: mistake.input)
        let comment = Comment(rawValue: mistake.name + ": stderr " + result.stderr)
        #expect(result.status == 1, comment)
        #expect(result.stdout == "", comment)
        if mistake.prefixOnly {
            #expect(result.stderr.hasPrefix("cledger: error: " + mistake.message), comment)
            #expect(result.stderr.filter { $0 == "\n" }.count == 1 && result.stderr.hasSuffix("\n"), comment)
        } else {
            #expect(result.stderr == "cledger: error: \(mistake.message)\n", comment)
        }
        #expect(try ledger.eventCount() == ledger.setupEvents, comment)
    }
}
