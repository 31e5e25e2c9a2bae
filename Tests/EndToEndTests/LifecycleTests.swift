import Commissioning
import Foundation
import LedgerStore
import Testing

/// Whole lifecycles run through `cledger` on a ledger in use for two financial years: each
/// command's output and exit status, then the streams `cledger log` shows, `cledger verify` and
/// the count `cledger info` gives.
@Suite("cledger lifecycles end to end")
struct LifecycleTests {
    typealias P = LedgerPeople
    static let first = LedgerPeople.firstYear
    static let second = LedgerPeople.firstYear.next

    /// "For the community and innovation funds a proportion of funding will be payable as the
    /// scheme is delivered. The balance of funding will be subject to the receipt of a final
    /// report that clearly demonstrates the outcomes and delivery of the project in line with
    /// the grant agreement."
    @Test("a Community Fund grant: fund, round, organisation, bid, panel with a conflict, award, tranches, reports, hold-back, close")
    func communityGrant() throws {
        let ledger = try CommissioningLedgerFixture(inUseSince: LedgerInUse.referenceLines)
        let (y1, y2) = (Self.first, Self.second)
        let last = try ledger.expectSteps([
            .init(P.officer, y1.date(4, 3), [
                "fund", "establish", "--id", "community", "--name", "Community Fund", "--kind", "community", "--grant-min", "1000.00",
                "--grant-max", "10000.00", "--pot", "300000.00", "--pot-first-year", "\(y1)", "--pot-last-year", "\(y1.next.next)",
                "--hold-back-percent", "20", "--panels-per-year", "2", "--eligible-type", "community-group,voluntary-group,charity,social-enterprise",
            ], prints: "established fund community (Community Fund) with rules from \(y1.date(4, 3))"),
            .init(P.officer, y1.date(4, 3), ["round", "open", "--fund", "community", "--closes-on", "\(y1.date(9, 30))", "--panel-date", "\(y1.date(10, 18))"],
                  prints: "opened round round-0001 of fund community: bids until \(y1.date(9, 30)), panel on \(y1.date(10, 18))"),
            .init(P.officer, y1.date(5, 2), ["org", "register", "--id", "eden-youth-trust", "--name", "Eden Youth Trust", "--type", "charity", "--area", P.westmorland],
                  prints: "registered organisation eden-youth-trust (Eden Youth Trust, charity)"),
            .init(P.officer, y1.date(9, 12), [
                "bid", "submit", "--fund", "community", "--round", "round-0001", "--org", "eden-youth-trust", "--title", "Friday night football",
                "--area", P.westmorland, "--amount", "7500.00", "--start", "\(y1.date(11, 1))", "--end", "\(y2.date(10, 31))", "--objective", "8.2",
                "--outcome", "young people engaged:participants:40", "--volunteer-hours", "300",
            ], prints: "recorded bid bid-0001: eden-youth-trust asks fund community for £7,500.00 for 'Friday night football'"),
            .init(P.officer, y1.date(10, 2), ["bid", "assess", "--bid", "bid-0001", "--eligible", "--reason", "a charity in Eden; objective 8.2"],
                  prints: "assessed bid-0001 as eligible: a charity in Eden; objective 8.2"),
            .init(P.panel2, y1.date(10, 18), ["bid", "declare-conflict", "--bid", "bid-0001", "--nature", "trustee of the applicant"],
                  prints: "recorded that panel-2 has a conflict of interest in bid-0001 (trustee of the applicant) and takes no part in it"),
            .init(P.panel, y1.date(10, 18), ["bid", "score", "--bid", "bid-0001", "--score", "outcomes:4", "--score", "benefits-in-kind:5", "--score", "value-for-money:3"],
                  prints: "recorded panel-1's scores of bid-0001: 12 of 15 on 3 criteria"),
            .init(P.chair, y1.date(10, 18), ["bid", "score", "--bid", "bid-0001", "--score", "outcomes:5", "--score", "benefits-in-kind:4", "--score", "value-for-money:4"],
                  prints: "recorded chair-1's scores of bid-0001: 13 of 15 on 3 criteria"),
            .init(P.chair, y1.date(10, 18), ["bid", "recommend", "--bid", "bid-0001", "--decision", "fund", "--rationale", "clear outcomes; 300 volunteer hours"],
                  prints: "recorded the panel's recommendation to fund bid-0001 with £7,500.00"),
            .init(P.decisionMaker, y1.date(10, 25), [
                "bid", "award", "--bid", "bid-0001", "--amount", "7500.00", "--tranche", "\(y1.date(11, 1)):6000.00",
                "--final-tranche", "\(y2.date(11, 30)):1500.00", "--condition", "evidence attendance",
            ], prints: "awarded grant grant-0001 of £7,500.00 on bid-0001 to eden-youth-trust, in 2 tranches"),
            .init(P.officer, y1.date(10, 30), ["grant", "sign", "--grant", "grant-0001"], prints: "recorded the signed agreement of grant-0001 with eden-youth-trust"),
            .init(P.finance, y1.date(11, 1), ["grant", "pay", "--grant", "grant-0001", "--tranche", "1", "--payment-ref", "PAY-104233", "--invoice-ref", "EYT-CLAIM-1"],
                  prints: "recorded payment PAY-104233 of £6,000.00 on tranche 1 of grant-0001 (opcc, \(y1)); £0.00 of the tranche is left to pay"),
            .init(P.officer, y1.date(3, 10), ["grant", "progress-report", "--grant", "grant-0001", "--summary", "16 sessions run, 31 young people attending"],
                  prints: "recorded a progress report on grant-0001"),
            .init(P.officer, y2.date(11, 5), [
                "grant", "final-report", "--grant", "grant-0001", "--outcome", "young people engaged:40:52", "--evidence", "attendance registers",
                "--learning", "presented to the county youth forum",
            ], prints: "recorded the final report of grant-0001: 1 of 1 outcome met or exceeded"),
            .init(P.officer, y2.date(11, 12), ["grant", "accept-report", "--grant", "grant-0001"],
                  prints: "accepted the final report of grant-0001; the held-back £1,500.00 may now be paid"),
            .init(P.finance, y2.date(11, 30), ["grant", "pay", "--grant", "grant-0001", "--tranche", "2", "--payment-ref", "PAY-104990", "--invoice-ref", "EYT-CLAIM-2"],
                  prints: "recorded payment PAY-104990 of £1,500.00 on tranche 2 of grant-0001 (opcc, \(y2)); £0.00 of the tranche is left to pay"),
            .init(P.officer, y2.date(12, 1), ["grant", "close", "--grant", "grant-0001"], prints: "closed grant-0001: awarded £7,500.00, paid £7,500.00, released £0.00"),
        ])
        #expect(try ledger.streamLog("bid-0001") == [
            "\(y1.date(9, 12)) BidSubmitted/1 by officer-1 as commissioning-officer",
            "\(y1.date(10, 2)) EligibilityAssessed/1 by officer-1 as commissioning-officer",
            "\(y1.date(10, 18)) ConflictDeclared/1 by panel-2 as panel-member",
            "\(y1.date(10, 18)) BidScored/1 by panel-1 as panel-member",
            "\(y1.date(10, 18)) BidScored/1 by chair-1 as panel-member",
            "\(y1.date(10, 18)) PanelRecommended/1 by chair-1 as panel-member",
            "\(y1.date(10, 25)) GrantAwarded/1 by dm-1 as decision-maker",
        ])
        #expect(try ledger.streamLog("grant-0001") == [
            "\(y1.date(10, 30)) AgreementSigned/1 by officer-1 as commissioning-officer",
            "\(y1.date(11, 1)) TranchePaid/1 by finance-1 as finance-officer",
            "\(y1.date(3, 10)) ProgressReportReceived/1 by officer-1 as commissioning-officer",
            "\(y2.date(11, 5)) FinalReportReceived/1 by officer-1 as commissioning-officer",
            "\(y2.date(11, 12)) FinalReportAccepted/1 by officer-1 as commissioning-officer",
            "\(y2.date(11, 30)) TranchePaid/1 by finance-1 as finance-officer",
            "\(y2.date(12, 1)) GrantClosed/1 by officer-1 as commissioning-officer",
        ])
        try ledger.expectVerified(events: last)
    }

    /// "The Commissioner receives a specific ring-fenced Victims Services Grants from the
    /// Ministry of Justice to commission a wide range of services for victims."
    @Test("a two-year victims' contract: MoJ allocations, let with an OPCC top-up, quarterly payments, review, accrual, ended")
    func victimsContract() throws {
        let ledger = try CommissioningLedgerFixture(inUseSince: LedgerInUse.referenceLines + LedgerInUse.fundLines)
        let (y1, y2) = (Self.first, Self.second)
        func allocate(_ year: FinancialYear, _ source: String, _ amount: String, _ sequence: Int) -> LifecycleStep {
            .init(P.finance, y1.date(4, 1), ["allocation", "record", "--fund", "victims", "--amount", amount, "--source", source, "--year", "\(year)", "--reference", "\(source) \(year)"],
                  prints: "recorded allocation allocation-000\(sequence): £\(amount) of \(source) money to fund victims for \(year)")
        }
        func pay(_ on: CalendarDate, _ reference: String, _ line: String) -> LifecycleStep {
            .init(P.finance, on, ["contract", "pay", "--contract", "contract-0001", "--payment-ref", reference, "--invoice-ref", "VS-" + reference, "--net", "31250.00", "--vat", "6250.00"],
                  prints: "recorded payment \(reference) of £31,250.00 net (VAT £6,250.00) on contract-0001 to victim-support: \(line) £31,250.00")
        }
        let profile = "\(y1) moj £93,750.00, \(y1) opcc £31,250.00, \(y2) moj £93,750.00, \(y2) opcc £31,250.00"
        let last = try ledger.expectSteps([
            allocate(y1, "moj", "150,000.00", 1), allocate(y2, "moj", "150,000.00", 2),
            allocate(y1, "opcc", "31,250.00", 3), allocate(y2, "opcc", "31,250.00", 4),
            .init(P.officer, y1.date(4, 3), [
                "contract", "let", "--fund", "victims", "--provider", "victim-support", "--service", "Victims' referral and assessment service",
                "--value", "250000.00", "--start", "\(y1.date(4, 3))", "--end", "\(y2.lastDay)", "--objective", "5.1", "--kpi", "referrals-assessed:1200",
                "--profile", "\(y1):moj:93750.00", "--profile", "\(y1):opcc:31250.00", "--profile", "\(y2):moj:93750.00", "--profile", "\(y2):opcc:31250.00",
            ], prints: "let contract-0001 with victim-support for 'Victims' referral and assessment service': £250,000.00 from \(y1.date(4, 3)) to \(y2.lastDay) (\(profile))"),
            pay(y1.date(7, 10), "PAY-Q1", "\(y1) moj"), pay(y1.date(10, 10), "PAY-Q2", "\(y1) moj"), pay(y1.date(1, 10), "PAY-Q3", "\(y1) moj"),
            .init(P.officer, y1.date(3, 20), [
                "contract", "review", "--contract", "contract-0001", "--period", "\(y1)", "--kpi-actual", "referrals-assessed:1187",
                "--feedback-responses", "212", "--feedback-satisfied", "197", "--victims-code-compliant", "--rating", "good",
            ], prints: "recorded review of contract-0001 for \(y1): good"),
            .init(P.finance, y1.lastDay, ["accrual", "record", "--contract", "contract-0001", "--amount", "31250.00", "--year", "\(y1)", "--description", "Q4 service, invoiced in April"],
                  prints: "recorded accrual accrual-0001 of £31,250.00 on contract-0001 for \(y1) (opcc)"),
            pay(y2.date(7, 10), "PAY-Q5", "\(y2) moj"), pay(y2.date(10, 10), "PAY-Q6", "\(y2) moj"), pay(y2.date(1, 10), "PAY-Q7", "\(y2) moj"),
            pay(y2.date(3, 25), "PAY-Q8", "\(y2) opcc"),
            .init(P.officer, y2.lastDay, ["contract", "end", "--contract", "contract-0001", "--reason", "term completed"],
                  prints: "ended contract-0001; £31,250.00 of its profile is unpaid: release what will not be paid with `cledger contract release`"),
        ])
        #expect(try ledger.streamLog("contract-0001").map { $0.split(separator: " ")[1] } == [
            "ContractLet/1", "CommitmentPaymentRecorded/1", "CommitmentPaymentRecorded/1", "CommitmentPaymentRecorded/1", "ContractReviewed/1",
            "AccrualRecorded/1", "CommitmentPaymentRecorded/1", "CommitmentPaymentRecorded/1", "CommitmentPaymentRecorded/1",
            "CommitmentPaymentRecorded/1", "CommitmentEnded/1",
        ])
        try ledger.expectVerified(events: last)
    }

    /// "The partnership fund recognises that our partners are uniquely placed through their
    /// links to local communities and the services they deliver to act as the lead agency to
    /// commission and deliver local services".
    @Test("a partnership agreement with a county council as lead agency: made, paid, reviewed, ended")
    func partnershipAgreement() throws {
        let ledger = try CommissioningLedgerFixture(inUseSince: LedgerInUse.referenceLines + LedgerInUse.fundLines)
        let y1 = Self.first
        func pay(_ on: CalendarDate, _ claim: Int) -> LifecycleStep {
            .init(P.finance, on, ["contract", "pay", "--contract", "agreement-0001", "--payment-ref", "PAY-CCC-\(claim)", "--invoice-ref", "CCC-CLAIM-\(claim)", "--net", "30000.00"],
                  prints: "recorded payment PAY-CCC-\(claim) of £30,000.00 net (VAT £0.00) on agreement-0001 to cumbria-cc: \(y1) opcc £30,000.00")
        }
        let last = try ledger.expectSteps([
            .init(P.finance, y1.date(4, 1), ["allocation", "record", "--fund", "partnership", "--amount", "60000.00", "--source", "opcc"],
                  prints: "recorded allocation allocation-0001: £60,000.00 of opcc money to fund partnership for \(y1)"),
            .init(P.officer, y1.date(4, 3), [
                "agreement", "make", "--fund", "partnership", "--provider", "cumbria-cc", "--service", "Domestic abuse outreach", "--value", "60000.00",
                "--start", "\(y1.date(4, 3))", "--end", "\(y1.lastDay)", "--objective", "3.1", "--kpi", "households-supported:150", "--profile", "\(y1):opcc:60000.00",
            ], prints: "made agreement-0001 with cumbria-cc for 'Domestic abuse outreach': £60,000.00 from \(y1.date(4, 3)) to \(y1.lastDay) (\(y1) opcc £60,000.00)"),
            pay(y1.date(9, 30), 1),
            .init(P.officer, y1.date(3, 20), [
                "contract", "review", "--contract", "agreement-0001", "--period", "\(y1)", "--kpi-actual", "households-supported:162", "--rating", "good",
            ], prints: "recorded review of agreement-0001 for \(y1): good"),
            pay(y1.date(3, 25), 2),
            .init(P.officer, y1.lastDay, ["contract", "end", "--contract", "agreement-0001", "--reason", "term completed"], prints: "ended agreement-0001"),
        ])
        #expect(try ledger.streamLog("agreement-0001") == [
            "\(y1.date(4, 3)) ContractLet/1 by officer-1 as commissioning-officer",
            "\(y1.date(9, 30)) CommitmentPaymentRecorded/1 by finance-1 as finance-officer",
            "\(y1.date(3, 20)) ContractReviewed/1 by officer-1 as commissioning-officer",
            "\(y1.date(3, 25)) CommitmentPaymentRecorded/1 by finance-1 as finance-officer",
            "\(y1.lastDay) CommitmentEnded/1 by officer-1 as commissioning-officer",
        ])
        try ledger.expectVerified(events: last)
    }
}
