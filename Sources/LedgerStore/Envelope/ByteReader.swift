/// Reads what ``ByteWriter`` wrote, checking every length against the bytes that are there.
struct ByteReader {
    let buffer: UnsafeRawBufferPointer
    private(set) var offset = 0

    struct Overrun: Error {
        let field: String
        let offset: Int
    }

    init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    var remaining: Int { buffer.count - offset }

    private mutating func take(_ count: Int, _ field: String) throws -> UnsafeRawBufferPointer {
        guard count <= remaining else { throw Overrun(field: field, offset: offset) }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + count])
    }

    mutating func u8(_ field: String) throws -> UInt8 { try take(1, field)[0] }

    mutating func u16(_ field: String) throws -> UInt16 {
        let b = try take(2, field)
        return UInt16(b[0]) << 8 | UInt16(b[1])
    }

    mutating func u32(_ field: String) throws -> UInt32 {
        let b = try take(4, field)
        return b.reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func u64(_ field: String) throws -> UInt64 {
        let b = try take(8, field)
        return b.reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func i64(_ field: String) throws -> Int64 { Int64(bitPattern: try u64(field)) }
    mutating func i32(_ field: String) throws -> Int32 { Int32(bitPattern: try u32(field)) }

    /// The bytes of a u16-length string, without copying.
    mutating func string16Bytes(_ field: String) throws -> UnsafeRawBufferPointer {
        try take(Int(try u16(field)), field)
    }

    mutating func string16(_ field: String) throws -> String {
        let bytes = try string16Bytes(field)
        // Most envelopes leave several strings empty, which need no decoding.
        return bytes.isEmpty ? "" : String(decoding: bytes, as: UTF8.self)
    }

    mutating func bytes32(_ field: String) throws -> UnsafeRawBufferPointer {
        try take(Int(try u32(field)), field)
    }

    mutating func raw(_ count: Int, _ field: String) throws -> UnsafeRawBufferPointer {
        try take(count, field)
    }
}

/// Reads a big-endian u64 from the first 8 bytes of `bytes` (unaligned, LMDB-NOTES pitfall 7).
func readBigEndianU64(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    precondition(bytes.count >= 8, "an 8-byte key or value holds \(bytes.count) bytes")
    return UInt64(bigEndian: bytes.loadUnaligned(as: UInt64.self))
}
