import LedgerTestSupport
import DemoHistory
import Foundation
import LedgerStore
import Testing

/// Ledgers for the end-to-end tamper, damage and store-command tests: filled by `ledger-writer`,
/// looked into through the store's test-only inspection API, changed byte by byte on disk.
enum EndToEndLedger {
    /// Runs `ledger-writer DIR --create …` and checks that it acknowledged every command.
    static func fill(
        _ directory: String, commands: Int, eventsPerCommand: Int, streams: Int, payloadBytes: Int, writer: String = "w"
    ) throws {
        let result = try runProgram(
            Programs.ledgerWriter,
            [
                directory, "--create", "--writer", writer, "--commands", "\(commands)", "--events-per-command",
                "\(eventsPerCommand)", "--streams", "\(streams)", "--payload-bytes", "\(payloadBytes)",
            ])
        try #require(result.status == 0, "ledger-writer failed: \(result.stderr)")
        try #require(result.stdout.split(separator: "\n").count == commands, "ledger-writer acknowledged: \(result.stdout)")
    }

    /// The payload `ledger-writer` writes for event `index` of `command`.
    static func payload(writer: String = "w", command: Int, index: Int, eventsPerCommand: Int, payloadBytes: Int) -> [UInt8] {
        var bytes = Array("\(writer)/\(command)/\(index)/\(eventsPerCommand)".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "."), count: max(0, payloadBytes - bytes.count))
        return bytes
    }

    /// Opens the ledger read-only in this process, runs `body`, and closes it again.
    static func withStore<T>(_ directory: String, _ body: (LedgerStore) throws -> T) throws -> T {
        var options = LedgerStore.Options()
        options.readOnly = true
        let store = try LedgerStore(path: directory, options: options)
        let result = try body(store)
        #expect(store.openTransactionCount == 0, "a transaction was left open")
        return result
    }

    /// Where the live stored value of `key` in `database` begins in the ledger's data.mdb:
    /// `fileOffset(ofValueIn:key:)`, or, while that gives nil (a bug: see
    /// `TamperTests.fileOffsetFindsLiveValue` in LedgerStoreTests), the offset a walk of the
    /// file's B-trees finds.
    static func valueOffset(_ directory: String, _ database: LedgerDatabaseName, key: [UInt8]) throws -> Int {
        let (offset, pageSize) = try withStore(directory) { s in (try s.fileOffset(ofValueIn: database, key: key), s.pageSizeBytes) }
        if let offset { return offset }
        let pages = LMDBPageMap(bytes: Array(try contents(of: dataFile(directory))), pageSize: pageSize)
        return try #require(try pages.valueOffset(inDatabase: database.rawValue, key: key), "no \(database) value for \(key)")
    }

    /// The number of events, read through the store.
    static func eventCount(_ directory: String) throws -> UInt64 {
        try withStore(directory) { store in try store.read { try $0.eventCount() } }
    }

    static func dataFile(_ directory: String) -> String { directory + "/data.mdb" }

    static func contents(of path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// Replaces the byte at `offset` with itself XOR `mask`.
    static func flipByte(of path: String, at offset: Int, mask: UInt8 = 0x01) throws {
        var data = try contents(of: path)
        try #require(offset < data.count, "offset \(offset) is past the end of \(path)")
        data[offset] ^= mask
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// Where `needle` first occurs in the file at or after `offset`, within `window` bytes.
    static func offset(of needle: [UInt8], in path: String, from offset: Int, window: Int = 8192) throws -> Int? {
        let data = try contents(of: path)
        let end = min(data.count, offset + window)
        guard offset + needle.count <= end else { return nil }
        return data.withUnsafeBytes { bytes in
            (offset...(end - needle.count)).first { start in bytes[start..<start + needle.count].elementsEqual(needle) }
        }
    }

    /// `cledger info`'s rows as label → value.
    static func infoRows(_ stdout: String) -> [String: String] {
        var rows: [String: String] = [:]
        for line in stdout.split(separator: "\n") {
            guard let gap = line.range(of: "  ") else { continue }
            rows[String(line[..<gap.lowerBound])] = line[gap.upperBound...].trimmingCharacters(in: .whitespaces)
        }
        return rows
    }

    /// The head `cledger info` prints, `SEQ:HASH`.
    static func headFromInfo(_ directory: String) throws -> String {
        let info = try cledger("--store", directory, "info")
        try #require(info.status == 0, "cledger info failed: \(info.stderr)")
        return try #require(infoRows(info.stdout)["head"], "no head row in: \(info.stdout)")
    }
}

extension SplitMix64 {
    /// `count` reproducible random bytes, so a garbled page is the same every run.
    mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) } }
}
