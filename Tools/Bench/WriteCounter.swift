import Foundation

/// The bytes this process has passed to `write`-family calls (`wchar` in `/proc/self/io`): how
/// much LMDB writes for a measurement, since the C loop runs in the same process.
enum WriteCounter {
    /// The running total; 0 where `/proc/self/io` cannot be read.
    static func bytesWritten() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/io", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("wchar:") {
            return Int(line.dropFirst("wchar:".count).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        return 0
    }
}
