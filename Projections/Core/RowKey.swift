/// Parts of row keys that sort as their values do.
enum RowKey {
    /// A sequence as 16 hexadecimal digits, so that keys sort in sequence order.
    static func sequence(_ sequence: UInt64) -> String {
        let hex = String(sequence, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Sequences per block: a list that grows with the log (a fund year's movements, a
    /// subject's events) is split into one row per block, so that no row grows without bound.
    static let blockSequences: UInt64 = 4096

    /// The block `sequence` falls in, as a key part that sorts as the blocks do.
    static func block(_ sequence: UInt64) -> String { self.sequence(sequence / blockSequences) }
}
