/// Parts of row keys that sort as their values do.
enum RowKey {
    /// A sequence as 16 hexadecimal digits, so that keys sort in sequence order.
    static func sequence(_ sequence: UInt64) -> String {
        // Written straight into the string's storage: a key part is built for most events folded.
        String(unsafeUninitializedCapacity: 16) { digits in
            for index in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: sequence >> (60 - 4 * index)) & 0xF
                digits[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            return 16
        }
    }

    /// Sequences per block: a list that grows with the log (a fund year's movements, a
    /// subject's events) is split into one row per block, so that no row grows without bound.
    static let blockSequences: UInt64 = 4096

    /// The number of the block `sequence` falls in.
    static func blockNumber(of sequence: UInt64) -> UInt64 { sequence / blockSequences }

    /// The block `sequence` falls in, as a key part that sorts as the blocks do.
    static func block(_ sequence: UInt64) -> String { block(number: blockNumber(of: sequence)) }

    /// Block `number` as a key part.
    static func block(number: UInt64) -> String { self.sequence(number) }
}
