import CLibcrypto

/// SHA-256 (FIPS 180-4) through the system's libcrypto (OpenSSL), on a context held in the value
/// itself: no allocation, and no copy-on-write check per update. The only code that calls
/// libcrypto; the hash chain, idempotency digests, issued reports and the benchmark's bare chain
/// loop all hash through it.
///
///     var hasher = SHA256Hasher()
///     hasher.update(prefix)
///     hasher.update(body)
///     let digest = hasher.finalize()
///
/// Inlinable, so that a caller in another module (the benchmark's bare chain loop) makes the same
/// direct C calls as the store.
@frozen
public struct SHA256Hasher {
    @usableFromInline var context = SHA256_CTX()

    /// A hasher that has hashed nothing yet.
    @inlinable
    public init() {
        SHA256_Init(&context)
    }

    /// Hashes `bytes` after what was hashed before; any length, any alignment.
    @inlinable
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        SHA256_Update(&context, base, bytes.count)
    }

    /// The digest of everything hashed, in order; the hasher's last use (a new digest needs a new
    /// hasher).
    @inlinable
    public consuming func finalize() -> EventHash {
        var digest: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        Swift.withUnsafeMutableBytes(of: &digest) {
            _ = SHA256_Final($0.baseAddress!.assumingMemoryBound(to: UInt8.self), &context)
        }
        return Swift.withUnsafeBytes(of: &digest) { EventHash(bytes: $0) }
    }

    /// The digest of `bytes`.
    @inlinable
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> EventHash {
        var hasher = SHA256Hasher()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of `bytes`.
    @inlinable
    public static func hash(_ bytes: [UInt8]) -> EventHash {
        bytes.withUnsafeBytes { hash($0) }
    }
}
