import ArgumentParser

@main
struct CLedger: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cledger",
        abstract: "The Commissioning Ledger: an append-only, hash-chained event log of commissioning decisions.",
        discussion: """
            The ledger is a directory: --store DIR, else $CLEDGER_STORE, else ./ledger.
            Exit status: 0 done; 1 refused or bad input (nothing written); 2 the ledger is damaged or does not verify;
            3 a reissued report differs from the one issued.
            """,
        subcommands: [
            InitCommand.self, InfoCommand.self, LogCommand.self, VerifyCommand.self, ExportCommand.self,
            BackupCommand.self, UpgradeCommand.self, ImportCommand.self, DemoCommand.self, ReportCommand.self, ReissueCommand.self, RebuildCommand.self, CommandsCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    /// The store commands swift-argument-parser parses (and its own `help`).
    static var storeCommandNames: [String] {
        configuration.subcommands.map { $0._commandName }
    }

    /// Sends the domain groups to their spec-driven parser and everything else to
    /// swift-argument-parser (see ``CommandRouter``).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let visible = configuration.subcommands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
        switch CommandRouter.route(arguments, storeCommands: storeCommandNames) {
        case let .domain(domainArguments):
            do {
                try reportingFailures { try DomainRunner.run(domainArguments) }
            } catch {
                exit(withError: error)
            }
        case .rootHelp:
            print(rootHelp())
        case .argumentParser:
            runParsed(arguments)
        case let .unknownCommand(word):
            printError(CommandRouter.unknownCommandMessage(word, storeCommands: visible))
            exit(withError: ExitCode(ExitStatus.refused))
        }
    }

    /// Parses and runs a store command. A wrong argument gets one line, like every other bad
    /// input, and exit status 1, rather than swift-argument-parser's usage screen and 64.
    static func runParsed(_ arguments: [String]) {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            let said = message(for: error).split(separator: "\n").first.map(String.init) ?? "that is not a command line cledger understands"
            let command = arguments.first { storeCommandNames.contains($0) }.map { "cledger \($0) --help" } ?? "cledger --help"
            printError("\(said.hasPrefix("Error: ") ? String(said.dropFirst("Error: ".count)) : said); see `\(command)`")
            exit(withError: ExitCode(ExitStatus.refused))
        }
    }

    /// swift-argument-parser's help screen with the domain groups added after the store commands.
    static func rootHelp() -> String {
        let generated = helpMessage(columns: helpColumnsMax)
        let seeLine = "  See 'cledger help <subcommand>' for detailed help."
        let section = DomainHelp.rootSection()
        guard let range = generated.range(of: seeLine) else { return generated + "\n\n" + section }
        return generated.replacingCharacters(in: range, with: seeLine + "\n\n" + section)
    }
}
