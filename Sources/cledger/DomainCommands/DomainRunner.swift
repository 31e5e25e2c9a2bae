import Commissioning
import LedgerStore

/// Runs `cledger <group> <verb> …`: checks the fields against the spec and the common
/// options, then decides the command in one write transaction and prints what it recorded.
enum DomainRunner {
    static func run(_ arguments: [String]) throws {
        switch try DomainInvocation(arguments) {
        case let .groupHelp(group):
            print(DomainHelp.group(group))
        case let .commandHelp(group, verb, spec):
            print(DomainHelp.command(group: group, verb: verb, spec))
        case let .run(request):
            try execute(request)
        }
    }

    private static func execute(_ request: DomainRequest) throws {
        // Everything that can be checked without the ledger is checked before it is opened.
        let (command, fields) = try CommissioningLedger.parse(request.spec.name, request.values)
        let actor = try CommissioningStore.actor(request.options.actor)
        let on = try CommissioningStore.date(request.options.on)
        let global = try CommissioningStore.global(store: request.options.store)
        try ContainedRead.run(storePath: global.storePath) {
            let ledger = try CommissioningStore.open(global)
            let context = CommandContext(
                actorId: actor, on: on ?? ledger.today, idempotencyKey: request.options.idempotencyKey, onWasGiven: on != nil)
            let receipt = try ledger.execute(command, fields: fields, context: context)
            print(CommissioningStore.receiptLine(receipt))
        }
    }
}
