import Commissioning
import LedgerStore

/// The `victims` report: per financial year, the MoJ Victims Services Grant allocated against
/// the MoJ money committed, paid and accrued, in all and by provider and by plan objective; the
/// money from other sources on the same services; the underspend; and the payments recorded
/// after the year end that fall within it (docs/reports.md).
public struct VictimsGrantReport: Sendable, Equatable {
    /// MoJ money and the other sources' money on the same services.
    public struct Split: Sendable, Equatable {
        public var moj = BalanceFigures()
        /// Every source other than the MoJ grant (the OPCC's top-ups, partners' money).
        public var other = BalanceFigures()
        /// The other sources that put money in, in ``FundingSource`` order.
        public var otherSources: [FundingSource] = []

        mutating func add(_ movement: Movement) {
            if movement.source == .mojVictimsGrant {
                moj.add(movement)
            } else {
                other.add(movement)
                noteSources([movement.source])
            }
        }

        mutating func add(_ split: Split) {
            moj.add(split.moj)
            other.add(split.other)
            noteSources(split.otherSources)
        }

        private mutating func noteSources(_ sources: [FundingSource]) {
            otherSources = Array(Set(otherSources + sources)).sorted()
        }
    }

    /// One financial year in all: its allocation and everything its money did.
    public struct Year: Sendable, Equatable {
        public var financialYear: FinancialYear
        public var money: Split
        /// The MoJ allocation less the MoJ money paid (net of reversals) and accrued (net of
        /// reversed accruals) in the year.
        public var underspend: Money { money.moj.allocated - money.moj.paid - money.moj.accrued }
        /// The MoJ allocation less the MoJ money committed and not released.
        public var uncommitted: Money { money.moj.allocated - money.moj.netCommitted }
    }

    /// A year's money of the services of one provider, or of those naming one objective.
    public struct Line: Sendable, Equatable {
        public var financialYear: FinancialYear
        /// The provider's organisation id, or the objective's code.
        public var name: String
        /// The grants, contracts and agreements counted, in id order.
        public var commitments: [String]
        public var money: Split
    }

    /// A payment recorded after the 31 March that ends the year its date falls in.
    public struct LatePayment: Sendable, Equatable {
        public var sequence: UInt64
        public var financialYear: FinancialYear
        public var providerId: String
        public var commitmentId: String
        public var paymentReference: String
        public var moj: Money
        public var other: Money
        public var effective: CalendarDate
        public var recorded: CalendarDate
        /// The event that reversed it, when the point in time counts one.
        public var reversedBy: UInt64?
    }

    public var years: [Year]
    public var byProvider: [Line]
    /// A commitment naming several objectives is counted in full under each of them, so these
    /// lines do not add up to the year; the year's figures count each commitment once.
    public var byObjective: [Line]
    public var latePayments: [LatePayment]

    /// The years' money together, each commitment counted once.
    public var total: Split {
        var all = Split()
        for year in years { all.add(year.money) }
        return all
    }

    /// The financial years the victims' funds have money in, whatever the point in time.
    public static func years(_ rows: ProjectionRows) throws -> [FinancialYear] {
        try rows.rows(FinancialYear.self, prefix: VictimsKey.yearPrefix)
    }

    /// Builds the report from the victims' grant projection's rows, for one year or every year.
    /// - Complexity: O(m + p) for the m movements of the years asked for and the p payments
    ///   recorded after their year end.
    public static func build(_ rows: ProjectionRows, at point: PointInTime, year: FinancialYear? = nil) throws -> VictimsGrantReport {
        var report = VictimsGrantReport(years: [], byProvider: [], byObjective: [], latePayments: [])
        var services: [String: VictimsServiceRow] = [:]
        func service(_ id: String) throws -> VictimsServiceRow {
            if let known = services[id] { return known }
            guard let row = try rows.get(VictimsServiceRow.self, VictimsKey.service(id)) else {
                preconditionFailure("victims projection: money moved on \(id), which no grant award or contract letting in a victims' fund introduced")
            }
            services[id] = row
            return row
        }
        for y in try years(rows) where year == nil || y == year {
            var total = Split()
            var providers: [String: (Set<String>, Split)] = [:]
            var objectives: [String: (Set<String>, Split)] = [:]
            for movement in try rows.facts(Movement.self, prefix: VictimsKey.movements(y))
            where point.counts(sequence: movement.sequence, effective: movement.effective) {
                total.add(movement)
                guard let id = movement.commitmentId else { continue }
                let row = try service(id)
                providers[row.providerId, default: ([], Split())].0.insert(id)
                providers[row.providerId]!.1.add(movement)
                for objective in Set(row.objectives) {
                    objectives[objective, default: ([], Split())].0.insert(id)
                    objectives[objective]!.1.add(movement)
                }
            }
            func lines(_ grouped: [String: (Set<String>, Split)]) -> [Line] {
                grouped.keys.sorted().map { Line(financialYear: y, name: $0, commitments: grouped[$0]!.0.sorted(), money: grouped[$0]!.1) }
            }
            report.years.append(Year(financialYear: y, money: total))
            report.byProvider += lines(providers)
            report.byObjective += lines(objectives)
        }
        var reversals: [String: UInt64] = [:]
        for reversal in try rows.facts(PaymentReversalRow.self, prefix: VictimsKey.reversalPrefix)
        where point.counts(sequence: reversal.sequence, effective: reversal.effective) {
            reversals[reversal.paymentReference] = reversal.sequence
        }
        for late in try rows.facts(LatePaymentRow.self, prefix: VictimsKey.latePrefix)
        where point.counts(sequence: late.sequence, effective: late.effective) && (year == nil || year!.contains(late.effective)) {
            report.latePayments.append(
                LatePayment(
                    sequence: late.sequence, financialYear: FinancialYear(containing: late.effective), providerId: try service(late.commitmentId).providerId,
                    commitmentId: late.commitmentId, paymentReference: late.paymentReference,
                    moj: late.lines.filter { $0.source == .mojVictimsGrant }.sum(\.amount),
                    other: late.lines.filter { $0.source != .mojVictimsGrant }.sum(\.amount), effective: late.effective, recorded: late.recorded,
                    reversedBy: reversals[late.paymentReference]))
        }
        return report
    }
}
