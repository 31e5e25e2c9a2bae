import LedgerTestSupport
import DemoHistory
import Foundation
import LedgerStore
import Testing

/// A damaged data.mdb is reported, never a crash (DESIGN.md, "The event log"): `cledger info`
/// and `cledger verify` say "ledger damaged" in one line, exit 2, and leave the file as it was.
@Suite("cledger on a damaged data.mdb: one line, exit 2, no crash, file untouched")
struct DamageTests {
    /// A pristine ledger of 9,000 events (3,000 commands of 3), deep enough that the events
    /// B-tree has branch pages, built once; every case damages its own copy of the bytes.
    struct Fixture: Sendable {
        let data: Data
        let pageSize: Int
        let lastPage: UInt64
        /// Pages whose header says "branch" at their own position (live and stale).
        let branchPagesByPosition: [Int]
        let eventsRoot: Int
        /// The events tree's branch pages below its root.
        let eventsInteriorBranches: [Int]
        let streamLinksRoot: Int
        /// The leaf page holding event ``middleSequence``, and the sequences it holds.
        let eventsMiddleLeaf: Int
        let eventsMiddleLeafSequences: ClosedRange<UInt64>
        /// The main database's page, which names the ledger's databases.
        let mainPage: Int
        /// The leaf of the `meta` database (format, head, created).
        let metaDatabasePage: Int

        static let events: UInt64 = 9000
        static let middleSequence: UInt64 = 4500

        struct Unusable: Error, CustomStringConvertible {
            var description: String
        }

        static let shared: Result<Fixture, any Error> = Result { try build() }

        static func build() throws -> Fixture {
            let dir = TemporaryDirectory()
            let store = dir.sub("ledger")
            let writer = try runProgram(
                Programs.ledgerWriter, [store, "--create", "--commands", "3000", "--events-per-command", "3", "--streams", "16"])
            guard writer.status == 0 else { throw Unusable(description: "ledger-writer failed: \(writer.stderr)") }
            let pageSize = try EndToEndLedger.withStore(store) { $0.pageSizeBytes }
            let middleOffset = try EndToEndLedger.valueOffset(store, .events, key: LedgerStore.eventKey(middleSequence))
            let data = try EndToEndLedger.contents(of: EndToEndLedger.dataFile(store))
            let pages = LMDBPageMap(bytes: Array(data), pageSize: pageSize)
            let roots = try pages.namedRoots()
            guard let eventsRoot = roots["events"] ?? nil, let streamLinksRoot = roots["stream-links"] ?? nil,
                let metaRoot = roots["meta"] ?? nil
            else { throw Unusable(description: "the ledger's databases are not all there: \(roots)") }
            let events = try pages.tree(eventsRoot)
            let links = try pages.tree(streamLinksRoot)
            let meta = try pages.tree(metaRoot)
            guard events.branches.count >= 2, links.branches.count >= 1, meta.branches.isEmpty, meta.leaves.count == 1 else {
                throw Unusable(description: "unexpected tree shapes: events \(events.branches), stream links \(links.branches)")
            }
            let middleLeaf = middleOffset / pageSize
            guard events.leaves.contains(middleLeaf) else { throw Unusable(description: "page \(middleLeaf) is not an events leaf") }
            let keys = try pages.nodes(middleLeaf).map { node in pages.key(ofNode: node).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
            guard let first = keys.first, let last = keys.last else { throw Unusable(description: "the middle leaf is empty") }
            return Fixture(
                data: data, pageSize: pageSize, lastPage: pages.lastPage, branchPagesByPosition: pages.branchPagesByPosition,
                eventsRoot: eventsRoot, eventsInteriorBranches: Array(events.branches.dropFirst().joined()),
                streamLinksRoot: streamLinksRoot, eventsMiddleLeaf: middleLeaf, eventsMiddleLeafSequences: first...last,
                mainPage: Int(pages.mainRoot), metaDatabasePage: meta.leaves[0])
        }
    }

    /// Which page a case garbles.
    enum Page: String, Sendable {
        case eventsRoot = "the events tree's root (branch)"
        case eventsLastInterior = "the events tree's last interior branch page"
        case streamLinksRoot = "the stream links' root (branch)"
        case eventsMiddleLeaf = "the events leaf page in the middle"
        case mainDatabase = "the main database's page, which names the ledger's databases"
        case metaDatabase = "the meta database's leaf page"

