/// `org register`: an organisation that may bid for grants or provide services.
public struct RegisterOrganisation: LedgerCommand {
    public static let spec = CommandSpec(
        name: "org register", summary: "Register an organisation that bids for grants or provides services.",
        role: .commissioningOfficer,
        fields: [
            FieldSpec("id", .id, help: "a short id, such as keswick-youth-club"),
            FieldSpec("name", .text, help: "the organisation's name"),
            FieldSpec("type", .choice(OrganisationType.allCases.map(\.rawValue)), help: "what kind of organisation"),
            FieldSpec("charity-number", .text, required: false, help: "its registered charity number"),
            FieldSpec("company-number", .text, required: false, help: "its Companies House number"),
            FieldSpec("supplier-number", .text, required: false, help: "the finance system's supplier number"),
            FieldSpec("giving360-id", .text, required: false, help: "its 360Giving organisation identifier, such as GB-CHC-1234567"),
            FieldSpec("area", .area, required: false, help: "the area it is based in"),
        ],
        example: [("id", ["keswick-youth-club"]), ("name", ["Keswick Youth Club"]), ("type", ["community-group"]), ("area", ["E07000026"])])

    let payload: OrganisationRegistered

    public init(_ fields: CommandFields) throws {
        payload = OrganisationRegistered(
            organisationId: try fields.id("id"), name: try fields.text("name"), type: try fields.choice("type", OrganisationType.self),
            charityNumber: try fields.optionalText("charity-number"), companyNumber: try fields.optionalText("company-number"),
            supplierNumber: try fields.optionalText("supplier-number"), giving360Id: try fields.optionalText("giving360-id"),
            areaCode: try fields.optionalText("area"))
    }

    public func decide(_ decision: Decision) throws -> String {
        if try decision.state.get(OrganisationState.self, StateKey.organisation(payload.organisationId)) != nil {
            throw CommissioningError.duplicate(kind: "organisation", id: payload.organisationId)
        }
        if let area = payload.areaCode { try decision.requireArea(area, validOn: decision.on) }
        try decision.emit(payload, to: StreamId.organisation(payload.organisationId))
        return "registered organisation \(payload.organisationId) (\(payload.name), \(payload.type.rawValue))"
    }
}
