import ABMCore
import Foundation
import Testing

@testable import ABMImport

/// A big touches file is read in two halves at once (`CSVSplit`); whatever the file holds, the
/// outcome must be exactly that of reading it in one go: the same rows, terms numbered the
/// same, the same problems in the same order, the same count of problems left out.
@Suite struct TouchesInHalvesTests {
    /// Rows enough for a file past `CSVSplit.minimumBytes`.
    static let rowCount = 150_000

    /// The header line of `file`.
    static let header = "touch_id,account_id,channel,direction,occurred_at,contact_id,topic,by,note\n"

    /// A touches file of `rowCount` rows; `row` may replace any row's line (index from 0).
    static func file(_ row: (Int) -> String? = { _ in nil }) -> [UInt8] {
        var text = header
        text.reserveCapacity(rowCount * 80)
        for index in 0..<rowCount {
            if let line = row(index) {
                text += line + "\n"
                continue
            }
            let account = index % 3 == 0 ? "A2" : "A1"
            let contact = account == "A1" && index % 2 == 0 ? "C1" : ""
            // Topics new in the second half, and some in both, so their numbers must be joined.
            let topic = index % 5 == 0 ? "" : "topic \(index % 7)\(index > rowCount / 2 ? " late" : "")"
            let note = index % 1000 == 0 ? "\"a note, with \"\"quotes\"\"\"" : ""
            text += "T\(String(format: "%07d", index)),\(account),email,inbound,2026-11-\(10 + index % 9)T10:00:00Z,"
            text += "\(contact),\(topic),sam\(index % 4),\(note)\n"
        }
        return Array(text.utf8)
    }

    /// Reads `bytes` both ways and expects the same outcome; returns it.
    @discardableResult
    static func expectSameBothWays(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Result<
        TouchRows, ImportProblems
    > {
        bytes.withUnsafeBufferPointer { buffer in
            let halves = TouchesFile.read(
                file: "touches.csv", bytes: buffer, catalog: storedCatalog, inHalves: true, progress: { _, _ in })
            let whole = TouchesFile.read(
                file: "touches.csv", bytes: buffer, catalog: storedCatalog, inHalves: false, progress: { _, _ in })
            #expect(halves == whole, sourceLocation: sourceLocation)
            return halves
        }
    }

    @Test func aCleanFileGivesTheSameRowsAndTerms() throws {
        let bytes = Self.file()
        let split = bytes.withUnsafeBufferPointer { CSVSplit.find(in: $0, dataStart: Self.header.utf8.count) }
        #expect(split != nil, "the file is big enough to be read in halves")
        let rows = try Self.expectSameBothWays(bytes).get()
        #expect(rows.count == Self.rowCount)
        #expect(rows.terms.contains("topic 3 late"))
        #expect(rows.notes[1000] == "a note, with \"quotes\"")
    }

    @Test func anIdOfTheFirstHalfRepeatedInTheSecondIsRefusedWithItsLine() {
        let late = Self.rowCount - 10
        let outcome = Self.expectSameBothWays(
            Self.file { $0 == late ? "T0000007,A1,email,inbound,2026-11-10T10:00:00Z,,,," : nil })
        guard case .failure(let problems) = outcome else {
            Issue.record("expected the repeated id to be refused")
            return
        }
        #expect(
            problems.description
                == "touches.csv:\(late + 2): column \"touch_id\": expected an id not already used in this file "
                + "(it is on line 9), found \"T0000007\"")
    }

    @Test func aQuotedValueAcrossTheMiddleWithLinesThatLookLikeRows() throws {
        // The middle row's note holds line breaks and lines that read as touches on their own,
        // so a second half begun inside it sees rows that are not there.
        let fake = (0..<20_000).map { "T9\(String(format: "%06d", $0)),A1,email,inbound,2026-11-10T10:00:00Z,,,," }
        let note = "\"" + fake.joined(separator: "\n") + "\""
        let middle = Self.rowCount / 2
        let rows = try Self.expectSameBothWays(
            Self.file { $0 == middle ? "T0\(middle),A1,email,inbound,2026-11-10T10:00:00Z,,,,\(note)" : nil }
        ).get()
        #expect(rows.count == Self.rowCount)
        #expect(!rows.ids.contains("T9000005"))
    }

    @Test func problemsInBothHalvesKeepTheirOrderAndTheLimit() {
        let outcome = Self.expectSameBothWays(
            Self.file { $0 % 997 == 5 ? "T\(String(format: "%07d", $0)),A1,fax,inbound,2026-11-10T10:00:00Z,,,," : nil }
        )
        guard case .failure(let problems) = outcome else {
            Issue.record("expected the bad channels to be refused")
            return
        }
        #expect(problems.problems.count == ImportProblems.limit)
        #expect(problems.omitted == (0..<Self.rowCount).filter { $0 % 997 == 5 }.count - ImportProblems.limit)
    }

    @Test func aSyntaxErrorInTheFirstHalfStopsTheReadingThere() {
        Self.expectSameBothWays(
            Self.file { $0 == 10 ? "T0000010,A1,\"email\"x,inbound,2026-11-10T10:00:00Z,,,," : nil })
    }

    @Test func aSyntaxErrorInTheSecondHalfStopsTheReadingThere() {
        Self.expectSameBothWays(
            Self.file { $0 == Self.rowCount - 5 ? "T0149995,A1,\"email\"x,inbound,2026-11-10T10:00:00Z,,,," : nil })
    }

    @Test func idsOutOfOrderAreStillCheckedAcrossTheHalves() {
        // Descending ids: both halves keep every id in a dictionary, and no id repeats.
        let outcome = Self.expectSameBothWays(
            Self.file { "U\(String(format: "%07d", Self.rowCount - $0)),A1,email,inbound,2026-11-10T10:00:00Z,,,," })
        #expect((try? outcome.get().count) == Self.rowCount)
    }

    @Test(arguments: [0, 1, 7, 8, 9, 63, 64, 1000])
    func newlinesAreCountedEightBytesAtATime(length: Int) {
        // Bytes near the line feed (0x0A) in value and in bit pattern, at every alignment.
        let alphabet: [UInt8] = [0x0A, 0x0B, 0x09, 0x8A, 0x0A, 0x2A, 0x00, 0xFF, 0x7F]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<length).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return alphabet[Int(state >> 59) % alphabet.count]
        }
        let counted = bytes.withUnsafeBufferPointer { CSVSplit.newlines(in: $0) }
        #expect(counted == bytes.filter { $0 == 0x0A }.count)
    }

    @Test func theSplitIsTheStartOfALineWithItsNumber() throws {
        let bytes = Self.file()
        let split = try #require(
            bytes.withUnsafeBufferPointer { CSVSplit.find(in: $0, dataStart: Self.header.utf8.count) })
        #expect(bytes[split.offset - 1] == 0x0A)
        #expect(split.line == 1 + bytes[..<split.offset].filter { $0 == 0x0A }.count)
        #expect(abs(split.offset - bytes.count / 2) < 200)
    }

    @Test func aSmallFileIsNotSplit() {
        let bytes = Array((Self.header + "T1,A1,email,inbound,2026-11-10\n").utf8)
        #expect(bytes.withUnsafeBufferPointer { CSVSplit.find(in: $0, dataStart: Self.header.utf8.count) } == nil)
    }
}
