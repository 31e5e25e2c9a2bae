import ArgumentParser
import Commissioning
import Foundation
import LedgerStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Record the commands of a JSON Lines file, all or nothing, in one transaction.",
        discussion: """
            One command per line, with the fields it takes on the command line, such as
              {"command":"org register","id":"eden-mind","name":"Mind","type":"charity"}
            Values are strings, arrays for a field given several times, true or false for flags, and numbers \
            only for whole-number fields: money is a string ("7500.00"), so no precision is lost. "actor" and \
            "on" may be given per line. Every line is checked first, then all are decided in one write \
            transaction: if any line is bad or refused, nothing is recorded and the message names the line. \
            docs/commands.md describes every command and the format.
            """)

    /// An import is one transaction; a file larger than this is split.
    static let fileBytesMax = 256 << 20
    static let commandsMax = 100_000

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The JSON Lines file, or - for standard input.")
    var file: String

    @Option(help: ArgumentHelp("The person acting, for lines without \"actor\" (default: $CLEDGER_ACTOR).", valueName: "id"))
    var actor: String?

    @Option(help: ArgumentHelp("The effective date YYYY-MM-DD, for lines without \"on\" (default: today in London).", valueName: "date"))
    var on: String?

    func run() throws {
        try reportingFailures {
            let defaultOn = try CommissioningStore.date(on)
            // The file is read in the process that records it (standard input reaches only one).
            try ContainedRead.run(storePath: global.storePath) {
                let lines = ImportFile.lines(try ImportFile.read(file))
                guard !lines.isEmpty else {
                    throw CommandFailure(message: "\(file) holds no commands; nothing was imported")
                }
                guard lines.count <= Self.commandsMax else {
                    throw CommandFailure(
                        message: "\(file) holds \(grouped(lines.count)) commands; an import is one transaction of at most "
                            + "\(grouped(Self.commandsMax)): split the file")
                }
                var parsed: [ImportLine] = []
                for line in lines {
                    do {
                        parsed.append(try ImportLine(number: line.number, bytes: line.bytes, isLastAndUnterminated: line.isLastAndUnterminated))
                    } catch let failure as ImportFailure {
                        throw CommandFailure(message: failure.description)
                    }
                }
                var actors: [String] = []
                for line in parsed {
                    do {
                        actors.append(try line.actor ?? CommissioningStore.actor(actor, forEachLine: true))
                    } catch let error as CommandFailure {
                        throw CommandFailure(message: ImportFailure(line: line.number, message: error.message).description)
                    }
                }
                let ledger = try CommissioningStore.open(global)
                let today = ledger.today
                let batch = zip(parsed, actors).map { line, actorId in
                    (command: line.command, fields: line.fields, context: CommandContext(actorId: actorId, on: line.on ?? defaultOn ?? today))
                }
                let receipts: [CommandReceipt]
                do {
                    receipts = try ledger.executeAll(batch)
                } catch let failure as CommissioningLedger.BatchFailure {
                    let line = parsed[failure.index - 1].number
                    if let ledgerError = failure.error as? LedgerError, case .damaged = ledgerError { throw ledgerError }
                    throw CommandFailure(message: ImportFailure(line: line, message: "\(failure.error)").description)
                }
                let sequences = receipts.flatMap(\.sequences)
                let head = try ledger.store.read { try $0.head() }
                let events = sequences.count == 1 ? "1 event" : "\(grouped(sequences.count)) events"
                let commands = receipts.count == 1 ? "1 command" : "\(grouped(receipts.count)) commands"
                var line = "imported \(commands): \(events)"
                if !sequences.isEmpty { line += " (\(CommissioningStore.sequenceRange(sequences)))" }
                print(line + "; head \(head.map(String.init(describing:)) ?? "none")")
            }
        }
    }
}

/// The lines of an import file.
enum ImportFile {
    struct Line {
        let number: Int
        let bytes: [UInt8]
        /// The file's last line, with no newline after it: where a truncated file shows.
        let isLastAndUnterminated: Bool
    }

    static func read(_ file: String) throws -> [UInt8] {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else {
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory)
                throw CommandFailure(
                    message: "\(file): " + (!exists ? "no such file; give a JSON Lines file, or - for standard input"
                        : isDirectory.boolValue ? "is a directory; give a JSON Lines file" : "cannot be read"))
            }
            data = contents
        }
        guard data.count <= ImportCommand.fileBytesMax else {
            throw CommandFailure(message: "\(file) is \(humanBytes(data.count)); an import is one transaction of at most \(humanBytes(ImportCommand.fileBytesMax)): split the file")
        }
        return [UInt8](data)
    }

    /// The non-blank lines, numbered from 1 as an editor numbers them (a UTF-8 byte order mark
    /// and a carriage return before each newline are dropped).
    static func lines(_ bytes: [UInt8]) -> [Line] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let pieces = body.split(separator: 0x0A, omittingEmptySubsequences: false)
        let terminated = body.last == 0x0A || body.isEmpty
        var lines: [Line] = []
        for (offset, piece) in pieces.enumerated() {
            var line = Array(piece)
            if line.last == 0x0D { line.removeLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            lines.append(Line(number: offset + 1, bytes: line, isLastAndUnterminated: offset == pieces.count - 1 && !terminated))
        }
        return lines
    }
}
