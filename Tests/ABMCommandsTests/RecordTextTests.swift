import ABMBoardUI
import ABMCore
import ABMStore
import Testing

@testable import ABMCommands

/// The one line `mark`, `undo` and `note` print (and the board's status bar shows).
struct RecordTextTests {
    @Test("a note or name with control characters prints them as visible placeholders, never raw")
    func controlCharacters() {
        let record = HistoryRecord(
            accountId: "A-1", at: Instant(seconds: 0), by: "eve\u{1B}]0;owned\u{07}",
            event: .mark(.work, note: "hi\u{1B}[2Jthere\u{9B}"))
        let line = RecordText.line(RecordedMark(record: record, tierBefore: .two, tierAfter: .two))
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(line.contains("eve␛]0;owned␇"))
        #expect(line.contains("note: hi␛[2Jthere�"))
    }
}
