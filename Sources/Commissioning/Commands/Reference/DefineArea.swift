import LedgerStore

/// `area define`: an area with its ONS GSS code and the dates it exists.
public struct DefineArea: LedgerCommand {
    public static let spec = CommandSpec(
        name: "area define", summary: "Define an area by its ONS GSS code, with the dates it exists.",
        role: .commissioningOfficer,
        fields: [
            FieldSpec("code", .area, help: "the ONS GSS code, such as E07000026 for Allerdale"),
            FieldSpec("name", .text, help: "the area's name"),
            FieldSpec("valid-from", .date, help: "the first day the area exists"),
            FieldSpec("valid-to", .date, required: false, help: "the last day it exists"),
        ],
        example: [("code", ["E07000026"]), ("name", ["Allerdale"]), ("valid-from", ["1974-04-01"]), ("valid-to", ["2023-03-31"])])

    let payload: AreaDefined

    public init(_ fields: CommandFields) throws {
        let code = try fields.text("code")
        let utf8 = Array(code.utf8)
        guard utf8.count == 9, (0x41...0x5a).contains(utf8[0]), utf8.dropFirst().allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw CommissioningError.field(name: "code", problem: "'\(code)' is not an ONS GSS code; give a letter and eight digits such as E07000026")
        }
        payload = AreaDefined(gssCode: code, name: try fields.text("name"), validFrom: try fields.date("valid-from"), validTo: try fields.optionalDate("valid-to"))
        if let to = payload.validTo, to < payload.validFrom {
            throw CommissioningError.field(name: "valid-to", problem: "\(to) is before valid-from \(payload.validFrom)")
        }
    }

    public func decide(_ decision: Decision) throws -> String {
        try decision.emit(payload, to: StreamId.area(payload.gssCode))
        return "defined area \(payload.gssCode) \(payload.name) from \(payload.validFrom)" + (payload.validTo.map { " to \($0)" } ?? "")
    }
}
