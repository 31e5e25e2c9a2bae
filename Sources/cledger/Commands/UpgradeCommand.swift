import ArgumentParser
import LedgerStore

struct UpgradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract: "Bring a ledger written by a development build (storage layout 1) to layout 2, then verify it.",
        discussion: """
            Rebuilds the stream tables from the log in one write transaction (a crash leaves the old \
            layout whole) and records layout 2; events, hashes and everything else stay as they are. \
            A ledger that already has layout 2 is only verified.
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingFailures {
            try ContainedRead.run(storePath: global.storePath) {
                let outcome = try LedgerStore.upgrade(at: global.storePath)
                let report = try global.openStore().verify()
                try VerifyCommand.failUnlessValid(report)
                let verified = "verified \(grouped(report.eventCount)) events; head \(report.head.map(String.init(describing:)) ?? "none")"
                switch outcome {
                case .alreadyCurrent:
                    print("the ledger at \(global.storePath) already has storage layout \(LedgerStore.formatVersionSupported); \(verified)")
                case let .upgraded(from, events, streams):
                    print(
                        "upgraded the ledger at \(global.storePath) from storage layout \(from) to \(LedgerStore.formatVersionSupported): "
                            + "linked \(grouped(events)) events in \(grouped(streams)) streams; \(verified)")
                }
            }
        }
    }
}
