import Foundation

extension LedgerStore {
    /// A hot, compacted copy of the ledger into the directory `destination` (new or empty),
    /// through LMDB's own copy function in a read transaction, then opened and verified.
    /// - Returns: the verification of the copy.
    public func backup(to destination: String) throws -> VerificationReport {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: destination, isDirectory: &isDirectory) {
            let contents = (try? files.contentsOfDirectory(atPath: destination)) ?? ["?"]
            guard isDirectory.boolValue, contents.isEmpty else {
                throw LedgerError.backupDestinationNotEmpty(path: destination)
            }
        } else {
            do {
                try files.createDirectory(atPath: destination, withIntermediateDirectories: true)
            } catch {
                throw LedgerError.storage(detail: "cannot create \(destination): \(error.localizedDescription)")
            }
        }
        do {
            try environment.copy(to: destination)
        } catch let error as LMDBError {
            throw Self.mapped(error, path: path)
        }
        var copyOptions = options
        copyOptions.readOnly = true
        return try LedgerStore(path: destination, options: copyOptions).verify()
    }
}
