/// Every fact the commissioning ledger records: one case per event, a payload type per case
/// (each in its own file under Events/), each with its event type and schema version.
///
/// A shipped payload encoding is never edited: a change is a new schema version, decoded here
/// from the old one by an upcaster.
///
/// Indirect: each case's payload is boxed, so a copy of an event (each projection reads every
/// event it folds) costs a reference count, not the payload's bytes and one for each string.
public indirect enum CommissioningEvent: Sendable, Hashable {
    case objectiveDefined(ObjectiveDefined)
    case areaDefined(AreaDefined)
    case actorRegistered(ActorRegistered)
    case roleGranted(RoleGranted)
    case roleRevoked(RoleRevoked)
    case organisationRegistered(OrganisationRegistered)
    case fundEstablished(FundEstablished)
    case fundRulesAmended(FundRulesAmended)
    case allocationRecorded(AllocationRecorded)
    case roundOpened(RoundOpened)
    case roundClosed(RoundClosed)
    case yearClosed(YearClosed)
    case mojReturnSubmitted(MojReturnSubmitted)
    case bidSubmitted(BidSubmitted)
    case bidEndorsed(BidEndorsed)
    case eligibilityAssessed(EligibilityAssessed)
    case conflictDeclared(ConflictDeclared)
    case bidScored(BidScored)
    case panelRecommended(PanelRecommended)
    case grantAwarded(GrantAwarded)
    case bidDeclined(BidDeclined)
    case bidWithdrawn(BidWithdrawn)
    case agreementSigned(AgreementSigned)
    case tranchePaid(TranchePaid)
    case progressReportReceived(ProgressReportReceived)
    case finalReportReceived(FinalReportReceived)
    case finalReportAccepted(FinalReportAccepted)
    case finalReportReturned(FinalReportReturned)
    case grantClosed(GrantClosed)
    case grantVaried(GrantVaried)
    case commitmentReleased(CommitmentReleased)
    case fundsRecovered(FundsRecovered)
    case contractLet(ContractLet)
    case commitmentPaymentRecorded(CommitmentPaymentRecorded)
    case contractReviewed(ContractReviewed)
    case commitmentVaried(CommitmentVaried)
    case commitmentEnded(CommitmentEnded)
    case accrualRecorded(AccrualRecorded)
    case paymentReversed(PaymentReversed)
    case allocationReversed(AllocationReversed)
    case accrualReversed(AccrualReversed)
    case reportIssued(ReportIssued)

    /// The payload of this event.
    public var payload: any EventPayload {
        switch self {
        case let .objectiveDefined(p): return p
        case let .areaDefined(p): return p
        case let .actorRegistered(p): return p
        case let .roleGranted(p): return p
        case let .roleRevoked(p): return p
        case let .organisationRegistered(p): return p
        case let .fundEstablished(p): return p
        case let .fundRulesAmended(p): return p
        case let .allocationRecorded(p): return p
        case let .roundOpened(p): return p
        case let .roundClosed(p): return p
        case let .yearClosed(p): return p
        case let .mojReturnSubmitted(p): return p
        case let .bidSubmitted(p): return p
        case let .bidEndorsed(p): return p
        case let .eligibilityAssessed(p): return p
        case let .conflictDeclared(p): return p
        case let .bidScored(p): return p
        case let .panelRecommended(p): return p
        case let .grantAwarded(p): return p
        case let .bidDeclined(p): return p
        case let .bidWithdrawn(p): return p
        case let .agreementSigned(p): return p
        case let .tranchePaid(p): return p
        case let .progressReportReceived(p): return p
        case let .finalReportReceived(p): return p
        case let .finalReportAccepted(p): return p
        case let .finalReportReturned(p): return p
        case let .grantClosed(p): return p
        case let .grantVaried(p): return p
        case let .commitmentReleased(p): return p
        case let .fundsRecovered(p): return p
        case let .contractLet(p): return p
        case let .commitmentPaymentRecorded(p): return p
        case let .contractReviewed(p): return p
        case let .commitmentVaried(p): return p
        case let .commitmentEnded(p): return p
        case let .accrualRecorded(p): return p
        case let .paymentReversed(p): return p
        case let .allocationReversed(p): return p
        case let .accrualReversed(p): return p
        case let .reportIssued(p): return p
        }
    }

    /// Every payload type, for documentation and exhaustive tests.
    public static let payloadTypes: [any EventPayload.Type] = [
        ObjectiveDefined.self,
        AreaDefined.self,
        ActorRegistered.self,
        RoleGranted.self,
        RoleRevoked.self,
        OrganisationRegistered.self,
        FundEstablished.self,
        FundRulesAmended.self,
        AllocationRecorded.self,
        RoundOpened.self,
        RoundClosed.self,
        YearClosed.self,
        MojReturnSubmitted.self,
        BidSubmitted.self,
        BidEndorsed.self,
        EligibilityAssessed.self,
        ConflictDeclared.self,
        BidScored.self,
        PanelRecommended.self,
        GrantAwarded.self,
        BidDeclined.self,
        BidWithdrawn.self,
        AgreementSigned.self,
        TranchePaid.self,
        ProgressReportReceived.self,
        FinalReportReceived.self,
        FinalReportAccepted.self,
        FinalReportReturned.self,
        GrantClosed.self,
        GrantVaried.self,
        CommitmentReleased.self,
        FundsRecovered.self,
        ContractLet.self,
        CommitmentPaymentRecorded.self,
        ContractReviewed.self,
        CommitmentVaried.self,
        CommitmentEnded.self,
        AccrualRecorded.self,
        PaymentReversed.self,
        AllocationReversed.self,
        AccrualReversed.self,
        ReportIssued.self,
    ]

    /// Decodes a stored payload of `eventType` at `schemaVersion`.
    /// - Complexity: one hash of `eventType` (``decoders``), not a comparison with each type's name.
    public static func decode(eventType: String, schemaVersion: UInt16, payload bytes: [UInt8]) throws -> CommissioningEvent {
        guard let decoder = decoders[eventType] else {
            throw PayloadDecodingError(eventType: eventType, detail: "not an event type of this ledger")
        }
        return try decoder(schemaVersion, bytes)
    }

    /// The decoder of each event type's payload, by its stored name.
    private static let decoders: [String: @Sendable (UInt16, [UInt8]) throws -> CommissioningEvent] = [
        ObjectiveDefined.eventType: { .objectiveDefined(try decodePayload(ObjectiveDefined.self, $0, $1)) },
        AreaDefined.eventType: { .areaDefined(try decodePayload(AreaDefined.self, $0, $1)) },
        ActorRegistered.eventType: { .actorRegistered(try decodePayload(ActorRegistered.self, $0, $1)) },
        RoleGranted.eventType: { .roleGranted(try decodePayload(RoleGranted.self, $0, $1)) },
        RoleRevoked.eventType: { .roleRevoked(try decodePayload(RoleRevoked.self, $0, $1)) },
        OrganisationRegistered.eventType: { .organisationRegistered(try decodePayload(OrganisationRegistered.self, $0, $1)) },
        FundEstablished.eventType: { .fundEstablished(try decodePayload(FundEstablished.self, $0, $1)) },
        FundRulesAmended.eventType: { .fundRulesAmended(try decodePayload(FundRulesAmended.self, $0, $1)) },
        AllocationRecorded.eventType: { .allocationRecorded(try decodePayload(AllocationRecorded.self, $0, $1)) },
        RoundOpened.eventType: { .roundOpened(try decodePayload(RoundOpened.self, $0, $1)) },
        RoundClosed.eventType: { .roundClosed(try decodePayload(RoundClosed.self, $0, $1)) },
        YearClosed.eventType: { .yearClosed(try decodePayload(YearClosed.self, $0, $1)) },
        MojReturnSubmitted.eventType: { .mojReturnSubmitted(try decodePayload(MojReturnSubmitted.self, $0, $1)) },
        BidSubmitted.eventType: { .bidSubmitted(try decodePayload(BidSubmitted.self, $0, $1)) },
        BidEndorsed.eventType: { .bidEndorsed(try decodePayload(BidEndorsed.self, $0, $1)) },
        EligibilityAssessed.eventType: { .eligibilityAssessed(try decodePayload(EligibilityAssessed.self, $0, $1)) },
        ConflictDeclared.eventType: { .conflictDeclared(try decodePayload(ConflictDeclared.self, $0, $1)) },
        BidScored.eventType: { .bidScored(try decodePayload(BidScored.self, $0, $1)) },
        PanelRecommended.eventType: { .panelRecommended(try decodePayload(PanelRecommended.self, $0, $1)) },
        GrantAwarded.eventType: { .grantAwarded(try decodePayload(GrantAwarded.self, $0, $1)) },
        BidDeclined.eventType: { .bidDeclined(try decodePayload(BidDeclined.self, $0, $1)) },
        BidWithdrawn.eventType: { .bidWithdrawn(try decodePayload(BidWithdrawn.self, $0, $1)) },
        AgreementSigned.eventType: { .agreementSigned(try decodePayload(AgreementSigned.self, $0, $1)) },
        TranchePaid.eventType: { .tranchePaid(try decodePayload(TranchePaid.self, $0, $1)) },
        ProgressReportReceived.eventType: { .progressReportReceived(try decodePayload(ProgressReportReceived.self, $0, $1)) },
        FinalReportReceived.eventType: { .finalReportReceived(try decodePayload(FinalReportReceived.self, $0, $1)) },
        FinalReportAccepted.eventType: { .finalReportAccepted(try decodePayload(FinalReportAccepted.self, $0, $1)) },
        FinalReportReturned.eventType: { .finalReportReturned(try decodePayload(FinalReportReturned.self, $0, $1)) },
        GrantClosed.eventType: { .grantClosed(try decodePayload(GrantClosed.self, $0, $1)) },
        GrantVaried.eventType: { .grantVaried(try decodePayload(GrantVaried.self, $0, $1)) },
        CommitmentReleased.eventType: { .commitmentReleased(try decodePayload(CommitmentReleased.self, $0, $1)) },
        FundsRecovered.eventType: { .fundsRecovered(try decodePayload(FundsRecovered.self, $0, $1)) },
        ContractLet.eventType: { .contractLet(try decodePayload(ContractLet.self, $0, $1)) },
        CommitmentPaymentRecorded.eventType: { .commitmentPaymentRecorded(try decodePayload(CommitmentPaymentRecorded.self, $0, $1)) },
        ContractReviewed.eventType: { .contractReviewed(try decodePayload(ContractReviewed.self, $0, $1)) },
        CommitmentVaried.eventType: { .commitmentVaried(try decodePayload(CommitmentVaried.self, $0, $1)) },
        CommitmentEnded.eventType: { .commitmentEnded(try decodePayload(CommitmentEnded.self, $0, $1)) },
        AccrualRecorded.eventType: { .accrualRecorded(try decodePayload(AccrualRecorded.self, $0, $1)) },
        PaymentReversed.eventType: { .paymentReversed(try decodePayload(PaymentReversed.self, $0, $1)) },
        AllocationReversed.eventType: { .allocationReversed(try decodePayload(AllocationReversed.self, $0, $1)) },
        AccrualReversed.eventType: { .accrualReversed(try decodePayload(AccrualReversed.self, $0, $1)) },
        ReportIssued.eventType: { .reportIssued(try decodePayload(ReportIssued.self, $0, $1)) },
    ]

    private static func decodePayload<P: EventPayload>(_ type: P.Type, _ schemaVersion: UInt16, _ bytes: [UInt8]) throws -> P {
        guard schemaVersion == P.schemaVersion else {
            throw PayloadDecodingError(
                eventType: P.eventType, detail: "schema version \(schemaVersion); this build reads version \(P.schemaVersion)")
        }
        do {
            return try BinaryDecoder().decode(P.self, from: bytes)
        } catch {
            throw PayloadDecodingError(eventType: P.eventType, detail: "\(error)")
        }
    }
}
