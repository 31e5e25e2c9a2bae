// ledger-writer: appends synthetic commands to a ledger, for the crash, concurrency and
// map-growth tests and Tools/crash-soak. Not part of the product.
//
//   ledger-writer DIR [--writer NAME] [--commands N] [--events-per-command K] [--streams S]
//                 [--payload-bytes B] [--map-size BYTES] [--create] [--hold-write SECONDS]
//
// Each command appends K events to stream `s-<command mod S>` in one durable write. After the
// commit returns it prints `ack <writer> <command> <first sequence> <last sequence>` and flushes,
// so a test that kills the process knows exactly what was acknowledged. Each payload is
// `<writer>/<command>/<index in command>/<K>` padded to B bytes. N = 0 runs until killed.
// `--hold-write SECONDS` instead holds one write open for that long, as a long import or a
// rebuild's batch would, prints `holding` once it has begun, and ends without writing anything.
import Foundation
import LedgerStore

struct Arguments {
    var store = ""
    var writer = "w"
    var commands = 0
    var eventsPerCommand = 3
    var streams = 16
    var payloadBytes = 200
    var mapSizeBytes: Int?
    var create = false
    var holdWriteSeconds: UInt32?

    init(_ args: [String]) {
        var i = 0
        func value() -> String {
            i += 1
            guard i < args.count else { fail("\(args[i - 1]) needs a value") }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--writer": writer = value()
            case "--commands": commands = Int(value()) ?? 0
            case "--events-per-command": eventsPerCommand = Int(value()) ?? 1
            case "--streams": streams = Int(value()) ?? 1
            case "--payload-bytes": payloadBytes = Int(value()) ?? 0
            case "--map-size": mapSizeBytes = Int(value())
            case "--create": create = true
            case "--hold-write": holdWriteSeconds = UInt32(value()) ?? 0
            default: store = args[i]
            }
            i += 1
        }
        if store.isEmpty { fail("usage: ledger-writer DIR [options]") }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("ledger-writer: " + message + "\n").utf8))
    exit(1)
}

let arguments = Arguments(Array(CommandLine.arguments.dropFirst()))
var options = LedgerStore.Options()
if let size = arguments.mapSizeBytes { options.mapSizeBytesInitial = size }
let store: LedgerStore
do {
    let exists = FileManager.default.fileExists(atPath: arguments.store + "/data.mdb")
    store = arguments.create && !exists
        ? try LedgerStore.create(at: arguments.store, options: options)
        : try LedgerStore(path: arguments.store, options: options)
} catch {
    fail("\(error)")
}

if let seconds = arguments.holdWriteSeconds {
    do {
        _ = try store.write { _ in
            FileHandle.standardOutput.write(Data("holding\n".utf8))
            sleep(seconds)
        }
    } catch {
        fail("\(error)")
    }
    exit(0)
}

let actor = ActorRef(id: "writer-\(arguments.writer)", role: "test-writer")
let date = CalendarDate(year: 2018, month: 4, day: 6)!
var command = 0
while arguments.commands == 0 || command < arguments.commands {
    let events = (0..<arguments.eventsPerCommand).map { index in
        var payload = Array("\(arguments.writer)/\(command)/\(index)/\(arguments.eventsPerCommand)".utf8)
        payload += [UInt8](repeating: UInt8(ascii: "."), count: max(0, arguments.payloadBytes - payload.count))
        return NewEvent(eventType: "TestEvent", schemaVersion: 1, effectiveDate: date, actor: actor, payload: payload)
    }
    do {
        let outcome = try store.write { w in
            try w.append(to: "s-\(command % arguments.streams)", events)
        }
        let sequences = outcome.sequences
        // Unbuffered: the line is out before the next command begins.
        FileHandle.standardOutput.write(Data("ack \(arguments.writer) \(command) \(sequences.first!) \(sequences.last!)\n".utf8))
    } catch {
        fail("command \(command): \(error)")
    }
    command += 1
}