        func number(in f: Fixture) -> Int {
            switch self {
            case .eventsRoot: return f.eventsRoot
            case .eventsLastInterior: return f.eventsInteriorBranches.last!
            case .streamLinksRoot: return f.streamLinksRoot
            case .eventsMiddleLeaf: return f.eventsMiddleLeaf
            case .mainDatabase: return f.mainPage
            case .metaDatabase: return f.metaDatabasePage
            }
        }
    }

    enum Damage: Sendable, CustomTestStringConvertible {
        case truncatedToHalf
        case truncatedToPageAndAHalf
        case truncatedToOneByte
        case truncatedToNothing
        case metaPagesGarbled([Int])
        case allBranchPagesGarbled
        /// Random bytes over the whole page, header included.
        case pageGarbled(Page)
        /// Random bytes over the page after its header, which stays plausible.
        case pageBodyGarbled(Page)

        var testDescription: String {
            switch self {
            case .truncatedToHalf: return "data.mdb truncated to half"
            case .truncatedToPageAndAHalf: return "data.mdb truncated to a page and a half"
            case .truncatedToOneByte: return "data.mdb truncated to one byte"
            case .truncatedToNothing: return "data.mdb truncated to nothing"
            case let .metaPagesGarbled(pages): return "meta page \(pages.map(String.init).joined(separator: " and ")) garbled"
            case .allBranchPagesGarbled: return "every branch page garbled"
            case let .pageGarbled(page): return "\(page.rawValue) garbled"
            case let .pageBodyGarbled(page): return "\(page.rawValue) garbled below its header"
            }
        }

        /// The damaged file.
        func apply(to f: Fixture) -> Data {
            var bytes = f.data
            var random = SplitMix64(seed: 20_180_406)
            func garble(_ range: Range<Int>) {
                bytes.replaceSubrange(range, with: random.bytes(range.count))
            }
            switch self {
            case .truncatedToHalf: bytes = bytes.prefix(bytes.count / 2)
            case .truncatedToPageAndAHalf: bytes = bytes.prefix(f.pageSize * 3 / 2)
            case .truncatedToOneByte: bytes = bytes.prefix(1)
            case .truncatedToNothing: bytes = Data()
            case let .metaPagesGarbled(pages):
                // The page header and the meta that follows it (MDB_meta, 136 bytes).
                for page in pages { garble(page * f.pageSize..<page * f.pageSize + 16 + 136) }
            case .allBranchPagesGarbled:
                for page in f.branchPagesByPosition { garble(page * f.pageSize..<(page + 1) * f.pageSize) }
            case let .pageGarbled(page):
                let n = page.number(in: f)
                garble(n * f.pageSize..<(n + 1) * f.pageSize)
            case let .pageBodyGarbled(page):
                let n = page.number(in: f)
                garble(n * f.pageSize + 16..<(n + 1) * f.pageSize)
            }
            return bytes
        }

        /// What follows `ledger damaged: <store>` when the message is known in advance.
        func expectedDetail(_ f: Fixture) -> String? {
            let pages = f.lastPage + 1
            let needed = Int(pages) * f.pageSize
            func truncated(_ size: Int) -> String {
                "/data.mdb: data.mdb is \(size) bytes but its meta page says it holds \(pages) pages (\(needed) bytes): the file is truncated"
            }
            switch self {
            case .truncatedToHalf: return truncated(f.data.count / 2)
            case .truncatedToPageAndAHalf: return truncated(f.pageSize * 3 / 2)
            case .truncatedToOneByte: return "/data.mdb: data.mdb is 1 byte, too short for meta page 0: the file is truncated"
            case .truncatedToNothing: return "/data.mdb: data.mdb is 0 bytes, too short for meta page 0: the file is truncated"
            case let .metaPagesGarbled(pages): return "/data.mdb: meta page \(pages[0]) is garbled (no LMDB meta page signature)"
            default: return nil
            }
        }
    }

    static let cases: [Damage] = [
        .truncatedToHalf, .truncatedToPageAndAHalf, .truncatedToOneByte, .truncatedToNothing,
        .metaPagesGarbled([0]), .metaPagesGarbled([1]), .metaPagesGarbled([0, 1]),
        .allBranchPagesGarbled,
        .pageGarbled(.eventsRoot), .pageGarbled(.eventsLastInterior), .pageGarbled(.streamLinksRoot),
        .pageGarbled(.eventsMiddleLeaf), .pageGarbled(.mainDatabase), .pageGarbled(.metaDatabase),
        .pageBodyGarbled(.eventsRoot), .pageBodyGarbled(.eventsMiddleLeaf), .pageBodyGarbled(.mainDatabase),
        .pageBodyGarbled(.metaDatabase),
    ]

