import Foundation
import Synchronization

/// Removes the scratch directory in use when the benchmark is interrupted (SIGINT, SIGTERM), so
/// that stopping a long run does not leave a ledger of hundreds of megabytes behind.
enum InterruptCleanup {
    /// The directory to remove on interrupt, if any.
    private static let directory = Mutex<String?>(nil)

    /// Registers `path` as the directory in use, or clears it with nil.
    static func track(_ path: String?) {
        directory.withLock { $0 = path }
    }

    /// Handles SIGINT and SIGTERM on a dispatch queue: removes the tracked directory and exits
    /// with 128 + the signal number. Keep the returned sources for as long as the handling lasts.
    static func install() -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                directory.withLock { path in
                    if let path { try? FileManager.default.removeItem(atPath: path) }
                }
                exit(128 + signalNumber)
            }
            source.resume()
            return source
        }
    }
}
