import ABMCore
import Testing

@testable import ABMReport

/// Markdown from hostile data: no markup, no HTML, no broken table rows.
struct MarkdownTextTests {
    @Test(
        "markup characters are escaped, control characters shown as placeholders",
        arguments: [
            ("plain Name GmbH", "plain Name GmbH"),
            ("a|b", "a\\|b"),
            ("<script>x</script>", "\\<script\\>x\\</script\\>"),
            ("*bold* _it_ `code` [l](u) ~s~ #1 !x", "\\*bold\\* \\_it\\_ \\`code\\` \\[l\\](u) \\~s\\~ \\#1 \\!x"),
            ("AT&T \\ slash", "AT\\&T \\\\ slash"),
            ("line\nbreak\ttab\u{1B}[31m", "line\u{FFFD}break\u{FFFD}tab\u{FFFD}\\[31m"),
        ])
    func escape(raw: String, escaped: String) {
        #expect(MarkdownText.escape(raw) == escaped)
    }

    @Test("a hostile account keeps every table row on one line with its own number of cells")
    func hostileTables() {
        let text = MarkdownReport.render(Hostile.report())
        #expect(!text.contains("<script>"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        while index < lines.count {
            guard lines[index].hasPrefix("| ") else {
                index += 1
                continue
            }
            let cells = unescapedBars(lines[index])
            while index < lines.count, lines[index].hasPrefix("| ") {
                #expect(unescapedBars(lines[index]) == cells, "\(lines[index])")
                index += 1
            }
        }
        #expect(text.contains("\\<script\\>alert(\"x\")\\</script\\> \\& Co \\| \\*bold\\*"))
    }

    /// The number of `|` not preceded by a backslash.
    private func unescapedBars(_ line: Substring) -> Int {
        var count = 0
        var previous: Character = " "
        for character in line {
            if character == "|" && previous != "\\" { count += 1 }
            previous = character
        }
        return count
    }

    @Test("the XML check itself rejects a document that is not well-formed")
    func xmlScanRejects() {
        #expect(XMLScan("<p><b>x</p>").error != nil)
        #expect(XMLScan("<p>a & b</p>").error != nil)
        #expect(XMLScan("<p>a &amp; b</p>").error == nil)
    }
}
