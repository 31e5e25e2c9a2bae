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
