import Commissioning
import LedgerStore

/// `cledger demo`: a deterministic, realistic commissioning history written into an empty
/// ledger through the same decisions as every other command, on a simulated clock, so
/// recorded times unfold with the story and "known at" questions about it are meaningful.
public enum DemoHistory {
    /// What the demo made.
    public struct Summary: Sendable {
        public var commands = 0
        public var events: UInt64 = 0
        public var counts: [(String, Int)] = []
        public var firstDay = DemoStory.start
        public var lastDay = DemoStory.start
        public var head: LedgerHead?
        /// Whether commits were flushed in batches (bulk mode) rather than one by one.
        public var bulk = false
    }

    /// A planned command the ledger refused: a fault of the demo's plan, never expected.
    public struct PlanRefused: Error, CustomStringConvertible {
        public let day: CalendarDate
        public let command: String
        public let detail: String
        public var description: String { "the demo's plan was refused on \(day) at '\(command)': \(detail)" }
    }

    /// The history runs `3 × scale` years from 2017, and the ledger's dates end in 2999.
    public static let scaleMax = 320

    /// Writes the history for `seed` and `scale` into the ledger directory `path`, which must be
    /// new or hold an empty ledger. At scale 1 each day's commands are one durable write; a
    /// larger scale is a bulk load (commits unflushed until the end, said in the summary).
    public static func write(
        into path: String, seed: UInt64, scale: Int, progress: (String) -> Void = { _ in }
    ) throws -> Summary {
        precondition((1...scaleMax).contains(scale), "scale \(scale) outside 1...\(scaleMax)")
        var story = DemoStory(seed: seed, scale: scale)
        let plan = story.plan().chronological
        let clock = SimulatedClock(LondonTime.startOfDay(DemoStory.start))
        var options = CommissioningLedger.storeOptions()
        options.clock = clock
        options.recordedBy = "demo"
        options.bulk = scale > 1
        let store = try openEmpty(path, options)
        let ledger = CommissioningLedger(store: store, clock: clock)

        var summary = Summary()
        summary.bulk = options.bulk
        var index = 0
        while index < plan.count {
            let day = plan[index].recordOn
            var batch: [(command: any LedgerCommand, fields: CommandFields, context: CommandContext)] = []
            while index < plan.count && plan[index].recordOn == day {
                let step = plan[index]
                do {
                    let (command, fields) = try CommissioningLedger.parse(step.command, step.fields)
                    batch.append((command, fields, CommandContext(actorId: step.actor, on: step.on)))
                } catch {
                    throw PlanRefused(day: day, command: step.command, detail: "\(error)")
                }
                index += 1
            }
            clock.set(LondonTime.startOfDay(day).adding(microseconds: 9 * 3_600_000_000 + Int64(index % 1000) * 1_000_000))
            do {
                _ = try ledger.executeAll(batch)
            } catch let failure as CommissioningLedger.BatchFailure {
                let step = batch[failure.index - 1]
                throw PlanRefused(day: day, command: type(of: step.command).spec.name + " \(step.fields.values)", detail: "\(failure.error)")
            }
            summary.lastDay = day
            if day.month != plan[max(0, index - batch.count - 1)].recordOn.month || index == plan.count {
                progress("\(day): \(index) of \(plan.count) commands")
            }
        }
        try store.flush()
        summary.commands = plan.count
        summary.events = try store.read { try $0.eventCount() }
        summary.head = try store.read { try $0.head() }
        let kinds = ["bid submit", "bid award", "bid decline", "grant pay", "grant close", "contract let", "agreement make", "contract pay", "org register", "year close"]
        summary.counts = kinds.map { kind in (kind, plan.filter { $0.command == kind }.count) }
        return summary
    }

    private static func openEmpty(_ path: String, _ options: LedgerStore.Options) throws -> LedgerStore {
        let store: LedgerStore
        do {
            store = try LedgerStore(path: path, options: options)
        } catch LedgerError.notALedger {
            return try LedgerStore.create(at: path, options: options)
        }
        let events = try store.read { try $0.eventCount() }
        guard events == 0 else {
            throw LedgerError.invalidEvent(
                field: "--store", detail: "\(path) already holds \(events) events; the demo writes only into a new or empty ledger (try --store ./demo-ledger)")
        }
        return store
    }
}
