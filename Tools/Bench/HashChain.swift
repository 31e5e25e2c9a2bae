import LedgerStore

/// The ledger's hash chain, written out bare with the store's own SHA-256 (``SHA256Hasher``, the
/// same libcrypto calls, inlined here as in the store):
/// `h(n) = SHA-256("cledger/event/v1" ‖ u64be(n) ‖ h(n−1) ‖ body(n))`, `h(0)` = 32 zero bytes.
enum HashChain {
    static let domain: [UInt8] = Array("cledger/event/v1".utf8)
    static let linkBytes = 32

    /// Writes `h(sequence)` into `link`, which holds `h(sequence − 1)` on entry.
    @inline(__always)
    static func advance(_ link: UnsafeMutableRawBufferPointer, sequence: UInt64, body: UnsafeRawBufferPointer) {
        // The 56 bytes before the body, on the stack, in one update, as the store does.
        var prefix: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0)
        var hasher = SHA256Hasher()
        withUnsafeMutableBytes(of: &prefix) { p in
            domain.withUnsafeBytes { p.copyMemory(from: $0) }
            p.storeBytes(of: sequence.bigEndian, toByteOffset: domain.count, as: UInt64.self)
            UnsafeMutableRawBufferPointer(rebasing: p[(domain.count + 8)...]).copyMemory(from: UnsafeRawBufferPointer(link))
            hasher.update(UnsafeRawBufferPointer(p))
        }
        hasher.update(body)
        hasher.finalize().withUnsafeBytes { link.copyMemory(from: $0) }
    }
}
