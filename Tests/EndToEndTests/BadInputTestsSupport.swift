import Commissioning
import LedgerStore

/// The ledger in use that the decision-level bad-input cases are refused on, as import lines
/// dated the first day of ``LedgerPeople/firstYear`` unless they say otherwise:
/// - bid-0001: a Property Fund bid from Carlisle Neighbourhood Watch, recommended, not endorsed;
/// - bid-0002: a Community Fund bid recommended, panel-2 and chair-1 having declared a conflict;
/// - bid-0003 and grant-0001: £7,500 awarded by dm-1 (£6,000, then £1,500 held back), signed,
///   £1,000 of tranche 1 paid under PAY-0001, its final report received and not accepted;
/// - bid-0004 to bid-0032: 29 awards of £10,000 that leave £2,500 of the Community Fund's pot;
/// - bid-0033: £2,600 asked and recommended;
/// - this year's MoJ allocation to the Victims' Services Fund, £100,000;
/// - the first financial year closed.
enum BadInputLedger {
    typealias P = LedgerPeople
    static var firstYear: FinancialYear { P.firstYear }
    static var thisYear: FinancialYear { FinancialYear(containing: CommissioningLedgerFixture.today) }
    /// Awards of the largest grant that leave £2,500.00 of the pot.
    static let potFillingAwards = 29

    /// A bid submission line.
    static func bid(_ fund: String, _ org: String, _ amount: String, objective: String = "8.2") -> String {
        importLine("bid submit", [
            "fund": .text(fund), "org": .text(org), "title": "Summer activities", "area": .text(P.cumberland), "amount": .text(amount),
            "start": .text("\(firstYear.date(5, 1))"), "end": .text("\(firstYear.lastDay)"), "objective": .list([objective]),
        ])
    }

    static func assess(_ bid: String) -> String {
        importLine("bid assess", ["bid": .text(bid), "eligible": true, "reason": "meets the fund's criteria"])
    }

    static func recommend(_ bid: String) -> String {
        importLine("bid recommend", actor: P.panel, ["bid": .text(bid), "decision": "fund", "rationale": "clear outcomes"])
    }

    static func award(_ bid: String, _ amount: String) -> String {
        importLine("bid award", actor: P.decisionMaker, ["bid": .text(bid), "amount": .text(amount)])
    }

    /// Closes the first financial year on the first day of the next.
    static var closeFirstYear: String {
        importLine("year close", actor: P.finance, on: firstYear.next.firstDay, ["year": .text("\(firstYear)")])
    }

    /// Everything the cases need, after the reference data and funds.
    static var lines: [String] {
        let potFilling = (0..<potFillingAwards).flatMap { index -> [String] in
            let id = String(format: "bid-%04d", 4 + index)
            return [bid("community", "keswick-youth-club", "10000.00"), assess(id), recommend(id), award(id, "10000.00")]
        }
        return LedgerInUse.referenceLines + LedgerInUse.fundLines + [
            importLine("allocation record", actor: P.finance, [
                "fund": "property", "amount": "10000.00", "source": "property-proceeds", "year": .text("\(firstYear)"),
            ]),
            bid("property", "carlisle-watch", "2000.00", objective: "3.1"), assess("bid-0001"), recommend("bid-0001"),
            bid("community", "keswick-youth-club", "7500.00"), assess("bid-0002"),
            importLine("bid declare-conflict", actor: P.panel2, ["bid": "bid-0002", "nature": "trustee of the applicant"]),
            importLine("bid declare-conflict", actor: P.chair, ["bid": "bid-0002", "nature": "coaches at the club"]),
            recommend("bid-0002"),
            bid("community", "keswick-youth-club", "7500.00"), assess("bid-0003"), recommend("bid-0003"), award("bid-0003", "7500.00"),
            importLine("grant sign", ["grant": "grant-0001"]),
            importLine("grant pay", actor: P.finance, [
                "grant": "grant-0001", "tranche": 1, "amount": "1000.00", "payment-ref": "PAY-0001", "invoice-ref": "KYC-CLAIM-1",
            ]),
            importLine("grant final-report", ["grant": "grant-0001", "outcome": ["young people engaged:40:12"]]),
        ] + potFilling + [
            bid("community", "keswick-youth-club", "2600.00"), assess("bid-0033"), recommend("bid-0033"),
            importLine("allocation record", actor: P.finance, on: CommissioningLedgerFixture.today, [
                "fund": "victims", "amount": "100000.00", "source": "moj", "year": .text("\(thisYear)"),
            ]),
            closeFirstYear,
        ]
    }
}

/// The arguments of the decision-level cases.
extension BadInputTests {
    /// The quotation a Property Fund endorsement refusal gives.
    static let endorsementRule = #""Groups must have the support of a Police Officer or Police Community Support Officer (PCSO) within their local area""#

    /// A payment of `tranche` of grant-0001 under `reference`.
    static func pay(tranche: Int, reference: String, amount: String? = nil) -> [String] {
        ["grant", "pay", "--grant", "grant-0001", "--tranche", "\(tranche)", "--payment-ref", reference, "--invoice-ref", "KYC-CLAIM-2"]
            + (amount.map { ["--amount", $0] } ?? [])
    }

    /// A contract or agreement of `value` from today to the end of this financial year, all of
    /// it from `source`.
    static func commitment(_ group: String, _ command: String, fund: String, provider: String, objective: String, source: String, value: String) -> [String] {
        let year = BadInputLedger.thisYear
        return [
            group, command, "--fund", fund, "--provider", provider, "--service", "Advocacy", "--value", value, "--start", "\(today)",
            "--end", "\(year.lastDay)", "--objective", objective, "--profile", "\(year):\(source):\(value)",
        ]
    }
}
