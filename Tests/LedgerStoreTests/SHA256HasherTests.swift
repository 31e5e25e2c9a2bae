import LedgerStore
import Testing

/// ``SHA256Hasher`` against the SHA-256 examples of FIPS 180-2 (appendix B) and the empty message.
@Suite("SHA-256 through libcrypto")
struct SHA256HasherTests {
    @Test(
        "one-shot digests equal the standard vectors",
        arguments: [
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
        ])
    func vectors(message: String, digest: String) {
        #expect(SHA256Hasher.hash(Array(message.utf8)).description == digest)
    }

    @Test("a million 'a's, in updates that start and end inside and across 64-byte blocks")
    func millionAs() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256Hasher.hash(message).description == expected)
        // Lengths that cycle through a part block, exactly one, and one and a bit (0 included).
        let lengths = [1, 63, 64, 65, 0, 127, 128, 129, 55, 56, 300]
        var hasher = SHA256Hasher()
        var offset = 0
        var updates = 0
        message.withUnsafeBytes { bytes in
            while offset < bytes.count {
                let end = min(offset + lengths[updates % lengths.count], bytes.count)
                hasher.update(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
                offset = end
                updates += 1
            }
        }
        #expect(updates > 10_000)
        #expect(hasher.finalize().description == expected)
    }
}
