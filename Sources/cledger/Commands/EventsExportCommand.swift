import ArgumentParser
import Glibc
import LedgerStore

/// `cledger export [events]`: the events as JSON Lines, one envelope per line.
struct EventsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Write events as JSON Lines, one envelope per line with its payload (docs/event-format.md).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: EventSelection

    func run() throws {
        try reportingFailures {
            try ContainedRead.run(storePath: global.storePath) {
                signal(SIGPIPE, SIG_IGN)
                let out = OutputBuffer()
                try global.openStore().read { reader in
                    try selection.forEach(reader) { e in
                        out.writeLine(jsonLine(e))
                        return !out.isClosed
                    }
                }
                out.flush()
            }
        }
    }
}
