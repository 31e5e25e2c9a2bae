/// Appends big-endian integers and length-prefixed fields to a byte buffer.
struct ByteWriter {
    var bytes: [UInt8]

    init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func u8(_ v: UInt8) { bytes.append(v) }

    mutating func u16(_ v: UInt16) { appendBigEndian(v) }

    mutating func u32(_ v: UInt32) { appendBigEndian(v) }
    mutating func u64(_ v: UInt64) { appendBigEndian(v) }

    private mutating func appendBigEndian<T: FixedWidthInteger>(_ v: T) {
        var big = v.bigEndian
        withUnsafeBytes(of: &big) { bytes.append(contentsOf: $0) }
    }

    mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }
    mutating func i32(_ v: Int32) { u32(UInt32(bitPattern: v)) }

    /// A UTF-8 string behind a u16 length.
    mutating func string16(_ s: String) {
        let utf8 = s.utf8
        u16(UInt16(utf8.count))
        if utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil { bytes.append(contentsOf: utf8) }
    }

    /// Raw bytes behind a u32 length.
    mutating func bytes32(_ b: [UInt8]) {
        u32(UInt32(b.count))
        bytes.append(contentsOf: b)
    }

    mutating func raw(_ b: some Sequence<UInt8>) { bytes.append(contentsOf: b) }
}

/// Big-endian 8-byte key: byte order equals numeric order (LMDB-NOTES pitfall 8).
func bigEndianKey(_ v: UInt64) -> [UInt8] {
    var w = ByteWriter(capacity: 8)
    w.u64(v)
    return w.bytes
}
