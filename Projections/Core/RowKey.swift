/// Parts of row keys that sort as their values do.
enum RowKey {
    /// A sequence as 16 hexadecimal digits, so that keys sort in sequence order.
    static func sequence(_ sequence: UInt64) -> String {
        let hex = String(sequence, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
