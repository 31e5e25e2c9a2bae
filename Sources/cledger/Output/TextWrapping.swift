/// `text` broken into lines of at most `width` characters at spaces (a longer word stays whole).
func wrapped(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
        if line.isEmpty {
            line = String(word)
        } else if line.count + 1 + word.count <= width {
            line += " " + word
        } else {
            lines.append(line)
            line = String(word)
        }
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
}

/// A help entry laid out as swift-argument-parser lays out its own: the label indented by two,
/// the text from column 26 (on the next line when the label is longer), wrapped at 80.
func helpEntry(_ label: String, _ text: String) -> String {
    let column = 26
    let lines = wrapped(text, width: helpColumnsMax - column)
    let indent = String(repeating: " ", count: column)
    var out = "  " + label
    if out.count <= column - 2 {
        out += String(repeating: " ", count: column - out.count) + lines[0]
    } else {
        out += "\n" + indent + lines[0]
    }
    for line in lines.dropFirst() { out += "\n" + indent + line }
    return out
}

/// Help text is wrapped at 80 columns, as swift-argument-parser does when it is not on a terminal.
let helpColumnsMax = 80

/// `text` wrapped at 80 columns, continuation lines indented by `indent` spaces.
func helpParagraph(_ text: String, indent: Int = 0) -> String {
    let pad = String(repeating: " ", count: indent)
    return wrapped(text, width: helpColumnsMax - indent).enumerated()
        .map { $0.offset == 0 ? $0.element : pad + $0.element }.joined(separator: "\n")
}
