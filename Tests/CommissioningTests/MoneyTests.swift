import Commissioning
import Testing

@Suite("Money in pence")
struct MoneyTests {
    @Test("amounts as people write them parse to exact pence",
          arguments: [("7500.00", 750_000), ("7500", 750_000), ("7,500.5", 750_050), ("£2,500.00", 250_000), ("0.01", 1), ("1,000,000.99", 100_000_099)] as [(String, Int64)])
    func parses(text: String, pence: Int64) {
        #expect(Money(parsing: text)?.pence == pence)
    }

    @Test("malformed amounts are refused", arguments: ["", "7500.005", "-5.00", "75,00.00", "7500.", ".50", "1e3", "7 500", "£", "12,3456"])
    func refuses(text: String) {
        #expect(Money(parsing: text) == nil)
    }

    @Test("amounts print with £, thousands separators and pence")
    func prints() {
        #expect(Money(pence: 750_000).description == "£7,500.00")
        #expect(Money(pence: -2_505).description == "-£25.05")
        #expect(Money(pence: 100_000_000_01).plain == "100000000.01")
    }

    @Test("a proportion rounds down to the penny")
    func proportion() {
        #expect(Money(pence: 1_000_001).proportion(basisPoints: 2_000).pence == 200_000)
    }
}
