import BenchCeiling
import Foundation
import Glibc

/// A full rebuild of every projection by the real program (`cledger rebuild`, in a child
/// process, so its peak memory is its own) against a raw LMDB cursor scan of the same log, and
/// against a plain C loop writing the rows the rebuild left (``bench_write_rows``): the least
/// any rebuild writing those rows spends on writing them; and against the runner reading and
/// decoding the log for folds that keep nothing (``DecodeFloorBench``): the least any rebuild
/// that decodes each event spends before it folds.
enum RebuildBench {
    struct Result {
        var scanSeconds: [Double] = []
        var rebuildSeconds: [Double] = []
        /// Each run's C loop writing the rows its rebuild left, in one transaction.
        var rowsWriteSeconds: [Double] = []
        /// Each run's runner reading and decoding the whole log for folds that keep nothing.
        var decodeSeconds: [Double] = []
        var rows: UInt64 = 0
        var rowBytes: UInt64 = 0
        /// The largest resident set of any rebuild, in bytes: its own memory and the ledger's
        /// pages it mapped.
        var peakBytes = 0
        /// The largest private (anonymous) memory of any rebuild, in bytes, sampled every 5 ms.
        var anonymousBytesMax = 0
        var events: UInt64 = 0
    }

    /// The `cledger` built beside this benchmark (Tools/bench builds both in release).
    static var cledgerPath: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("cledger").path
    }

    /// - Parameter scratch: where the rows are written again, on the ledger's file system.
    static func measure(_ ledger: String, runs: Int, scratch: ScratchSpace, progress: (String) -> Void) throws -> Result {
        var result = Result()
        // One scan first, untimed: the first run's scan would otherwise read the log from disk
        // and every later one from the page cache, as every rebuild does.
        _ = bench_scan_events(ledger)
        for run in 1...runs {
            let scan = bench_scan_events(ledger)
            guard scan.rc == 0 else {
                throw BenchConfig.UsageError(description: "scan of \(ledger): \(String(cString: scan.operation)) failed: \(String(cString: bench_error_text(scan.rc)))")
            }
            result.scanSeconds.append(scan.seconds)
            result.events = scan.events
            let (seconds, peak, anonymous) = try timedChild([cledgerPath, "--store", ledger, "rebuild"])
            result.rebuildSeconds.append(seconds)
            result.peakBytes = max(result.peakBytes, peak)
            result.anonymousBytesMax = max(result.anonymousBytesMax, anonymous)
            let rows = try scratch.withDirectory { bench_write_rows(ledger, $0) }
            guard rows.rc == 0 else {
                throw BenchConfig.UsageError(description: "rows of \(ledger): \(String(cString: rows.operation)) failed: \(String(cString: bench_error_text(rows.rc)))")
            }
            result.rowsWriteSeconds.append(rows.seconds)
            (result.rows, result.rowBytes) = (rows.rows, rows.bytes)
            let decode = try DecodeFloorBench.measure(ledger)
            result.decodeSeconds.append(decode)
            progress(
                "rebuild run \(run)/\(runs): scan \(TextFormatting.seconds(scan.seconds)), rebuild \(TextFormatting.seconds(seconds)), "
                    + "its rows written by a C loop \(TextFormatting.seconds(rows.seconds)), "
                    + "its events read and decoded with nothing folded \(TextFormatting.seconds(decode)), "
                    + "peak resident \(peak >> 20) MiB, of it private \(anonymous >> 20) MiB")
        }
        return result
    }

    /// Runs `arguments` as a child process; returns its wall time and its peak resident set.
    static func timedChild(_ arguments: [String]) throws -> (seconds: Double, peakBytes: Int, anonymousBytesMax: Int) {
        var pid: pid_t = 0
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let started = ContinuousClock.now
        var devNull = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&devNull)
        posix_spawn_file_actions_addopen(&devNull, 1, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&devNull) }
        let rc = posix_spawn(&pid, arguments[0], &devNull, nil, &argv, environ)
        guard rc == 0 else { throw BenchConfig.UsageError(description: "cannot run \(arguments[0]): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        var usage = rusage()
        var anonymousBytesMax = 0
        // Poll the child's private memory until it ends: ru_maxrss counts the ledger's mapped
        // pages too, which are the page cache's, not the program's.
        while true {
            let ended = wait4(pid, &status, WNOHANG, &usage)
            if ended == pid { break }
            guard ended == 0 else { throw BenchConfig.UsageError(description: "wait4: \(String(cString: strerror(errno)))") }
            anonymousBytesMax = max(anonymousBytesMax, anonymousBytes(of: pid) ?? 0)
            usleep(5_000)
        }
        guard status == 0 else {
            throw BenchConfig.UsageError(description: "\(arguments.joined(separator: " ")) failed (status \(status))")
        }
        return (seconds(since: started), Int(usage.ru_maxrss) * 1024, anonymousBytesMax)
    }

    /// The process's resident anonymous memory (its heap and stacks), from /proc/PID/status.
    static func anonymousBytes(of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("RssAnon:") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kilobytes * 1024
    }
}
