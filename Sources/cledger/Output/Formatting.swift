import LedgerStore

/// `1234567` as `1,234,567`.
func grouped(_ value: some BinaryInteger) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return (value < 0 ? "-" : "") + out
}

/// A size in bytes as people read it: `1.2 MiB (1,234,567 bytes)`.
func humanBytes(_ bytes: Int) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
        value /= 1024
        unit += 1
    }
    if unit == 0 { return "\(grouped(bytes)) bytes" }
    let rounded = (value * 10).rounded() / 10
    return "\(rounded) \(units[unit]) (\(grouped(bytes)) bytes)"
}

/// Aligned `label  value` lines.
func keyValueLines(_ rows: [(String, String)]) -> String {
    let width = rows.map(\.0.count).max() ?? 0
    return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
}

/// One readable line for an event in `cledger log`.
func logLine(_ e: Envelope) -> String {
    var line = "\(e.sequence)  \(e.recordedAt)  effective \(e.effectiveDate)  \(e.streamId) v\(e.streamVersion)"
    line += "  \(e.eventType)/\(e.schemaVersion)  by \(e.actor.id) as \(e.actor.role)  recorded by \(e.recordedBy)"
    if let key = e.idempotencyKey { line += "  key \(key)" }
    line += "  \(e.payload.count) bytes  hash \(String(e.hash.description.prefix(16)))"
    return line
}
