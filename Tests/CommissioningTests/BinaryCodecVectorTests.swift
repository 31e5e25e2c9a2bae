import Commissioning
import LedgerStore
import Testing

/// Hand-computed bytes of docs/payload-format.md, one per kind of value, both ways.
@Suite("The binary payload format, byte by byte")
struct BinaryCodecVectorTests {
    struct Sample: Codable, Equatable {
        enum Kind: String, Codable { case grant, contract }
        var name: String
        var flag: Bool
        var pence: Int64
        var days: Int32
        var small: UInt16
        var byte: UInt8
        var kind: Kind
        var note: String?
        var missing: Int64?
        var tags: [String]
        var money: [Money]
    }

    static let sample = Sample(
        name: "é1", flag: true, pence: -2, days: 17_318, small: 0x0102, byte: 7, kind: .contract,
        note: "x", missing: nil, tags: ["a", ""], money: [Money(pence: 256)])

    static let sampleBytes: [UInt8] =
        [0, 0, 0, 3, 0xC3, 0xA9, 0x31]  // "é1": u32 length 3, UTF-8
        + [1]  // true
        + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE]  // i64 -2
        + [0, 0, 0x43, 0xA6]  // i32 17,318 (2017-06-01)
        + [0x01, 0x02]  // u16
        + [7]  // u8
        + [0, 0, 0, 8] + Array("contract".utf8)  // a choice: its name
        + [1, 0, 0, 0, 1, 0x78]  // present "x"
        + [0]  // absent i64
        + [0, 0, 0, 2, 0, 0, 0, 1, 0x61, 0, 0, 0, 0]  // ["a", ""]
        + [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0]  // [256 pence]

    @Test("a value with every kind of field encodes to the bytes the format gives, and decodes back")
    func everyKindOfField() throws {
        #expect(try BinaryEncoder().encode(Self.sample) == Self.sampleBytes)
        #expect(try BinaryDecoder().decode(Sample.self, from: Self.sampleBytes) == Self.sample)
    }

    @Test(
        "primitives on their own",
        arguments: [
            (try BinaryEncoder().encode("abc"), [0, 0, 0, 3, 0x61, 0x62, 0x63]),
            (try BinaryEncoder().encode(false), [0]),
            (try BinaryEncoder().encode(Int(-1)), [UInt8](repeating: 0xFF, count: 8)),
            (try BinaryEncoder().encode(UInt32(0xA0B0C0D0)), [0xA0, 0xB0, 0xC0, 0xD0]),
            (try BinaryEncoder().encode([Int32(1), -1]), [0, 0, 0, 2, 0, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0xFF]),
            (try BinaryEncoder().encode([[UInt8(9)], []]), [0, 0, 0, 2, 0, 0, 0, 1, 9, 0, 0, 0, 0]),
        ] as [([UInt8], [UInt8])])
    func primitives(encoded: [UInt8], expected: [UInt8]) {
        #expect(encoded == expected)
    }

    @Test("a cut-short, padded or wrong payload is refused with the field it is in")
    func refusals() {
        func problem(_ bytes: [UInt8]) -> String {
            do {
                _ = try BinaryDecoder().decode(Sample.self, from: bytes)
                return "decoded"
            } catch {
                return "\(error)"
            }
        }
        #expect(problem(Array(Self.sampleBytes.dropLast())) == "money.0: the payload ends 1 bytes short at offset 59")
        #expect(problem(Self.sampleBytes + [0]) == "1 bytes left over after a Sample")
        var badPresence = Self.sampleBytes
        badPresence[35] = 2
        #expect(problem(badPresence) == "note: presence byte 2 at offset 35")
        var badChoice = Self.sampleBytes
        badChoice[27] = UInt8(ascii: "k")
        #expect(problem(badChoice).hasPrefix("kind: Cannot initialize Kind from invalid String value kontract"))
        var hugeArray = Self.sampleBytes
        hugeArray.replaceSubrange(42..<46, with: [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(problem(hugeArray) == "tags.4: the payload ends 1 bytes short at offset 64")
    }

    @Test("floating point and sets are not stored")
    func notStored() {
        #expect(throws: BinaryEncodingError.self) { try BinaryEncoder().encode(1.5) }
        #expect(throws: BinaryDecodingError.self) { try BinaryDecoder().decode(Set<Int64>.self, from: [0, 0, 0, 0]) }
    }
}
