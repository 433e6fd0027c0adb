/// HTML building blocks: escaping data text and small elements. The document is also
/// well-formed XML (every element closed, attributes quoted, no named entities but XML's), so
/// it survives mail clients that re-parse it and can be checked with any XML parser.
enum HTMLText {
    /// `text` safe as element content and inside a double- or single-quoted attribute: `&`, `<`,
    /// `>`, `"` and `'` as references, control characters (which XML cannot carry at all) as
    /// visible placeholders.
    static func escape(_ text: String) -> String {
        let clean = ReportWords.clean(text)
        guard clean.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
        else { return clean }
        var out = ""
        out.reserveCapacity(clean.utf8.count + 16)
        for scalar in clean.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A table cell: `<td>` with escaped text; `number` right-aligns it.
    static func cell(_ text: String, number: Bool = false) -> String {
        "<td\(number ? " class=\"n\"" : "")>\(escape(text))</td>"
    }

    /// A header row of column titles; those at `right` are right-aligned.
    static func headerRow(_ titles: [String], right: Set<Int> = []) -> String {
        "<tr>"
            + titles.enumerated().map { index, title in
                right.contains(index) ? "<th class=\"n\">\(escape(title))</th>" : "<th>\(escape(title))</th>"
            }.joined() + "</tr>"
    }

    /// A simple table: a header and rows of plain text cells (escaped here).
    static func table(_ header: [String], _ rows: [[String]], right: Set<Int> = [], className: String? = nil)
        -> String
    {
        var lines = [className.map { "<table class=\"\($0)\">" } ?? "<table>", "<thead>"]
        lines.append(headerRow(header, right: right))
        lines.append("</thead><tbody>")
        for row in rows {
            lines.append(
                "<tr>" + row.enumerated().map { cell($0.element, number: right.contains($0.offset)) }.joined() + "</tr>"
            )
        }
        lines.append("</tbody></table>")
        return lines.joined(separator: "\n")
    }
}
