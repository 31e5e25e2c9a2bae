import ArgumentParser
import Glibc
import LedgerStore

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "List events as readable lines, oldest first.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: EventSelection

    @Option(help: "Show at most this many events.")
    var limit: Int?

    func run() throws {
        try reportingFailures {
            if let limit, limit < 1 { throw CommandFailure(message: "--limit: give a number of events from 1") }
            try ContainedRead.run(storePath: global.storePath) {
                signal(SIGPIPE, SIG_IGN)
                let out = OutputBuffer()
                var shown = 0
                try global.openStore().read { reader in
                    try selection.forEach(reader) { e in
                        out.writeLine(logLine(e))
                        shown += 1
                        return shown < limit ?? .max && !out.isClosed
                    }
                }
                out.flush()
            }
        }
    }
}
