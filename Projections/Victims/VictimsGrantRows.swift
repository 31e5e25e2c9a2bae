import Commissioning
import LedgerStore

/// A grant, contract or agreement of a victims' fund as the reconciliation shows it: who
/// provides it and the plan objectives it names.
public struct VictimsServiceRow: Codable, Sendable, Equatable {
    public var commitmentId: String
    /// The provider of a contract, or the organisation a grant was awarded to.
    public var providerId: String
    public var objectives: [String]
}

extension VictimsServiceRow: BinaryReadable {
    public init(reading input: BinarySource) throws {
        commitmentId = try input.field("commitmentId", input.readString)
        providerId = try input.field("providerId", input.readString)
        objectives = try input.field("objectives", input.readStrings)
    }
}

extension VictimsServiceRow: BinaryWritable {
    public func write(to sink: BinarySink) {
        sink.write(commitmentId)
        sink.write(providerId)
        sink.write(objectives)
    }
}

/// A payment from a victims' fund recorded after the end of the financial year its date falls
/// in: the payments an MoJ return made at the year end could not have counted.
public struct LatePaymentRow: Codable, Sendable, Equatable {
    public var sequence: UInt64
    public var commitmentId: String
    public var paymentReference: String
    public var effective: CalendarDate
    /// The London date the ledger recorded it.
    public var recorded: CalendarDate
    /// The amounts paid, by financial year and source.
    public var lines: [FundingLine]
}

extension LatePaymentRow: BinaryReadable {
    public init(reading input: BinarySource) throws {
        sequence = try input.field("sequence") { try input.readInteger(UInt64.self) }
        commitmentId = try input.field("commitmentId", input.readString)
        paymentReference = try input.field("paymentReference", input.readString)
        effective = try input.field("effective") { try input.read(CalendarDate.self) }
        recorded = try input.field("recorded") { try input.read(CalendarDate.self) }
        lines = try input.field("lines") { try input.readArray(of: FundingLine.self) }
    }
}

extension LatePaymentRow: BinaryWritable {
    public func write(to sink: BinarySink) {
        sink.write(sequence)
        sink.write(commitmentId)
        sink.write(paymentReference)
        sink.write(effective)
        sink.write(recorded)
        sink.write(lines)
    }
}

/// A payment from a victims' fund reversed, by its reference: for marking a late payment
/// that was later reversed.
public struct PaymentReversalRow: Codable, Sendable, Equatable {
    public var sequence: UInt64
    public var paymentReference: String
    public var effective: CalendarDate
}

extension PaymentReversalRow: BinaryReadable {
    public init(reading input: BinarySource) throws {
        sequence = try input.field("sequence") { try input.readInteger(UInt64.self) }
        paymentReference = try input.field("paymentReference", input.readString)
        effective = try input.field("effective") { try input.read(CalendarDate.self) }
    }
}

extension PaymentReversalRow: BinaryWritable {
    public func write(to sink: BinarySink) {
        sink.write(sequence)
        sink.write(paymentReference)
        sink.write(effective)
    }
}

/// The keys of the victims' grant projection's rows.
enum VictimsKey {
    static func fund(_ id: String) -> String { "fund/" + id }
    static func bidObjectives(_ bidId: String) -> String { "bid/" + bidId }
    static func service(_ id: String) -> String { "service/" + id }
    static let yearPrefix = "year/"
    static func year(_ year: FinancialYear) -> String { yearPrefix + String(year.startYear) }
    /// A victims' fund's movements of one financial year: lists by block of sequences.
    static func movements(_ year: FinancialYear) -> String { "movement/\(year.startYear)/" }
    static func movementList(_ m: Movement) -> String { movements(m.financialYear) + RowKey.block(m.sequence) }
    static let latePrefix = "late/"
    static func lateList(_ sequence: UInt64) -> String { latePrefix + RowKey.block(sequence) }
    static let reversalPrefix = "reversal/"
    static func reversalList(_ sequence: UInt64) -> String { reversalPrefix + RowKey.block(sequence) }
}
