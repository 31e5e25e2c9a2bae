/// Appends big-endian integers and raw bytes to a growing byte buffer (the small records beside
/// the events; envelopes are written in place by ``InPlaceByteWriter``).
struct ByteWriter {
    var bytes: [UInt8]

    init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func u32(_ v: UInt32) { appendBigEndian(v) }
    mutating func u64(_ v: UInt64) { appendBigEndian(v) }

    private mutating func appendBigEndian<T: FixedWidthInteger>(_ v: T) {
        var big = v.bigEndian
        withUnsafeBytes(of: &big) { bytes.append(contentsOf: $0) }
    }

    mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }

    mutating func raw(_ b: some Sequence<UInt8>) { bytes.append(contentsOf: b) }
}

/// Big-endian 8-byte key: byte order equals numeric order (LMDB-NOTES pitfall 8).
func bigEndianKey(_ v: UInt64) -> [UInt8] {
    var w = ByteWriter(capacity: 8)
    w.u64(v)
    return w.bytes
}
