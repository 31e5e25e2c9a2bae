@testable import Commissioning
import LedgerStore
@testable import Projections
import Testing

/// The payloads, facts and rows that read and write their bytes themselves
/// (``BinaryReadable``, ``BinaryWritable``) give exactly what their `Codable` conformances give:
/// the same bytes, the same values, and the same errors, naming the same field, for bytes that
/// end early or run on. Values are random, built by each type's own `init(from:)`.
@Suite("Hand-written binary codecs agree with Codable")
struct HandWrittenCodecTests {
    static let valuesPerType: UInt64 = 150

    /// A value whose own bytes differ from its Codable ones on purpose: it shows that the
    /// encoder and decoder take a type's own codec, and that the helpers below do not.
    struct Probe: Codable, BinaryWritable, BinaryReadable, Equatable {
        var n: UInt8
        func write(to sink: BinarySink) { sink.write(n &+ 1) }
        init(n: UInt8) { self.n = n }
        init(reading input: BinarySource) throws { n = try input.readInteger(UInt8.self) &- 1 }
    }

    @Test("the encoder and decoder use a type's own codec, the helpers its Codable one")
    func ownCodecIsUsed() throws {
        #expect(try BinaryEncoder().encode(Probe(n: 4)) == [5])
        var list: [UInt8] = [9]
        BinarySink.appendRecord(Probe(n: 4), to: &list)
        #expect(list == [9, 0, 0, 0, 1, 5])
        #expect(try BinaryDecoder().decode(Probe.self, from: [5]) == Probe(n: 4))
        #expect(try Self.codableBytes(Probe(n: 4)) == [4])
        #expect(try Self.codableValue(Probe.self, [4]) == Probe(n: 4))
    }

    @Test("every payload type with its own reader reads what Codable reads")
    func payloadReaders() throws {
        var checked = 0
        for type in CommissioningEvent.payloadTypes {
            guard let readable = type as? any (BinaryReadable & EventPayload).Type else { continue }
            try Self.checkReader(readable)
            checked += 1
        }
        // The event types that make up nearly all of a history: a loop over none would pass.
        #expect(checked >= 19)
    }

    @Test("every event type's stored name decodes its payload as that type, and no other name does")
    func eventTypesDecodeAsThemselves() throws {
        for type in CommissioningEvent.payloadTypes {
            try Self.checkDecodedAsItself(type)
        }
        #expect(throws: PayloadDecodingError.self) { try CommissioningEvent.decode(eventType: "BidScored ", schemaVersion: 1, payload: []) }
    }

    static func checkDecodedAsItself<T: EventPayload>(_ type: T.Type) throws {
        let value = try RandomValueDecoder(seed: 1).value(T.self)
        let event = try CommissioningEvent.decode(eventType: T.eventType, schemaVersion: T.schemaVersion, payload: try value.encoded())
        #expect(event.payload as? T == value, "\(T.eventType)")
    }

    @Test("values, facts and rows with their own writer and reader agree with Codable")
    func valuesAndRows() throws {
        try Self.checkBoth(Money.self)
        try Self.checkBoth(CalendarDate.self)
        try Self.checkBoth(FinancialYear.self)
        try Self.checkBoth(CriterionScore.self)
        try Self.checkBoth(FundingLine.self)
        try Self.checkBoth(ExpectedOutcome.self)
        try Self.checkBoth(AchievedOutcome.self)
        try Self.checkBoth(KeyPerformanceIndicator.self)
        try Self.checkReader(Tranche.self)
        try Self.checkBoth(PanelFact.self)
        try Self.checkBoth(RoundRow.self)
        try Self.checkBoth(PanelBidRow.self)
        try Self.checkBoth(Movement.self)
        try Self.checkBoth(CommitmentLinesRow.self)
        try Self.checkBoth(CommitmentRow.self)
        try Self.checkBoth(CommitmentFact.self)
        try Self.checkBoth(BidTermsRow.self)
        try Self.checkBoth(AuditEntity.self)
        try Self.checkBoth(VictimsServiceRow.self)
        try Self.checkBoth(LatePaymentRow.self)
        try Self.checkBoth(PaymentReversalRow.self)
    }

    static func checkBoth<T: BinaryWritable & BinaryReadable & Equatable>(_ type: T.Type) throws {
        try checkWriter(type)
        try checkReader(type)
    }

    /// Its own bytes are its Codable bytes, alone and as a record of a list.
    static func checkWriter<T: BinaryWritable & Decodable & Equatable>(_ type: T.Type) throws {
        for seed in 0..<valuesPerType {
            let value = try RandomValueDecoder(seed: seed).value(T.self)
            let expected = try codableBytes(value)
            #expect(try BinaryEncoder().encode(value) == expected, "\(T.self), seed \(seed)")
            var list: [UInt8] = [7, 7]
            BinarySink.appendRecord(value, to: &list)
            #expect(list == [7, 7] + Self.record(expected), "\(T.self), seed \(seed)")
        }
    }

    /// It reads back what Codable wrote, and fails as Codable fails on every shorter prefix
    /// and on a byte too many.
    static func checkReader<T: BinaryReadable & Encodable & Equatable>(_ type: T.Type) throws {
        for seed in 0..<valuesPerType {
            let value = try RandomValueDecoder(seed: seed).value(T.self)
            let bytes = try codableBytes(value)
            #expect(try BinaryDecoder().decode(T.self, from: bytes) == value, "\(T.self), seed \(seed)")
            for damaged in (0..<bytes.count).map({ Array(bytes.prefix($0)) }) + [bytes + [0]] {
                let own = failure { try BinaryDecoder().decode(T.self, from: damaged) }
                #expect(own != nil, "\(T.self), seed \(seed): \(damaged.count) of \(bytes.count) bytes read")
                #expect(own == failure { try codableValue(T.self, damaged) }, "\(T.self), seed \(seed), \(damaged.count) bytes")
            }
        }
    }

    static func codableBytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        let sink = BinarySink()
        try sink.encodeValue(value)
        return sink.bytes
    }

    static func codableValue<T: Decodable>(_ type: T.Type, _ bytes: [UInt8]) throws -> T {
        let source = BinarySource(bytes)
        let value = try source.decodeValue(type)
        guard source.offset == bytes.count else {
            throw BinaryDecodingError(description: "\(bytes.count - source.offset) bytes left over after a \(T.self)")
        }
        return value
    }

    static func record(_ bytes: [UInt8]) -> [UInt8] { withUnsafeBytes(of: UInt32(bytes.count).bigEndian, Array.init) + bytes }

    static func failure(_ body: () throws -> some Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return "\(error)"
        }
    }
}
