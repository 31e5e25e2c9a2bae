import ArgumentParser

/// `cledger export`: the events as JSON Lines (`export events`, the default), or the funds'
/// money as an hledger journal (`export hledger`).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write events as JSON Lines (the default, `export events`), or the funds' money as an hledger journal (`export hledger`).",
        subcommands: [EventsExportCommand.self, HledgerExportCommand.self],
        defaultSubcommand: EventsExportCommand.self)
}
