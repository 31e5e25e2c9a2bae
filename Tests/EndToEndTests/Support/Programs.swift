import Foundation
import Testing

/// The built programs, found beside the test bundle in the build directory.
enum Programs {
    static let buildDirectory: URL = {
        if let dir = ProcessInfo.processInfo.environment["CLEDGER_BUILD_DIR"] { return URL(fileURLWithPath: dir) }
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return me.deletingLastPathComponent()
    }()

    static var cledger: URL { buildDirectory.appendingPathComponent("cledger") }
    static var ledgerWriter: URL { buildDirectory.appendingPathComponent("ledger-writer") }
}

/// What a finished program did.
struct ProgramResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var exitedBySignal: Bool
}

/// Runs `program` to the end with `arguments` (in `environment` added to this one's).
@discardableResult
func runProgram(_ program: URL, _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> ProgramResult {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["CLEDGER_STORE"] = nil
    env["CLEDGER_CONTAINED"] = nil
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    if let stdin {
        let input = Pipe()
        process.standardInput = input
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
    }
    try process.run()
    // Read both pipes to the end before waiting, so a full pipe cannot block the child.
    let group = DispatchGroup()
    let stderrData = CollectedOutput()
    let errReader = err.fileHandleForReading
    group.enter()
    DispatchQueue.global().async {
        stderrData.data = errReader.readDataToEndOfFile()
        group.leave()
    }
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return ProgramResult(
        status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
        stderr: String(decoding: stderrData.data, as: UTF8.self), exitedBySignal: process.terminationReason == .uncaughtSignal)
}

/// Runs `cledger` with `arguments`.
@discardableResult
func cledger(_ arguments: String..., environment: [String: String] = [:]) throws -> ProgramResult {
    try runProgram(Programs.cledger, arguments, environment: environment)
}

/// A temporary directory, removed when the test ends.
final class TemporaryDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "cledger-e2e-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func sub(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Bytes one thread reads and another takes after the first is done (ordered by a DispatchGroup).
private final class CollectedOutput: @unchecked Sendable {
    var data = Data()
}
