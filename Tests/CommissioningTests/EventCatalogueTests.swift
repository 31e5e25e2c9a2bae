import Commissioning
import Foundation
import LedgerStore
import Testing

@Suite("The published event schemas")
struct EventCatalogueTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/events.md")

    @Test("docs/events.md is what the payload types say (CLEDGER_WRITE_DOCS=1 rewrites it)")
    func catalogueIsCurrent() throws {
        let generated = EventCatalogue.markdown()
        if ProcessInfo.processInfo.environment["CLEDGER_WRITE_DOCS"] == "1" {
            try generated.write(to: Self.docs, atomically: true, encoding: .utf8)
        }
        let published = try String(contentsOf: Self.docs, encoding: .utf8)
        #expect(published == generated, "docs/events.md is out of date: run CLEDGER_WRITE_DOCS=1 swift test --filter EventCatalogue")
    }

    @Test("the schema of a payload lists its fields in stored order, nested ones by path")
    func schemaOfFundEstablished() {
        let fields = PayloadSchema(of: FundEstablished.self).fields
        #expect(fields.prefix(4).map(\.path) == ["fundId", "name", "kind", "rules"])
        #expect(fields.contains { $0.path == "rules.grantMax" && $0.encoding == "optional money (i64 pence)" })
        #expect(fields.contains { $0.path == "kind" && $0.encoding == "string: property|community|innovation|victims|partnership" })
        let role = PayloadSchema(of: RoleGranted.self).fields.map(\.path)
        #expect(role == ["actorId", "role", "rank", "areaCode", "reason"])
    }

    @Test("every payload type has a published schema", arguments: 0..<CommissioningEvent.payloadTypes.count)
    func everyPayloadHasASchema(index: Int) throws {
        #expect(PayloadSchema(of: CommissioningEvent.payloadTypes[index]).fields.count > 0)
    }

    @Test("a payload decodes to what was encoded, and a truncated one is refused")
    func roundTrip() throws {
        let payload = GrantAwarded(
            bidId: "bid-0001", grantId: "grant-0001", fundId: "community", organisationId: "keswick-youth-club",
            amount: Money(pence: 750_000),
            tranches: [Tranche(number: 1, amount: Money(pence: 600_000), due: CalendarDate(year: 2017, month: 6, day: 1)!, afterFinalReport: false)],
            conditions: ["share learning"],
            fundingLines: [FundingLine(financialYear: FinancialYear(startYear: 2017), source: .opcc, amount: Money(pence: 750_000))],
            rulesInForceFrom: CalendarDate(year: 2017, month: 4, day: 1)!)
        let bytes = try payload.encoded()
        let decoded = try CommissioningEvent.decode(eventType: GrantAwarded.eventType, schemaVersion: 1, payload: bytes)
        #expect(decoded == .grantAwarded(payload))
        #expect(throws: PayloadDecodingError.self) {
            try CommissioningEvent.decode(eventType: GrantAwarded.eventType, schemaVersion: 1, payload: Array(bytes.dropLast()))
        }
        #expect(throws: PayloadDecodingError.self) {
            try CommissioningEvent.decode(eventType: GrantAwarded.eventType, schemaVersion: 2, payload: bytes)
        }
    }
}
