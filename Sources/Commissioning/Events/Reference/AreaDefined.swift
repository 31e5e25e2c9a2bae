import LedgerStore

/// An area with its ONS GSS code and the dates it exists.
public struct AreaDefined: EventPayload {
    public static let eventType = "AreaDefined"
    public static let schemaVersion: UInt16 = 1

    /// Such as `E07000026` (Allerdale).
    public var gssCode: String
    public var name: String
    public var validFrom: CalendarDate
    public var validTo: CalendarDate?

    public init(gssCode: String, name: String, validFrom: CalendarDate, validTo: CalendarDate? = nil) {
        self.gssCode = gssCode
        self.name = name
        self.validFrom = validFrom
        self.validTo = validTo
    }
}
