import ArgumentParser
import Foundation
import LedgerStore

/// Exit statuses of cledger.
enum ExitStatus {
    /// Refused command or bad input; nothing was written.
    static let refused: Int32 = 1
    /// The ledger is damaged or does not verify.
    static let damaged: Int32 = 2
    /// A reissued report does not rebuild to what was issued.
    static let differs: Int32 = 3
}

/// Prints one line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data(("cledger: error: " + message + "\n").utf8))
}

/// Runs a command's work, turning any failure into one line on standard error and an exit status.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as LedgerError {
        printError(error.description)
        if case .damaged = error { throw ExitCode(ExitStatus.damaged) }
        throw ExitCode(ExitStatus.refused)
    } catch let exit as ExitCode {
        throw exit
    } catch let error as CommandFailure {
        printError(error.message)
        throw ExitCode(error.status)
    } catch {
        printError(String(describing: error))
        throw ExitCode(ExitStatus.refused)
    }
}

/// A failure a command reports in its own words.
struct CommandFailure: Error {
    var message: String
    var status: Int32 = ExitStatus.refused
}
