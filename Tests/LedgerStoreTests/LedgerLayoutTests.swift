import Foundation
import LedgerStore
import Testing

/// Layout 1 (a per-event stream index, no stream links) was written only by development
/// builds: this build refuses it in one line and leaves it as it was, until it is upgraded.
@Suite("Ledgers of storage layout 1")
struct LedgerLayoutTests {
    enum Copy: String, CaseIterable, Sendable {
        /// Format 1, and no stream-links database, as a development build wrote it.
        case writtenByDevelopmentBuild = "format 1 without stream-links"
        /// Format 1 over layout-2 databases: the format alone decides.
        case formatOnly = "format 1 with stream-links"
    }

    /// A ledger of two events whose data.mdb is then made to look like layout 1, closed.
    static func layoutOneLedger(_ copy: Copy) throws -> TemporaryLedger {
        let ledger = try TemporaryLedger()
        try ledger.store.write { w in try w.append(to: "bid-1", [testEvent(), testEvent()]) }
        try makeLayoutOne(ledger, copy)
        return ledger
    }

    /// Closes `ledger` and makes its data.mdb look like layout 1.
    static func makeLayoutOne(_ ledger: TemporaryLedger, _ copy: Copy) throws {
        let formatStart = try TamperedFile.liveValueOffset(ledger.store, dataFile: ledger.dataFile, .meta, key: Array("format".utf8))
        ledger.close()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: ledger.dataFile))
        #expect(Array(bytes[formatStart..<formatStart + 4]) == [0, 0, 0, 2])
        bytes[formatStart + 3] = 1
        if copy == .writtenByDevelopmentBuild {
            // The main database names it; stale copies of that page do too.
            while let found = bytes.range(of: Data("stream-links".utf8)) { bytes[found.upperBound - 1] = UInt8(ascii: "z") }
        }
        try bytes.write(to: URL(fileURLWithPath: ledger.dataFile))
    }

    @Test("opening it fails with one line saying what it is and what to do, and changes nothing", arguments: Copy.allCases)
    func refused(_ copy: Copy) throws {
        let ledger = try Self.layoutOneLedger(copy)
        let before = try Data(contentsOf: URL(fileURLWithPath: ledger.dataFile))
        let error = LedgerError.olderFormat(path: ledger.directory, found: 1, supported: 2)
        #expect(throws: error) { _ = try LedgerStore(path: ledger.directory, options: ledger.options) }
        var readOnly = ledger.options
        readOnly.readOnly = true
        #expect(throws: error) { _ = try LedgerStore(path: ledger.directory, options: readOnly) }
        #expect(
            error.description
                == "the ledger at \(ledger.directory) has storage layout 1, written by a development build of cledger before any "
                + "release; this cledger reads layout 2. Run `cledger upgrade` to rebuild its stream tables from the log; "
                + "the ledger was not changed.")
        #expect(!error.description.contains("\n"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: ledger.dataFile)) == before)
    }

    @Test("a new ledger has layout 2")
    func newLedgerLayout() throws {
        let ledger = try TemporaryLedger()
        #expect(try ledger.store.read { try $0.formatVersion() } == 2)
        #expect(LedgerStore.formatVersionSupported == 2)
    }

    @Test("upgrade rebuilds the stream tables from the log: every stream reads as before and verify passes", arguments: Copy.allCases)
    func upgrade(_ copy: Copy) throws {
        let (ledger, model) = try StreamReadTests.history(seed: 2017)
        let head = try ledger.store.read { try $0.head() }
        try Self.makeLayoutOne(ledger, copy)
        let outcome = try LedgerStore.upgrade(at: ledger.directory, options: ledger.options)
        #expect(outcome.layout.map { [UInt64($0.from), $0.events, UInt64($0.streams)] } == [1, model.events, UInt64(model.streams.count)])
        #expect(outcome.decisionState == nil, "a bare log keeps no decision state")
        try ledger.reopen()
        #expect(try ledger.store.read { try $0.formatVersion() } == 2)
        #expect(try ledger.store.read { try $0.head() } == head)
        try StreamReadTests.expectMatches(ledger, model)
        #expect(try ledger.store.verify().problems == [])
    }

    @Test("upgrade of a ledger that has layout 2 changes nothing")
    func upgradeCurrent() throws {
        let (ledger, model) = try StreamReadTests.history(seed: 3)
        ledger.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: ledger.dataFile))
        #expect(try LedgerStore.upgrade(at: ledger.directory, options: ledger.options).changedNothing)
        #expect(try Data(contentsOf: URL(fileURLWithPath: ledger.dataFile)) == before)
        try ledger.reopen()
        try StreamReadTests.expectMatches(ledger, model)
    }
}
