import LedgerStore

/// A projection's rows as stored in the ledger, with the rows a fold has changed since held in
/// memory on top: what a report reads, and what a catch-up saves in its write.
final class StoredRows: OverlayRows {
    private let projection: String

    init(_ projection: String, reader: LedgerReader) {
        self.projection = projection
        super.init(
            backing: Backing(
                row: { try reader.projectionRow(projection, key: $0) },
                forEach: { prefix, body in
                    try reader.forEachProjectionRow(projection, prefix: Array(prefix.utf8)) { key, value in
                        try body(String(decoding: key, as: UTF8.self), value)
                    }
                }))
    }

    /// Saves the changed rows through `writer`, which must be a write on the same ledger.
    func save(through writer: LedgerWriter) throws {
        try encodeAll()
        for (key, value) in changed {
            try writer.setProjectionRow(projection, key: key, value: value)
        }
        clearChanged()
    }
}
