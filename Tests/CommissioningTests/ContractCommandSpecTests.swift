import Commissioning
import Testing

@Suite("The contract and correction commands' specs")
struct ContractCommandSpecTests {
    static let names = [
        "contract let", "agreement make", "contract pay", "contract review", "contract vary", "contract extend", "contract end",
        "contract release", "accrual record", "accrual reverse", "payment reverse", "allocation reverse",
    ]

    @Test("every contract and correction command is registered, documented, and its example parses", arguments: names)
    func examplesParse(name: String) throws {
        let type = try #require(CommandRegistry.command(named: name))
        let spec = type.spec
        #expect(!spec.summary.isEmpty)
        #expect(spec.fields.allSatisfy { !$0.help.isEmpty }, "\(name)")
        var values: [String: [String]] = [:]
        for (field, given) in spec.example { values[field] = given }
        _ = try CommissioningLedger.parse(name, values)
    }

    @Test("each command needs its role", arguments: [
        ("contract let", Role.commissioningOfficer), ("agreement make", .commissioningOfficer), ("contract pay", .financeOfficer),
        ("contract review", .commissioningOfficer), ("contract vary", .decisionMaker), ("contract extend", .decisionMaker),
        ("contract end", .commissioningOfficer), ("contract release", .financeOfficer), ("accrual record", .financeOfficer),
        ("accrual reverse", .financeOfficer), ("payment reverse", .financeOfficer), ("allocation reverse", .financeOfficer),
    ])
    func roles(name: String, role: Role) throws {
        #expect(try #require(CommandRegistry.command(named: name)).spec.role == role)
    }
}
