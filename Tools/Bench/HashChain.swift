import Crypto

/// The ledger's hash chain, written out bare with swift-crypto:
/// `h(n) = SHA-256("cledger/event/v1" ‖ u64be(n) ‖ h(n−1) ‖ body(n))`, `h(0)` = 32 zero bytes.
enum HashChain {
    static let domain: [UInt8] = Array("cledger/event/v1".utf8)
    static let linkBytes = 32

    /// Writes `h(sequence)` into `link`, which holds `h(sequence − 1)` on entry.
    @inline(__always)
    static func advance(_ link: UnsafeMutableRawBufferPointer, sequence: UInt64, body: UnsafeRawBufferPointer) {
        var hasher = SHA256()
        domain.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        withUnsafeBytes(of: sequence.bigEndian) { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: UnsafeRawBufferPointer(link))
        hasher.update(bufferPointer: body)
        hasher.finalize().withUnsafeBytes { link.copyMemory(from: $0) }
    }
}
