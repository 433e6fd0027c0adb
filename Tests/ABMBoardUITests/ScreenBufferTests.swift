import ABMCore
import Testing

@testable import ABMBoardUI

/// The screen buffer: display widths, clipping and control characters.
struct ScreenBufferTests {
    @Test(
        "display width: CJK and emoji take two columns, combining accents none",
        arguments: [("abc", 3), ("日本", 4), ("e\u{301}", 1), ("👍", 2), ("❤️", 2), ("Zoë", 3), ("", 0)])
    func widths(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test("control characters are drawn as visible placeholders, never sent to the terminal")
    func controlCharacters() {
        #expect(SafeText.visible("Acme\u{1B}[2J\u{7}\n") == "Acme␛[2J␇␊")
        #expect(SafeText.visible("a\u{7F}b\u{85}c\u{202E}d") == "a␡b�c�d")
        var buffer = ScreenBuffer(width: 12, height: 1)
        buffer.write("x\u{1B}]0;pwned\u{7}", x: 0, y: 0)
        #expect(buffer.lines == ["x␛]0;pwned␇"])
    }

    @Test("text is clipped to its limit; a wide character that does not fit leaves a space")
    func clipping() {
        var buffer = ScreenBuffer(width: 10, height: 2)
        #expect(buffer.write("日本語テキスト", x: 0, y: 0, limit: 5) == 5)
        #expect(buffer.lines[0] == "日本")
        buffer.write("abcdefghijklmn", x: 6, y: 1)
        #expect(buffer.lines[1] == "      abcd")
        #expect(buffer[4, 0].text == " ")
        #expect(buffer[1, 0].text == "")
    }

    @Test(
        "a text is clipped by display columns, not characters, so the columns after it stay in place",
        arguments: [
            ("Acme", 6, "Acme"), ("Acme Corporation", 6, "Acme …"), ("日本語テキスト", 6, "日本…"),
            ("日本語テキスト", 7, "日本語…"), ("日本", 4, "日本"), ("Zoë Müller", 5, "Zoë …"), ("a\u{7}b", 2, "a…"),
            ("abc", 0, ""),
        ])
    func clippedByWidth(text: String, width: Int, clipped: String) {
        #expect(BoardText.clipped(text, width) == clipped)
        #expect(DisplayWidth.of(BoardText.clipped(text, width)) <= width)
    }

    @Test("writing outside the buffer, and buffers of size zero, are harmless")
    func outside() {
        var empty = ScreenBuffer(width: 0, height: 0)
        #expect(empty.write("x", x: 0, y: 0) == 0)
        var buffer = ScreenBuffer(width: 3, height: 1)
        buffer.write("abc", x: -1, y: 0)
        buffer.write("abc", x: 0, y: 5)
        buffer.fill(x: 5, y: 0, count: 3, role: .text)
        #expect(buffer.lines == ["bc"])
    }
}

/// Text for people outside the screen buffer (the `board` table, `explain`) is made safe where
/// it is built, like the buffer's own writes.
struct TextForPeopleTests {
    @Test("a table cell with escape sequences and C1 controls prints them as visible placeholders")
    func tableCells() {
        let text = TextTable.render(header: ["a", "b"], rows: [["ev\u{1B}[31mil", "x\u{9B}y\nz"]])
        #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
        #expect(text.contains("ev␛[31mil"))
        #expect(text.split(separator: "\n").count == 3)
    }
}
