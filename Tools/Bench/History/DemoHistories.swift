import Commissioning
import DemoHistory
import Foundation
import LedgerStore

/// The demo histories the benchmark measures, written once and kept in a directory.
struct DemoHistories {
    let directory: String
    let seed: UInt64
    /// Events of the demo at scale 1; it grows in proportion to its scale.
    static let eventsPerScale = 2_886

    /// The demo scale that writes about `events` events.
    static func scale(forEvents events: Int) -> Int {
        min(DemoHistory.scaleMax, max(1, Int((Double(events) / Double(eventsPerScale)).rounded())))
    }

    /// The ledger directory of the history of about `events` events, written unless it is there.
    /// - Returns: the path and, when it was written now, how long that took.
    func history(events: Int, progress: (String) -> Void) throws -> (path: String, writeSeconds: Double?, events: UInt64) {
        let scale = Self.scale(forEvents: events)
        let path = "\(directory)/demo-seed\(seed)-scale\(scale)"
        if FileManager.default.fileExists(atPath: path + "/data.mdb") {
            let count = try LedgerStore(path: path, options: Self.readOnly).read { try $0.eventCount() }
            return (path, nil, count)
        }
        try? FileManager.default.removeItem(atPath: path)
        progress("writing the demo history at scale \(scale) (about \(TextFormatting.grouped(scale * Self.eventsPerScale)) events) into \(path)")
        var summary: DemoHistory.Summary?
        let seconds = try secondsTaken { summary = try DemoHistory.write(into: path, seed: seed, scale: scale) }
        return (path, seconds, summary?.events ?? 0)
    }

    static var readOnly: LedgerStore.Options {
        var options = CommissioningLedger.storeOptions()
        options.readOnly = true
        return options
    }
}
