import Foundation

/// Where the benchmark's ledgers live: each measurement gets a new directory, removed with
/// everything in it when the measurement ends.
struct ScratchSpace {
    let parent: String

    /// Why no scratch directory could be made.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// - Parameter parent: the directory to make scratch directories in; `$TMPDIR`, else `/tmp`.
    init(parent: String?) {
        self.parent = parent ?? ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
    }

    /// Runs `body` with the path of a new, empty directory, then removes the directory (also
    /// when the benchmark is interrupted, through ``InterruptCleanup``).
    ///
    /// Flushes every file system first (`sync`), so that the fsyncs of one measurement do not
    /// wait for the writeback of the one before.
    func withDirectory<R>(_ body: (String) throws -> R) throws -> R {
        sync()
        var template = Array((parent + "/cledger-bench.XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw Failure(
                description: "cannot make a scratch directory in \(parent): \(String(cString: strerror(errno)))")
        }
        let path = String(cString: made)
        InterruptCleanup.track(path)
        defer {
            try? FileManager.default.removeItem(atPath: path)
            InterruptCleanup.track(nil)
        }
        return try body(path)
    }

    /// The type of the file system `parent` is on (`ext4`, `tmpfs`, …), from `/proc/self/mounts`:
    /// the mount point that is the longest prefix of its real path.
    var fileSystem: String {
        guard let resolved = realpath(parent, nil) else { return "unknown" }
        let path = String(cString: resolved)
        free(resolved)
        let mounts = (try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8)) ?? ""
        var best: (mountPoint: String, type: String)?
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3 else { continue }
            let mountPoint = String(fields[1])
            let contains = mountPoint == "/" || path == mountPoint || path.hasPrefix(mountPoint + "/")
            if contains, mountPoint.count >= (best?.mountPoint.count ?? 0) { best = (mountPoint, String(fields[2])) }
        }
        return best?.type ?? "unknown"
    }

    /// Whether commits there reach a disk at all: on tmpfs an fsync costs nothing.
    var isMemoryBacked: Bool { fileSystem == "tmpfs" || fileSystem == "ramfs" }
}
