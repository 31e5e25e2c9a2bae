import Commissioning
import LedgerStore

/// The `outcomes` report (the outcome dashboard): per plan objective and sub-priority, per fund
/// and per area, the grants, contracts and agreements, their money, the outcomes they expected
/// against those their accepted final reports achieved, and the final reports still owed.
///
/// A commitment that names several objectives counts in full under each, and an objective's row
/// counts every commitment that names it or one of its sub-priorities, once: so the objective
/// rows do not add up to the total. The fund rows and the area rows each count a commitment once.
public struct OutcomesReport: Sendable, Equatable {
    /// One row: an objective, fund or area, by its code, and its figures.
    public struct Line: Sendable, Equatable {
        public var code: String
        public var name: String
        /// The objective a sub-priority belongs to.
        public var parentCode: String?
        public var figures: OutcomeFigures
    }

    /// Which commitments a report counts: those of one objective (or its sub-priorities), fund
    /// or area; nil counts all.
    public struct Filter: Sendable, Equatable {
        public var objective: String?
        public var fundId: String?
        public var areaCode: String?

        public init(objective: String? = nil, fundId: String? = nil, areaCode: String? = nil) {
            self.objective = objective
            self.fundId = fundId
            self.areaCode = areaCode
        }
    }

    /// The area code under which commitments without an area (a countywide contract) count.
    public static let countywide = "countywide"

    public var objectives: [Line]
    public var funds: [Line]
    public var areas: [Line]
    /// Every commitment counted, once.
    public var total: OutcomeFigures
    /// The date final reports were judged overdue on.
    public var overdueOn: CalendarDate

    /// The kinds of reference data the projection keeps.
    public enum Reference: Sendable {
        case funds, objectives, areas

        var prefix: String {
            switch self {
            case .funds: return OutcomeKey.fundPrefix
            case .objectives: return OutcomeKey.objectivePrefix
            case .areas: return OutcomeKey.areaPrefix
            }
        }
    }

    /// Every fund, objective or area the ledger has defined, in code order.
    public static func defined(_ kind: Reference, _ rows: ProjectionRows) throws -> [ReferenceRow] {
        try rows.rows(ReferenceRow.self, prefix: kind.prefix).sorted { codeOrder($0.code, $1.code) }
    }

    /// Builds the report at `point`, judging final reports overdue on `overdueOn`.
    /// - Complexity: O(c + f) for the c commitments and the f facts about them.
    public static func build(
        _ rows: ProjectionRows, at point: PointInTime, overdueOn: CalendarDate, filter: Filter = Filter()
    ) throws -> OutcomesReport {
        let objectives = try references(.objectives, rows, point)
        let parents = Dictionary(uniqueKeysWithValues: objectives.map { ($0.code, $0.parentCode) })
        /// The objective codes a commitment counts under: those it names and their objectives.
        func countsUnder(_ commitment: CommitmentRow) -> Set<String> {
            Set(commitment.objectives + commitment.objectives.compactMap { parents[$0] ?? nil })
        }
        var statuses: [CommitmentStatus] = []
        for commitment in try rows.rows(CommitmentRow.self, prefix: OutcomeKey.commitmentPrefix)
        where point.counts(sequence: commitment.sequence, effective: commitment.effective) {
            guard filter.fundId.map({ $0 == commitment.fundId }) ?? true,
                filter.areaCode.map({ $0 == commitment.areaCode ?? countywide }) ?? true,
                filter.objective.map({ countsUnder(commitment).contains($0) }) ?? true
            else { continue }
            let facts = try rows.facts(CommitmentFact.self, prefix: OutcomeKey.facts(commitment.id))
            statuses.append(CommitmentStatus(commitment, facts: facts, at: point))
        }
        func lines(_ references: [Line], _ key: (CommitmentRow) -> Set<String>) -> [Line] {
            var figures: [String: OutcomeFigures] = [:]
            for status in statuses {
                for code in key(status.commitment) { figures[code, default: OutcomeFigures()].add(status, overdueOn: overdueOn) }
            }
            return references.map { line in
                var line = line
                line.figures = figures[line.code] ?? OutcomeFigures()
                return line
            }
        }
        var total = OutcomeFigures()
        for status in statuses { total.add(status, overdueOn: overdueOn) }
        let shownObjectives = objectives.filter { line in filter.objective.map { line.code == $0 || line.parentCode == $0 } ?? true }
        let funds = try references(.funds, rows, point).filter { line in filter.fundId.map { line.code == $0 } ?? true }
        var areas = try references(.areas, rows, point)
        if statuses.contains(where: { $0.commitment.areaCode == nil }) {
            areas.append(Line(code: countywide, name: "no area of its own (countywide)", figures: OutcomeFigures()))
        }
        return OutcomesReport(
            objectives: lines(shownObjectives, countsUnder), funds: lines(funds) { [$0.fundId] },
            areas: lines(areas.filter { line in filter.areaCode.map { line.code == $0 } ?? true }) { [$0.areaCode ?? countywide] },
            total: total, overdueOn: overdueOn)
    }

    /// The references of one kind recorded by `point`'s sequence, as rows without figures.
    private static func references(_ kind: Reference, _ rows: ProjectionRows, _ point: PointInTime) throws -> [Line] {
        try defined(kind, rows).compactMap { row in
            row.version(at: point).map { Line(code: row.code, name: $0.name, parentCode: $0.parentCode, figures: OutcomeFigures()) }
        }
    }

    /// Orders plan codes by their numbers (`3` < `3.1` < `3.10` < `4`), other codes as text.
    static func codeOrder(_ a: String, _ b: String) -> Bool {
        let x = a.split(separator: ".").map { Int($0) }, y = b.split(separator: ".").map { Int($0) }
        guard x.allSatisfy({ $0 != nil }), y.allSatisfy({ $0 != nil }) else { return a < b }
        return x.map { $0! }.lexicographicallyPrecedes(y.map { $0! })
    }
}
