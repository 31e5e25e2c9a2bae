import ArgumentParser
import LedgerStore

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show the ledger's events, head, size on disk and format version.",
        discussion: "Write the head down: `cledger verify --expect SEQ:HASH` later proves the log still holds it.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingFailures {
            try ContainedRead.run(storePath: global.storePath) {
                let store = try global.openStore()
                let structure = try store.walkStructure()
                let (format, count, head, created) = try store.read { r in
                    (try r.formatVersion(), try r.eventCount(), try r.head(), try r.createdAt())
                }
                var rows: [(String, String)] = [
                    ("ledger", global.storePath),
                    ("format", "\(format)"),
                    ("events", grouped(count)),
                    ("head", head.map(String.init(describing:)) ?? "none (empty ledger)"),
                ]
                if let head { rows.append(("last recorded", head.recordedAt.description)) }
                if let created { rows.append(("created", created.description)) }
                rows.append(("data.mdb", humanBytes(store.dataFileBytes())))
                rows.append(("map size", humanBytes(store.mapSizeBytes)))
                rows.append(("structure", "walked: " + structure.entries.map { "\($0.database) \(grouped($0.count))" }.joined(separator: ", ")))
                print(keyValueLines(rows))
            }
        }
    }
}
