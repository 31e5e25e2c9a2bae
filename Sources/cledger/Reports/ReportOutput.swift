import Commissioning

/// A report's figures in one shape for all three formats: named columns, and sections of rows
/// that share them (docs/reports.md).
struct ReportOutput {
    /// A column: its field name in JSON and CSV, its heading in a table, and how it aligns.
    struct Column {
        var field: String
        var heading: String
        var isMoney = false
    }

    /// A cell: text, money, or nothing.
    enum Cell {
        case text(String)
        case money(Money)
        case none

        /// The value in JSON and CSV: money plain (`1234.56`), nothing as nil.
        var plain: String? {
            switch self {
            case let .text(text): return text
            case let .money(money): return money.plain
            case .none: return nil
            }
        }

        /// The value in a table: money as `£1,234.56`.
        var readable: String {
            switch self {
            case let .text(text): return text
            case let .money(money): return money.description
            case .none: return "—"
            }
        }
    }

    /// Rows under one title, with an optional totals row, in the report's columns or its own.
    struct Section {
        var name: String
        var title: String
        var rows: [[Cell]]
        var totals: [Cell]?
        /// This section's columns, when they are not the report's.
        var columns: [Column]?
    }

    var report: String
    var columns: [Column]
    var sections: [Section]
    /// What the report was built from: the ledger head, the point in time.
    var provenance: [(field: String, value: String?)]
    /// Lines for people above the table (the head, the point in time).
    var headerLines: [String]
    /// Lines for people below the table.
    var footerLines: [String] = []

    /// The sum of the money column `field` over `rows`, for a totals row.
    static func total(_ rows: [[Cell]], column index: Int) -> Money {
        rows.reduce(Money.zero) { sum, row in
            if case let .money(m) = row[index] { return sum + m }
            return sum
        }
    }

    func rendered(as format: ReportFormat) -> String {
        switch format {
        case .table: return table()
        case .json: return json()
        case .csv: return csv()
        }
    }

    private func table() -> String {
        var out = headerLines
        for section in sections {
            out.append("")
            out.append(section.title)
            let columns = section.columns ?? self.columns
            let body = section.rows + (section.totals.map { [$0] } ?? [])
            let cells = [columns.map(\.heading)] + body.map { $0.map(\.readable) }
            let widths = columns.indices.map { i in cells.map { $0[i].count }.max() ?? 0 }
            func line(_ row: [String]) -> String {
                columns.indices.map { i in
                    let pad = String(repeating: " ", count: widths[i] - row[i].count)
                    return columns[i].isMoney ? pad + row[i] : row[i] + pad
                }.joined(separator: "  ").replacing(/\s+$/, with: "")
            }
            out.append(line(cells[0]))
            out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
            for (n, row) in cells.dropFirst().enumerated() {
                if section.totals != nil && n == body.count - 1 {
                    out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
                }
                out.append(line(row))
            }
            if section.rows.isEmpty { out.append("(none)") }
        }
        return (out + footerLines).joined(separator: "\n")
    }

    private func json() -> String {
        func object(_ fields: [(String, String?)]) -> String {
            "{" + fields.map { "\(jsonString($0.0)):\($0.1.map(jsonString) ?? "null")" }.joined(separator: ",") + "}"
        }
        var parts = ["\"report\":\(jsonString(report))"]
        parts += provenance.map { "\(jsonString($0.field)):\($0.value.map(jsonString) ?? "null")" }
        for section in sections {
            let columns = section.columns ?? self.columns
            let rows = section.rows.map { row in object(zip(columns, row).map { ($0.field, $1.plain) }) }
            parts.append("\(jsonString(section.name)):[" + rows.joined(separator: ",") + "]")
            if let totals = section.totals {
                parts.append("\(jsonString(section.name + "Totals")):" + object(zip(columns, totals).map { ($0.field, $1.plain) }))
            }
        }
        return "{" + parts.joined(separator: ",") + "}"
    }

    private func csv() -> String {
        func field(_ value: String?) -> String {
            guard let value else { return "" }
            if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) {
                return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return value
        }
        // One header for every section: the report's columns, then those only some sections have.
        var fields = columns.map(\.field)
        for column in sections.flatMap({ $0.columns ?? [] }) where !fields.contains(column.field) { fields.append(column.field) }
        var lines = [(["section"] + fields + provenance.map(\.field)).joined(separator: ",")]
        let tail = provenance.map { field($0.value) }
        for section in sections {
            let columns = (section.columns ?? self.columns).map(\.field)
            for row in section.rows {
                let values = Dictionary(uniqueKeysWithValues: zip(columns, row.map { field($0.plain) }))
                lines.append(([section.name] + fields.map { values[$0] ?? "" } + tail).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n")
    }
}
