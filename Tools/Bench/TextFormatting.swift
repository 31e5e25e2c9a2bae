import Foundation

/// How the report writes numbers and lines up columns.
enum TextFormatting {
    /// `1234567.8` → `1,234,568`.
    static func grouped(_ value: Double) -> String { grouped(Int(value.rounded())) }

    /// `1234567` → `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0, c != "-" { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// `0.3712` → `37.1%`.
    static func percent(_ ratio: Double) -> String { String(format: "%.1f%%", ratio * 100) }

    /// `2.048` → `2.05 s`.
    static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }

    /// `text` padded with spaces on the right to `width`.
    static func left(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// `text` padded with spaces on the left to `width`.
    static func right(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
