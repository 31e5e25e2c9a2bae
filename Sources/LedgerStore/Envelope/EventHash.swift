/// A SHA-256 digest (``SHA256Hasher``): a link of the hash chain,
/// `h(n) = SHA-256("cledger/event/v1" ‖ u64be(n) ‖ h(n−1) ‖ body(n))`, or another digest the ledger takes.
public struct EventHash: Hashable, Sendable, CustomStringConvertible {
    public static let byteCount = 32
    /// `h(0)`: 32 zero bytes.
    public static let zero = EventHash(words: (0, 0, 0, 0))
    /// `"cledger/event/v1"`, its 16 bytes as two words in memory order.
    private static let domainWords: (UInt64, UInt64) = Array("cledger/event/v1".utf8).withUnsafeBytes {
        ($0.loadUnaligned(fromByteOffset: 0, as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    }

    private let words: (UInt64, UInt64, UInt64, UInt64)

    private init(words: (UInt64, UInt64, UInt64, UInt64)) { self.words = words }

    /// The digest in `bytes` (exactly 32).
    @usableFromInline
    init(bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count == Self.byteCount, "a hash is 32 bytes, not \(bytes.count)")
        words = (
            bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
            bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
            bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self),
            bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
    }

    /// Parses 64 hexadecimal digits.
    public init?(hex: String) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 64 else { return nil }
        var bytes = [UInt8](repeating: 0, count: 32)
        for i in 0..<32 {
            guard let hi = hexValue(utf8[2 * i]), let lo = hexValue(utf8[2 * i + 1]) else { return nil }
            bytes[i] = hi << 4 | lo
        }
        self = bytes.withUnsafeBytes { EventHash(bytes: $0) }
    }

    public static func == (a: EventHash, b: EventHash) -> Bool {
        a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2 && a.words.3 == b.words.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var copy = words
        return try Swift.withUnsafeBytes(of: &copy) { try body($0) }
    }

    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Lower-case hexadecimal, 64 digits.
    public var description: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        withUnsafeBytes { for b in $0 { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) } }
        return String(decoding: out, as: UTF8.self)
    }

    /// `h(n)` from `h(n−1)` and the stored body of event `n`.
    public static func chain(sequence: UInt64, previous: EventHash, body: UnsafeRawBufferPointer) -> EventHash {
        // The 56 bytes before the body, on the stack, in one update.
        var prefix = (Self.domainWords.0, Self.domainWords.1, sequence.bigEndian, previous.words.0, previous.words.1, previous.words.2, previous.words.3)
        var hasher = SHA256Hasher()
        Swift.withUnsafeBytes(of: &prefix) { hasher.update($0) }
        hasher.update(body)
        return hasher.finalize()
    }
}

private func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
    default: return nil
    }
}
