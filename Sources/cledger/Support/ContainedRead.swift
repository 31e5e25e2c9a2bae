import ArgumentParser
import Foundation

/// Runs reads of the ledger file in a child process, so that damage LMDB cannot survive (a
/// garbled page that makes it read outside the map) is reported as "ledger damaged", never as
/// a signal (DESIGN.md: "damage LMDB itself cannot survive is contained").
///
/// The parent re-runs this same program with the same arguments and `CLEDGER_CONTAINED=1`; the
/// child inherits standard input, output and error and does the work.
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
        child.environment = environment
        do {
            try child.run()
        } catch {
            // No child process to be had: read here, without the containment.
            try body()
            return
        }
        child.waitUntilExit()
        switch child.terminationReason {
        case .exit:
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
