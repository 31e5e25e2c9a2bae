import Commissioning
import LedgerStore

/// One command of the demo history: recorded on `recordOn` (by the simulated clock), dated
/// `on` (its effective date; earlier than `recordOn` only for the payment recorded late).
struct ScheduledCommand {
    var recordOn: CalendarDate
    var on: CalendarDate
    var actor: String
    var command: String
    var fields: [String: [String]]
    /// Keeps commands of one day in the order they were planned.
    var order: Int
}

/// The demo's plan, built in any order and run sorted by the day it is recorded.
struct DemoSchedule {
    private(set) var commands: [ScheduledCommand] = []

    mutating func add(_ command: String, on: CalendarDate, as actor: String, recordOn: CalendarDate? = nil, _ fields: [String: [String]]) {
        commands.append(ScheduledCommand(recordOn: recordOn ?? on, on: on, actor: actor, command: command, fields: fields, order: commands.count))
    }

    /// The commands in the order they are recorded.
    var chronological: [ScheduledCommand] {
        commands.sorted { ($0.recordOn, $0.order) < ($1.recordOn, $1.order) }
    }
}

extension CalendarDate {
    /// `YYYY-MM-DD`, the form command fields take.
    var field: [String] { [description] }
}

extension Money {
    var field: [String] { [plain] }
}
