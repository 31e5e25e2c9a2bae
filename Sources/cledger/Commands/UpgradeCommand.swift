import ArgumentParser
import LedgerStore

struct UpgradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract: "Bring a ledger written by an earlier build to this one, then verify it.",
        discussion: """
            A ledger of storage layout 1 (development builds only) gets its stream tables rebuilt \
            from the log and layout 2 recorded; a decision state kept by an earlier version of the \
            domain's rules is folded again from the log. Each is done in one write transaction (a \
            crash leaves that part as it was); the events and their hashes are never changed. A \
            current ledger is only verified.
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingFailures {
            try ContainedRead.run(storePath: global.storePath) {
                // The layout first: the domain (and so the reducer) can be read only from a ledger of this layout.
                var upgrade = try LedgerStore.upgrade(at: global.storePath)
                upgrade.decisionState = try LedgerStore.upgrade(at: global.storePath, options: try global.storeOptions()).decisionState
                let report = try global.openStore().verify()
                try VerifyCommand.failUnlessValid(report)
                var done: [String] = []
                if let layout = upgrade.layout {
                    done.append(
                        "upgraded the ledger at \(global.storePath) from storage layout \(layout.from) to \(LedgerStore.formatVersionSupported): "
                            + "linked \(grouped(layout.events)) events in \(grouped(layout.streams)) streams")
                }
                if let state = upgrade.decisionState {
                    done.append(
                        "folded the decision state again from \(grouped(state.events)) events (it was kept by version \(state.from) of the "
                            + "domain's rules): \(grouped(state.keys)) keys")
                }
                if upgrade.changedNothing {
                    done.append("the ledger at \(global.storePath) is already current (storage layout \(LedgerStore.formatVersionSupported))")
                }
                print((done + ["verified \(grouped(report.eventCount)) events; head \(report.head.map(String.init(describing:)) ?? "none")"])
                    .joined(separator: "; "))
            }
        }
    }
}
