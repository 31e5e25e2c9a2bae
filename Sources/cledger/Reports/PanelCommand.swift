import ArgumentParser
import Commissioning
import LedgerStore
import Projections

/// `cledger report panel --round ID`: one funding round's bids, scores, conflicts, ranking,
/// recommendations and decisions.
struct PanelCommand: IssuableReport {
    static let configuration = CommandConfiguration(
        commandName: "panel",
        abstract: "Panel summary of one round: each bid's scores by member and criterion, conflicts, ranking, recommendation and decision.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ReportOptions

    @Option(help: "The funding round (its id, such as round-0001).")
    var round: String?

    func run() throws { try runReport() }

    func render(pinnedHead: UInt64?) throws -> String {
        try withProjection(global, PanelProjection.self) { rows, reader in
            let point = try options.pointInTime(reader, pinned: pinnedHead)
            let rounds = try PanelReport.rounds(rows).map(\.roundId)
            guard let round else {
                throw CommandFailure(message: "panel: give --round ID; the rounds are \(rounds.isEmpty ? "none yet" : rounds.joined(separator: ", "))")
            }
            try requireKnown(round, option: "--round", kind: "round", known: rounds)
            let report = try PanelReport.build(rows, roundId: round, at: point)!
            return try Self.output(report, options: options, reader: reader, point: point, pinned: pinnedHead).rendered(as: options.format)
        }
    }

    static let bidColumns: [ReportOutput.Column] = [
        .init(field: "rank", heading: "rank", isMoney: true), .init(field: "bid", heading: "bid"),
        .init(field: "organisation", heading: "organisation"), .init(field: "title", heading: "title"),
        .init(field: "requested", heading: "requested", isMoney: true), .init(field: "scoredBy", heading: "scored by", isMoney: true),
        .init(field: "averageScore", heading: "average", isMoney: true), .init(field: "conflicts", heading: "conflicts", isMoney: true),
        .init(field: "recommendation", heading: "recommended"), .init(field: "recommendedAmount", heading: "amount", isMoney: true),
        .init(field: "decision", heading: "decision"), .init(field: "awardedAmount", heading: "awarded", isMoney: true),
        .init(field: "grant", heading: "grant"),
    ]

    /// The scores section's columns: the bid, the member, one per criterion scored in the round, the total and any conflict.
    static func scoreColumns(_ criteria: [String]) -> [ReportOutput.Column] {
        [.init(field: "bid", heading: "bid"), .init(field: "member", heading: "member")]
            + criteria.map { .init(field: $0, heading: $0, isMoney: true) }
            + [.init(field: "total", heading: "total", isMoney: true), .init(field: "conflict", heading: "conflict declared")]
    }

    static func bidRow(_ bid: PanelReport.Bid) -> [ReportOutput.Cell] {
        let decision: (String, Money?, String?)
        switch bid.decision {
        case .pending: decision = ("pending", nil, nil)
        case let .awarded(grantId, amount): decision = ("awarded", amount, grantId)
        case .declined: decision = ("declined", nil, nil)
        case .withdrawn: decision = ("withdrawn", nil, nil)
        }
        func text(_ value: String?) -> ReportOutput.Cell { value.map(ReportOutput.Cell.text) ?? .none }
        return [
            text(bid.rank.map(String.init)), .text(bid.bid.bidId), .text(bid.bid.organisationId), .text(bid.bid.title),
            .money(bid.bid.amountRequested), .text(String(bid.totals.count)), text(bid.average),
            .text(String(bid.members.filter { $0.conflict != nil }.count)), text(bid.recommendation.map { $0.fund ? "fund" : "decline" }),
            bid.recommendation?.amount.map(ReportOutput.Cell.money) ?? .none, .text(decision.0), decision.1.map(ReportOutput.Cell.money) ?? .none,
            text(decision.2),
        ]
    }

    static func scoreRows(_ bid: PanelReport.Bid, criteria: [String]) -> [[ReportOutput.Cell]] {
        bid.members.map { member in
            let scores = criteria.map { criterion in
                member.scores.first { $0.criterion == criterion }.map { ReportOutput.Cell.text(String($0.score)) } ?? .none
            }
            return [.text(bid.bid.bidId), .text(member.memberId)] + scores
                + [member.total.map { .text(String($0)) } ?? .none, member.conflict.map(ReportOutput.Cell.text) ?? .none]
        }
    }

    static func output(
        _ report: PanelReport, options: ReportOptions, reader: LedgerReader, point: PointInTime, pinned: UInt64?
    ) throws -> ReportOutput {
        let round = report.round
        var provenance = try options.provenanceFields(reader, point, pinned: pinned)
        provenance += [("round", round.roundId), ("fund", round.fundId), ("closesOn", round.closesOn.description), ("panelDate", round.panelDate.description)]
        return ReportOutput(
            report: "panel", columns: bidColumns,
            sections: [
                .init(name: "bids", title: "Bids, ranked by average score", rows: report.bids.map(bidRow)),
                .init(
                    name: "scores", title: "Scores by panel member and criterion",
                    rows: report.bids.flatMap { scoreRows($0, criteria: report.criteria) }, columns: scoreColumns(report.criteria)),
            ],
            provenance: provenance,
            headerLines: ["Panel summary of \(round.roundId)"] + (try options.provenance(reader, point, pinned: pinned))
                + ["fund         \(round.fundId)", "closed       \(round.closesOn) (last day for bids)", "panel date   \(round.panelDate)"],
            footerLines: [
                "",
                "A bid's average is the mean of the totals of the members who scored it; equal averages share a rank.",
                "A member who declared a conflict of interest in a bid does not score it.",
            ])
    }
}
