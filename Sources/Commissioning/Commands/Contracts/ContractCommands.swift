/// The commands of this folder, for CommandRegistry.
enum ContractCommands {
    static let all: [any LedgerCommand.Type] = [
        LetContract.self, MakeAgreement.self, PayContract.self, ReviewContract.self, VaryContract.self, ExtendContract.self,
        EndContract.self, ReleaseContract.self, RecordAccrual.self,
    ]
}
