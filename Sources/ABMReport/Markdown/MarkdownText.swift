/// Markdown building blocks: escaping data text and GitHub-flavoured tables.
enum MarkdownText {
    /// `text` with the characters Markdown would read as markup backslash-escaped, control
    /// characters made visible, and nothing that could end a table cell or start HTML.
    static func escape(_ text: String) -> String {
        let clean = ReportWords.clean(text)
        var out = ""
        out.reserveCapacity(clean.utf8.count)
        for character in clean {
            if special.contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// The ASCII punctuation that is markup somewhere in a line: emphasis, code, links, HTML
    /// and entities, table cells, strikethrough, headings and list markers.
    private static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "#", "!"]

    /// A table; `rows` hold cells already escaped. Columns in `right` are right-aligned.
    static func table(_ header: [String], _ rows: [[String]], right: Set<Int> = []) -> String {
        var lines = [line(header)]
        lines.append(line(header.indices.map { right.contains($0) ? "--:" : "---" }))
        for row in rows { lines.append(line(row)) }
        return lines.joined(separator: "\n")
    }

    private static func line(_ cells: [String]) -> String {
        "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |"
    }
}
