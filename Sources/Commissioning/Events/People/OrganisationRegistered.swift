/// An organisation that may bid for grants or provide services.
public struct OrganisationRegistered: EventPayload {
    public static let eventType = "OrganisationRegistered"
    public static let schemaVersion: UInt16 = 1

    public var organisationId: String
    public var name: String
    public var type: OrganisationType
    public var charityNumber: String?
    public var companyNumber: String?
    /// The finance system's supplier number.
    public var supplierNumber: String?
    /// The 360Giving organisation identifier.
    public var giving360Id: String?
    public var areaCode: String?

    public init(
        organisationId: String,
        name: String,
        type: OrganisationType,
        charityNumber: String? = nil,
        companyNumber: String? = nil,
        supplierNumber: String? = nil,
        giving360Id: String? = nil,
        areaCode: String? = nil
    ) {
        self.organisationId = organisationId
        self.name = name
        self.type = type
        self.charityNumber = charityNumber
        self.companyNumber = companyNumber
        self.supplierNumber = supplierNumber
        self.giving360Id = giving360Id
        self.areaCode = areaCode
    }
}

extension OrganisationRegistered: BinaryReadable {
    public init(reading input: BinarySource) throws {
        organisationId = try input.field("organisationId", input.readString)
        name = try input.field("name", input.readString)
        type = try input.field("type") { try input.readRaw(OrganisationType.self) }
        charityNumber = try input.field("charityNumber") { try input.readIfPresent(input.readString) }
        companyNumber = try input.field("companyNumber") { try input.readIfPresent(input.readString) }
        supplierNumber = try input.field("supplierNumber") { try input.readIfPresent(input.readString) }
        giving360Id = try input.field("giving360Id") { try input.readIfPresent(input.readString) }
        areaCode = try input.field("areaCode") { try input.readIfPresent(input.readString) }
    }
}
