import LedgerStore

/// A Police and Crime Plan objective or sub-priority, with the dates its plan applies.
public struct ObjectiveDefined: EventPayload {
    public static let eventType = "ObjectiveDefined"
    public static let schemaVersion: UInt16 = 1

    /// The plan's code, such as `5` or `5.2`.
    public var code: String
    public var title: String
    /// The objective a sub-priority belongs to.
    public var parentCode: String?
    public var validFrom: CalendarDate
    /// The last day it applies, if the plan has ended.
    public var validTo: CalendarDate?

    public init(
        code: String,
        title: String,
        parentCode: String? = nil,
        validFrom: CalendarDate,
        validTo: CalendarDate? = nil
    ) {
        self.code = code
        self.title = title
        self.parentCode = parentCode
        self.validFrom = validFrom
        self.validTo = validTo
    }
}
