import ArgumentParser

@main
struct CLedger: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cledger",
        abstract: "The Commissioning Ledger: an append-only, hash-chained event log of commissioning decisions.",
        discussion: """
            The ledger is a directory: --store DIR, else $CLEDGER_STORE, else ./ledger.
            Exit status: 0 done; 1 refused or bad input (nothing written); 2 the ledger is damaged or does not verify.
            """,
        subcommands: [
            InitCommand.self, InfoCommand.self, LogCommand.self, VerifyCommand.self, ExportCommand.self,
            BackupCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions
}
