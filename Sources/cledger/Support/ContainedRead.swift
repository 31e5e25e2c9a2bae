import ArgumentParser
import Foundation

/// Runs reads of the ledger file in a child process, so that damage LMDB cannot survive (a
/// garbled page that makes it read outside the map, or trip one of its assertions) is reported
/// as "ledger damaged", never as a signal (DESIGN.md: "damage LMDB itself cannot survive is
/// contained").
///
/// The parent re-runs this same program with the same arguments and `CLEDGER_CONTAINED=1`; the
/// child inherits standard input and output and does the work. Its standard error goes through
/// the parent: passed on when the child ends normally, replaced by one line when a signal ends it
/// (what LMDB or the runtime said while crashing is no message for a user).
enum ContainedRead {
    static let environmentKey = "CLEDGER_CONTAINED"

    /// Runs `body` in a child process, or directly when this already is the child.
    static func run(storePath: String, _ body: () throws -> Void) throws {
        if ProcessInfo.processInfo.environment[environmentKey] != nil {
            try body()
            return
        }
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        child.arguments = Array(CommandLine.arguments.dropFirst())
        var environment = ProcessInfo.processInfo.environment
        environment[environmentKey] = "1"
        environment["SWIFT_BACKTRACE"] = "enable=no"
        child.environment = environment
        let errors = Pipe()
        child.standardError = errors
        do {
            try child.run()
        } catch {
            // No child process to be had: read here, without the containment.
            try body()
            return
        }
        // Read to the end before waiting, so a child with much to say cannot fill the pipe and stall.
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        child.waitUntilExit()
        switch child.terminationReason {
        case .exit:
            FileHandle.standardError.write(said)
            // The child printed what there was to say.
            if child.terminationStatus != 0 { throw ExitCode(child.terminationStatus) }
        case .uncaughtSignal:
            throw CommandFailure(
                message: "ledger damaged: \(storePath): reading data.mdb stopped with signal "
                    + "\(signalName(child.terminationStatus)): a page of the file is garbled. Nothing was written; "
                    + "restore the ledger from a backup (cledger backup) and check it with cledger verify.",
                status: ExitStatus.damaged)
        @unknown default:
            throw CommandFailure(message: "the reader process ended unexpectedly", status: ExitStatus.damaged)
        }
    }

    private static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGSEGV: return "SIGSEGV"
        case SIGBUS: return "SIGBUS"
        case SIGABRT: return "SIGABRT"
        case SIGILL: return "SIGILL"
        case SIGFPE: return "SIGFPE"
        default: return "\(signal)"
        }
    }
}
