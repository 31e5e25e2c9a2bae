/// The commands of this folder, for CommandRegistry.
enum GrantCommands {
    static let all: [any LedgerCommand.Type] = [
        SignAgreement.self, PayTranche.self, RecordProgressReport.self, RecordFinalReport.self, AcceptFinalReport.self,
        ReturnFinalReport.self, CloseGrant.self, VaryGrant.self, ReleaseCommitment.self, RecoverFunds.self,
    ]
}