    static let advice = " Nothing was written; restore the ledger from a backup (cledger backup) and check it with cledger verify.\n"

    /// A copy of the fixture's file, damaged, in its own directory.
    static func damagedCopy(_ damage: Damage, in dir: TemporaryDirectory) throws -> (store: String, fixture: Fixture, bytes: Data) {
        let fixture = try Fixture.shared.get()
        let store = dir.sub("ledger")
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
        let bytes = damage.apply(to: fixture)
        try bytes.write(to: URL(fileURLWithPath: EndToEndLedger.dataFile(store)))
        return (store, fixture, bytes)
    }

    @Test("the fixture: a copy of the undamaged file verifies, and its events tree has branch pages")
    func undamagedCopy() throws {
        let dir = TemporaryDirectory()
        let store = dir.sub("ledger")
        let fixture = try Fixture.shared.get()
        #expect(fixture.pageSize == 4096)
        #expect(fixture.eventsInteriorBranches.count >= 2)
        #expect(fixture.branchPagesByPosition.contains(fixture.eventsRoot))
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
        try fixture.data.write(to: URL(fileURLWithPath: EndToEndLedger.dataFile(store)))
        let verify = try cledger("--store", store, "verify")
        #expect(verify.status == 0)
        #expect(verify.stderr == "")
        #expect(verify.stdout.hasPrefix("verified 9,000 events; head 9000:"))
        let info = try cledger("--store", store, "info")
        #expect(info.status == 0)
        #expect(EndToEndLedger.infoRows(info.stdout)["events"] == "9,000")
        #expect(try EndToEndLedger.contents(of: EndToEndLedger.dataFile(store)) == fixture.data)
    }

    @Test("info and verify on a damaged data.mdb: one line saying ledger damaged, exit 2, file unchanged", arguments: cases)
    func damaged(_ damage: Damage) throws {
        let dir = TemporaryDirectory()
        let (store, fixture, damagedBytes) = try Self.damagedCopy(damage, in: dir)
        for command in ["info", "verify"] {
            let result = try cledger("--store", store, command)
            #expect(!result.exitedBySignal, "\(command)")
            #expect(result.status == 2, "\(command) exited \(result.status): \(result.stderr)")
            #expect(result.stdout == "", "\(command)")
            if command == "verify", case .pageGarbled(.eventsMiddleLeaf) = damage, !result.stderr.contains("ledger damaged") {
                Self.expectVerifyReportNamesLeaf(result.stderr, fixture)
                continue
            }
            let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 2 && lines[1].isEmpty, "\(command) printed \(lines.count - 1) lines:\n\(result.stderr)")
            if let detail = damage.expectedDetail(fixture) {
                #expect(result.stderr == "cledger: error: ledger damaged: " + store + detail + "." + Self.advice, "\(command)")
            } else {
                #expect(result.stderr.hasPrefix("cledger: error: ledger damaged: \(store)"), "\(command): \(result.stderr)")
                #expect(result.stderr.hasSuffix(Self.advice), "\(command): \(result.stderr)")
            }
        }
        #expect(try EndToEndLedger.contents(of: EndToEndLedger.dataFile(store)) == damagedBytes, "data.mdb was changed")
    }

    /// `verify` may read a garbled leaf to its end and report it as its own finding: then it
    /// must name, as the first bad sequence, one of the sequences that page held.
    static func expectVerifyReportNamesLeaf(_ stderr: String, _ f: Fixture) {
        let lines = stderr.split(separator: "\n").map(String.init)
        guard let last = lines.last, let bad = UInt64(last.replacingOccurrences(of: "cledger: error: first bad sequence: ", with: "")) else {
            Issue.record("verify neither said ledger damaged nor named a first bad sequence:\n\(stderr)")
            return
        }
        #expect(f.eventsMiddleLeafSequences.contains(bad), "first bad sequence \(bad), the page held \(f.eventsMiddleLeafSequences)")
        #expect(lines.count == 3, "\(stderr)")
        #expect(lines.first?.hasPrefix("cledger: error: event \(bad): ") == true, "\(stderr)")
        #expect(lines.dropFirst().first == "cledger: error: the indexes were not compared, because the log itself is damaged")
    }
}
