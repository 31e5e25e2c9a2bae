/// Writes big-endian integers and length-prefixed fields into memory sized for them beforehand,
/// such as a value LMDB reserved: the envelope of every appended event is encoded this way, with
/// no buffer to grow and no copy afterwards.
struct InPlaceByteWriter {
    private let memory: UnsafeMutableRawBufferPointer
    /// Bytes written so far.
    private(set) var count = 0

    init(_ memory: UnsafeMutableRawBufferPointer) { self.memory = memory }

    /// Whether every byte of the memory is written.
    var isFull: Bool { count == memory.count }

    /// The next `n` bytes, which the caller must write; past the end is a precondition failure,
    /// the one bounds check of each field. It and the field writers are always inlined: the
    /// optimizer left them as calls, one per field of every envelope appended.
    @inline(__always)
    private mutating func claim(_ n: Int) -> UnsafeMutableRawBufferPointer {
        precondition(n <= memory.count - count, "an in-place write of \(n) bytes past the \(memory.count) sized for it")
        defer { count += n }
        return UnsafeMutableRawBufferPointer(rebasing: memory[count..<(count + n)])
    }

    @inline(__always) mutating func u8(_ v: UInt8) { storeBigEndian(v) }
    @inline(__always) mutating func u16(_ v: UInt16) { storeBigEndian(v) }
    @inline(__always) mutating func u32(_ v: UInt32) { storeBigEndian(v) }
    @inline(__always) mutating func u64(_ v: UInt64) { storeBigEndian(v) }
    @inline(__always) mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }
    @inline(__always) mutating func i32(_ v: Int32) { u32(UInt32(bitPattern: v)) }

    @inline(__always)
    private mutating func storeBigEndian<T: FixedWidthInteger>(_ v: T) {
        claim(MemoryLayout<T>.size).storeBytes(of: v.bigEndian, as: T.self)
    }

    /// A UTF-8 string behind a u16 length.
    @inline(__always)
    mutating func string16(_ s: String) {
        let utf8 = s.utf8
        u16(UInt16(utf8.count))
        let target = claim(utf8.count)
        if utf8.withContiguousStorageIfAvailable({ target.copyMemory(from: UnsafeRawBufferPointer($0)) }) == nil {
            target.copyBytes(from: utf8)
        }
    }

    /// Raw bytes behind a u32 length.
    mutating func bytes32(_ b: [UInt8]) {
        u32(UInt32(b.count))
        b.withUnsafeBytes { raw($0) }
    }

    mutating func raw(_ b: UnsafeRawBufferPointer) { claim(b.count).copyMemory(from: b) }

    /// Byte count of a ``string16(_:)`` field.
    static func string16Bytes(_ s: String) -> Int { 2 + s.utf8.count }
}
