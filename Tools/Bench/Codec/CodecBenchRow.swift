import Commissioning
import LedgerStore

/// A row shaped like the projections' rows (`CommitmentRow`, `Movement`): strings, an enum,
/// money, dates, optionals and arrays of nested structs, made from one stored event.
struct CodecBenchRow: Codable, Equatable {
    enum Kind: String, Codable { case grant, contract, agreement }

    var id: String
    var kind: Kind
    var fundId: String
    var areaCode: String?
    var objectives: [String]
    var lines: [FundingLine]
    var amount: Money
    var plannedEnd: CalendarDate?
    var sequence: UInt64
    var effective: CalendarDate
    var learningShared: Bool

    init(_ envelope: Envelope) {
        let n = Int(envelope.sequence)
        id = envelope.streamId
        kind = [Kind.grant, .contract, .agreement][n % 3]
        fundId = envelope.eventType
        areaCode = n % 2 == 0 ? envelope.actor.id : nil
        objectives = Array(repeating: envelope.actor.role, count: n % 4)
        let amount = Money(pence: Int64(n) * 1_250)
        self.amount = amount
        lines = (0..<(n % 3)).map { year in
            FundingLine(financialYear: FinancialYear(startYear: 2017 + year), source: .opcc, amount: amount)
        }
        plannedEnd = n % 5 == 0 ? nil : envelope.effectiveDate.adding(days: 365)
        sequence = envelope.sequence
        effective = envelope.effectiveDate
        learningShared = n % 2 == 1
    }
}
