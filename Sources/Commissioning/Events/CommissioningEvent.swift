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
    public static func decode(eventType: String, schemaVersion: UInt16, payload bytes: [UInt8]) throws -> CommissioningEvent {
        switch eventType {
        case ObjectiveDefined.eventType: return .objectiveDefined(try decodePayload(ObjectiveDefined.self, schemaVersion, bytes))
        case AreaDefined.eventType: return .areaDefined(try decodePayload(AreaDefined.self, schemaVersion, bytes))
        case ActorRegistered.eventType: return .actorRegistered(try decodePayload(ActorRegistered.self, schemaVersion, bytes))
        case RoleGranted.eventType: return .roleGranted(try decodePayload(RoleGranted.self, schemaVersion, bytes))
        case RoleRevoked.eventType: return .roleRevoked(try decodePayload(RoleRevoked.self, schemaVersion, bytes))
        case OrganisationRegistered.eventType: return .organisationRegistered(try decodePayload(OrganisationRegistered.self, schemaVersion, bytes))
        case FundEstablished.eventType: return .fundEstablished(try decodePayload(FundEstablished.self, schemaVersion, bytes))
        case FundRulesAmended.eventType: return .fundRulesAmended(try decodePayload(FundRulesAmended.self, schemaVersion, bytes))
        case AllocationRecorded.eventType: return .allocationRecorded(try decodePayload(AllocationRecorded.self, schemaVersion, bytes))
        case RoundOpened.eventType: return .roundOpened(try decodePayload(RoundOpened.self, schemaVersion, bytes))
        case RoundClosed.eventType: return .roundClosed(try decodePayload(RoundClosed.self, schemaVersion, bytes))
        case YearClosed.eventType: return .yearClosed(try decodePayload(YearClosed.self, schemaVersion, bytes))
        case MojReturnSubmitted.eventType: return .mojReturnSubmitted(try decodePayload(MojReturnSubmitted.self, schemaVersion, bytes))
        case BidSubmitted.eventType: return .bidSubmitted(try decodePayload(BidSubmitted.self, schemaVersion, bytes))
        case BidEndorsed.eventType: return .bidEndorsed(try decodePayload(BidEndorsed.self, schemaVersion, bytes))
        case EligibilityAssessed.eventType: return .eligibilityAssessed(try decodePayload(EligibilityAssessed.self, schemaVersion, bytes))
        case ConflictDeclared.eventType: return .conflictDeclared(try decodePayload(ConflictDeclared.self, schemaVersion, bytes))
        case BidScored.eventType: return .bidScored(try decodePayload(BidScored.self, schemaVersion, bytes))
        case PanelRecommended.eventType: return .panelRecommended(try decodePayload(PanelRecommended.self, schemaVersion, bytes))
        case GrantAwarded.eventType: return .grantAwarded(try decodePayload(GrantAwarded.self, schemaVersion, bytes))
        case BidDeclined.eventType: return .bidDeclined(try decodePayload(BidDeclined.self, schemaVersion, bytes))
        case BidWithdrawn.eventType: return .bidWithdrawn(try decodePayload(BidWithdrawn.self, schemaVersion, bytes))
        case AgreementSigned.eventType: return .agreementSigned(try decodePayload(AgreementSigned.self, schemaVersion, bytes))
        case TranchePaid.eventType: return .tranchePaid(try decodePayload(TranchePaid.self, schemaVersion, bytes))
        case ProgressReportReceived.eventType: return .progressReportReceived(try decodePayload(ProgressReportReceived.self, schemaVersion, bytes))
        case FinalReportReceived.eventType: return .finalReportReceived(try decodePayload(FinalReportReceived.self, schemaVersion, bytes))
        case FinalReportAccepted.eventType: return .finalReportAccepted(try decodePayload(FinalReportAccepted.self, schemaVersion, bytes))
        case FinalReportReturned.eventType: return .finalReportReturned(try decodePayload(FinalReportReturned.self, schemaVersion, bytes))
        case GrantClosed.eventType: return .grantClosed(try decodePayload(GrantClosed.self, schemaVersion, bytes))
        case GrantVaried.eventType: return .grantVaried(try decodePayload(GrantVaried.self, schemaVersion, bytes))
        case CommitmentReleased.eventType: return .commitmentReleased(try decodePayload(CommitmentReleased.self, schemaVersion, bytes))
        case FundsRecovered.eventType: return .fundsRecovered(try decodePayload(FundsRecovered.self, schemaVersion, bytes))
        case ContractLet.eventType: return .contractLet(try decodePayload(ContractLet.self, schemaVersion, bytes))
        case CommitmentPaymentRecorded.eventType: return .commitmentPaymentRecorded(try decodePayload(CommitmentPaymentRecorded.self, schemaVersion, bytes))
        case ContractReviewed.eventType: return .contractReviewed(try decodePayload(ContractReviewed.self, schemaVersion, bytes))
        case CommitmentVaried.eventType: return .commitmentVaried(try decodePayload(CommitmentVaried.self, schemaVersion, bytes))
        case CommitmentEnded.eventType: return .commitmentEnded(try decodePayload(CommitmentEnded.self, schemaVersion, bytes))
        case AccrualRecorded.eventType: return .accrualRecorded(try decodePayload(AccrualRecorded.self, schemaVersion, bytes))
        case PaymentReversed.eventType: return .paymentReversed(try decodePayload(PaymentReversed.self, schemaVersion, bytes))
        case AllocationReversed.eventType: return .allocationReversed(try decodePayload(AllocationReversed.self, schemaVersion, bytes))
        case AccrualReversed.eventType: return .accrualReversed(try decodePayload(AccrualReversed.self, schemaVersion, bytes))
        case ReportIssued.eventType: return .reportIssued(try decodePayload(ReportIssued.self, schemaVersion, bytes))
        default:
            throw PayloadDecodingError(eventType: eventType, detail: "not an event type of this ledger")
        }
    }

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
