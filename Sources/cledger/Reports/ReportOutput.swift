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

    /// Rows under one title, with an optional totals row, in the report's columns or their own.
    struct Section {
        var name: String
        var title: String
        var rows: [[Cell]]
        var totals: [Cell]?
        /// This section's columns, when its rows are not in the report's.
        var columns: [Column]?
    }

    var report: String
    /// The columns of every section that does not give its own.
    var columns: [Column]
    var sections: [Section]
    /// What the report was built from: the ledger head, the point in time.
    var provenance: [(field: String, value: String?)]
    /// Lines for people above the table (the head, the point in time).
    var headerLines: [String]
    /// Lines for people below the table.
    var footerLines: [String] = []

    /// The columns `section`'s rows are in.
    func columns(of section: Section) -> [Column] { section.columns ?? columns }

    /// Every field of every section once, in the order they first appear: the CSV header.
    var allFields: [String] {
        var fields: [String] = []
        for column in sections.flatMap(columns(of:)) where !fields.contains(column.field) { fields.append(column.field) }
        return fields
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
            let columns = columns(of: section)
            out.append("")
            out.append(section.title)
            let body = section.rows + (section.totals.map { [$0] } ?? [])
            let cells = [columns.map(\.heading)] + body.map { $0.map(\.readable) }
            let widths = columns.indices.map { i in cells.map { $0[i].count }.max() ?? 0 }
            func line(_ row: [String]) -> String {
                columns.indices.map { i in
                    let pad = String(repeating: " ", count: widths[i] - row[i].count)
                    return columns[i].isMoney ? pad + row[i] : row[i] + pad
                }.joined(separator: "  ").droppingTrailingWhitespace
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
            let columns = columns(of: section)
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
        let fields = allFields
        var lines = [(["section"] + fields + provenance.map(\.field)).joined(separator: ",")]
        let tail = provenance.map { field($0.value) }
        for section in sections {
            // A field a section does not have is empty on its rows.
            let position = Dictionary(uniqueKeysWithValues: columns(of: section).enumerated().map { ($1.field, $0) })
            for row in section.rows {
                let cells = fields.map { name in position[name].map { field(row[$0].plain) } ?? "" }
                lines.append(([section.name] + cells + tail).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// The string without the whitespace at its end, such as the padding of a table's last
    /// column: walked back from the end, where a regular expression costs the square of the
    /// padding on every line.
    var droppingTrailingWhitespace: String {
        var kept = Substring(self)
        while kept.last?.isWhitespace == true { kept.removeLast() }
        return String(kept)
    }
}
