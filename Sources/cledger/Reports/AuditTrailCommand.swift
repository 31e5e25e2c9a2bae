import ArgumentParser
import LedgerStore
import Projections

/// `cledger report audit-trail`: the verified history of one bid, grant, contract, fund,
/// organisation or actor.
struct AuditTrailCommand: IssuableReport {
    static let configuration = CommandConfiguration(
        commandName: "audit-trail",
        abstract: "Every event of one bid, grant, contract, fund, organisation or actor, in order, with its hash checked.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ReportOptions

    @Option(help: "A bid, and the grant awarded on it.") var bid: String?
    @Option(help: "A grant, and the bid it was awarded on.") var grant: String?
    @Option(help: "A contract or partnership agreement.") var contract: String?
    @Option(help: "A fund: its own events and those of its bids, grants and contracts.") var fund: String?
    @Option(help: "An organisation: its own events and those of its bids, grants and contracts.") var org: String?
    @Option(help: "An actor: every event attributed to them.") var actor: String?

    /// The one subject given.
    func subject() throws -> AuditSubject {
        let given: [(String, String?, (String) -> AuditSubject)] = [
            ("--bid", bid, AuditSubject.entity), ("--grant", grant, AuditSubject.entity), ("--contract", contract, AuditSubject.entity),
            ("--fund", fund, AuditSubject.fund), ("--org", org, AuditSubject.organisation), ("--actor", actor, AuditSubject.actor),
        ]
        let present = given.filter { $0.1 != nil }
        guard present.count == 1, let (_, id, subject) = present.first, let id else {
            let named = present.isEmpty ? "none was given" : present.map(\.0).joined(separator: " and ") + " were given"
            throw CommandFailure(message: "audit-trail: give exactly one of --bid, --grant, --contract, --fund, --org or --actor (\(named))")
        }
        return subject(id)
    }

    func run() throws { try runReport() }

    func render(pinnedHead: UInt64?) throws -> String {
        let subject = try subject()
        return try withProjection(global, AuditIndexProjection.self) { rows, reader in
            guard try AuditTrailReport.knows(subject, rows) else {
                throw CommandFailure(message: "audit-trail: \(subject) has no events in this ledger; check the id (cledger log lists the streams)")
            }
            let point = try options.pointInTime(reader, pinned: pinnedHead)
            let report = try AuditTrailReport.build(rows, reader, subject: subject, at: point)
            return try Self.output(report, options: options, reader: reader, point: point, pinned: pinnedHead).rendered(as: options.format)
        }
    }

    static let columns: [ReportOutput.Column] = [
        .init(field: "sequence", heading: "seq"), .init(field: "recordedAt", heading: "recorded at"),
        .init(field: "recordedBy", heading: "recorded by"), .init(field: "effectiveDate", heading: "effective"),
        .init(field: "actor", heading: "actor"), .init(field: "role", heading: "role"), .init(field: "stream", heading: "stream"),
        .init(field: "eventType", heading: "event"), .init(field: "rules", heading: "rules in force"),
        .init(field: "hash", heading: "hash"), .init(field: "hashHolds", heading: "chain"), .init(field: "details", heading: "what was recorded"),
    ]

    static func output(
        _ report: AuditTrailReport, options: ReportOptions, reader: LedgerReader, point: PointInTime, pinned: UInt64?
    ) throws -> ReportOutput {
        let table = options.format == .table
        let rows: [[ReportOutput.Cell]] = report.entries.map { e in
            [
                .text(String(e.sequence)), .text(e.recordedAt.description), .text(e.recordedBy), .text(e.effectiveDate.description),
                .text(e.actor.id), .text(e.actor.role), .text(e.streamId), .text(e.eventType), e.rules.map(ReportOutput.Cell.text) ?? .none,
                .text(table ? String(e.hash.description.prefix(16)) : e.hash.description), .text(table ? (e.hashHolds ? "ok" : "ALTERED") : String(e.hashHolds)),
                .text(e.details),
            ]
        }
        let altered = report.entries.filter { !$0.hashHolds }.map { String($0.sequence) }
        let verdict =
            altered.isEmpty
            ? "All \(report.entries.count) events shown were checked against the hash chain: each is as it was appended."
            : "Events \(altered.joined(separator: ", ")) do NOT hash to their stored hashes: the ledger was altered; run cledger verify."
        var provenance = try options.provenanceFields(reader, point, pinned: pinned)
        provenance.append(("subject", report.subject.description))
        provenance.append(("hashesChecked", String(report.entries.count)))
        provenance.append(("allHashesHold", String(report.allHashesHold)))
        return ReportOutput(
            report: "audit-trail", columns: columns, sections: [.init(name: "events", title: "Events of \(report.subject)", rows: rows)],
            provenance: provenance, headerLines: ["Audit trail of \(report.subject)"] + (try options.provenance(reader, point, pinned: pinned)),
            footerLines: ["", verdict])
    }
}
