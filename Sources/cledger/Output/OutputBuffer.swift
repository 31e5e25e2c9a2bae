import Glibc

/// Buffered writes to standard output: a line per event for a million events stays fast.
final class OutputBuffer {
    private var bytes: [UInt8] = []
    static let flushBytesMin = 1 << 16
    /// Set when the reader went away (a closed pipe, as with `| head`).
    private(set) var isClosed = false

    init() { bytes.reserveCapacity(Self.flushBytesMin * 2) }

    func writeLine(_ line: String) {
        bytes.append(contentsOf: line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        if bytes.count >= Self.flushBytesMin { flush() }
    }

    func flush() {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count && !isClosed {
                let written = Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { isClosed = true } else { offset += written }
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
