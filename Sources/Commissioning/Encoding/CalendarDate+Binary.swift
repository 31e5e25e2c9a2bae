import LedgerStore

/// A date as its `Codable` conformance stores it: its days since 1970-01-01, an i32.
extension CalendarDate: BinaryWritable, BinaryReadable {
    public func write(to sink: BinarySink) { sink.write(daysSinceEpoch) }
    public init(reading input: BinarySource) throws { self.init(daysSinceEpoch: try input.readInteger(Int32.self)) }
}
