import LedgerStore

/// What a command recorded.
public struct CommandReceipt: Sendable {
    public var sequences: [UInt64]
    /// One line saying what was recorded.
    public var summary: String
    /// A retry of a command already recorded under the same idempotency key: nothing was appended.
    public var replayed: Bool
}

/// The commissioning ledger: decides commands against the decision state and appends their
/// events in one durable write each.
public final class CommissioningLedger {
    public let store: LedgerStore
    private let clock: any LedgerClock

    /// The domain a commissioning ledger records in its metadata.
    public static let domain = "commissioning"

    /// Options for a store that holds commissioning events and keeps their decision state.
    public static func storeOptions(_ options: LedgerStore.Options = .init()) -> LedgerStore.Options {
        var options = options
        options.reducer = CommissioningReducer()
        options.domain = domain
        return options
    }

    /// Wraps `store`, which must have been opened with ``storeOptions(_:)``.
    public init(store: LedgerStore, clock: any LedgerClock) {
        self.store = store
        self.clock = clock
    }

    /// Today in London by the ledger's clock: the default effective date.
    public var today: CalendarDate { LondonTime.date(at: clock.now()) }

    /// Decides `command` and appends what it decided, or throws and appends nothing.
    public func execute(_ command: any LedgerCommand, fields: CommandFields, context: CommandContext) throws -> CommandReceipt {
        let spec = type(of: command).spec
        // The content of a key: who acts, the date if it was given, and the command's fields. A
        // default resolved on the first attempt (today's date) is in its events, so a retry on a
        // later day without --on is still the same command.
        let claim = context.idempotencyKey.map { key in
            let date = context.onWasGiven ? context.on.description : ""
            return IdempotencyClaim(key: key, content: Array("\(context.actorId)\u{0}\(date)\u{0}".utf8) + fields.canonicalContent)
        }
        let today = self.today
        let outcome = try store.write(idempotency: claim) { writer -> String in
            let decision = Decision(writer: writer, context: context, today: today, spec: spec)
            try decision.checkCommon(bootstrap: Self.bootstraps(spec))
            return try command.decide(decision)
        }
        switch outcome {
        case let .committed(summary, sequences):
            return CommandReceipt(sequences: sequences, summary: summary, replayed: false)
        case let .replayed(sequences):
            return CommandReceipt(
                sequences: sequences, summary: "already recorded under idempotency key '\(context.idempotencyKey!)'; nothing appended",
                replayed: true)
        }
    }

    /// Parses `values` for the command `name` and executes it.
    public func execute(_ name: String, _ values: [String: [String]], context: CommandContext) throws -> CommandReceipt {
        let (command, fields) = try Self.parse(name, values)
        return try execute(command, fields: fields, context: context)
    }

    /// The command `name` with its fields checked.
    public static func parse(_ name: String, _ values: [String: [String]]) throws -> (any LedgerCommand, CommandFields) {
        guard let type = CommandRegistry.command(named: name) else {
            throw CommissioningError.field(name: "command", problem: "'\(name)' is not a command; the commands are listed in docs/commands.md and by `cledger --help`")
        }
        let fields = try CommandFields(spec: type.spec, values: values)
        return (try type.init(fields), fields)
    }

    /// The commands a new ledger's first commissioning officer uses to set themselves up.
    private static func bootstraps(_ spec: CommandSpec) -> Bool {
        spec.name == RegisterActor.spec.name || spec.name == GrantRole.spec.name
    }

    /// A command of a batch that was refused: its position (from 1) and why.
    public struct BatchFailure: Error, CustomStringConvertible {
        public let index: Int
        public let error: any Error
        public var description: String { "\(error)" }
    }

    /// Decides every command in order inside ONE write transaction: all are appended, or (when
    /// one is refused) none. Each sees what the ones before it decided. Idempotency keys are not
    /// taken per command here: a batch is retried whole.
    /// - Throws: ``BatchFailure`` naming the first refused command.
    public func executeAll(_ batch: [(command: any LedgerCommand, fields: CommandFields, context: CommandContext)]) throws -> [CommandReceipt] {
        let today = self.today
        let outcome = try store.write { writer -> [CommandReceipt] in
            var receipts: [CommandReceipt] = []
            for (index, item) in batch.enumerated() {
                let spec = type(of: item.command).spec
                let before = writer.appendedCount
                do {
                    let decision = Decision(writer: writer, context: item.context, today: today, spec: spec)
                    try decision.checkCommon(bootstrap: Self.bootstraps(spec))
                    let summary = try item.command.decide(decision)
                    receipts.append(CommandReceipt(sequences: writer.appended(after: before), summary: summary, replayed: false))
                } catch {
                    throw BatchFailure(index: index + 1, error: error)
                }
            }
            return receipts
        }
        return outcome.value ?? []
    }
}
