import ABMCore

/// The weekly report as one self-contained HTML file for mail and print: inline CSS, inline
/// SVG charts, no scripts, no external fonts or images. Every string from the data is escaped.
public enum HTMLReport {
    /// The whole document.
    public static func render(_ report: WeeklyReport) -> String {
        let title = ReportWords.title(report)
        var parts = [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\"/>",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>",
            "<meta name=\"generator\" content=\"abmboard report\"/>",
            "<title>\(HTMLText.escape(title))</title>",
            "<style>\n\(HTMLStyle.css)\n</style>",
            "</head>",
            "<body>",
            "<div class=\"page\">",
            "<h1>\(HTMLText.escape(title))</h1>",
            "<p class=\"sub\">\(HTMLText.escape(ReportWords.subtitle(report.period)))</p>",
            glance(report),
        ]
        parts += decisions(report)
        parts += tierMoves(report)
        parts += stateMoves(report)
        parts += breaches(report)
        parts += health(report)
        parts += [
            "<p class=\"foot\">\(HTMLText.escape(ReportSummary.footnote(report)))</p>",
            "</div>",
            "</body>",
            "</html>",
        ]
        return parts.joined(separator: "\n") + "\n"
    }

    static func glance(_ report: WeeklyReport) -> String {
        "<ul class=\"glance\">\n"
            + ReportSummary.lines(report).map { line in
                "<li\(line.alert ? " class=\"alert\"" : "")><strong>\(line.alert ? "⚠ " : "")"
                    + "\(HTMLText.escape(line.label)):</strong> "
                    + HTMLText.escape(line.text) + "</li>"
            }.joined(separator: "\n") + "\n</ul>"
    }

    /// `<p class="none">…</p>`.
    static func none(_ text: String) -> String { "<p class=\"none\">\(HTMLText.escape(text))</p>" }
}
