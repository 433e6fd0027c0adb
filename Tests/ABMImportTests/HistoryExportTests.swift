import ABMCore
import ABMImport
import Testing

struct HistoryExportTests {
    /// One expected row, in the history's columns.
    struct Expected: CustomStringConvertible {
        var account: String
        var at: String
        var kind: String
        var decision: String?
        var note: String?
        var tiers: (Int?, Int?)
        var takenBackAt: String?

        var description: String { "\(account) \(kind) at \(at)" }

        /// The row's values in `HistoryColumn.defaults` order.
        func values(programme: Programme) -> [ExportValue] {
            let name = programme.accounts[programme.index(ofAccount: account) ?? 0].name
            let takenBack: ExportValue = kind == "mark" ? .bool(takenBackAt != nil) : .null
            return [
                .text(account), .text(name), .time(instant(at)), .text(kind == "retier" ? "import" : "dana"),
                .text(kind), .optional(decision), .optional(note), .optional(tiers.0), .optional(tiers.1),
                .text(ReviewWeek(containing: instant(at)).label), takenBack, .optional(takenBackAt.map(instant)),
            ]
        }
    }

    /// The rows as of Friday of W47, in time order; at 12:00 on Wednesday, A10 before A2 before A3.
    static let expectedAsOfFriday = [
        Expected(
            account: "A1", at: "2026-11-16T09:00:00Z", kind: "mark", decision: "work", note: "call the champion",
            tiers: (1, 1)),
        Expected(account: "A1", at: "2026-11-16T10:00:00Z", kind: "note", note: "booked for Thursday", tiers: (1, 1)),
        Expected(
            account: "A2", at: "2026-11-17T09:00:00Z", kind: "mark", decision: "demote", tiers: (2, 3),
            takenBackAt: "2026-11-17T10:00:00Z"),
        Expected(account: "A2", at: "2026-11-17T10:00:00Z", kind: "undo", tiers: (3, 2)),
        Expected(account: "A10", at: "2026-11-18T12:00:00Z", kind: "mark", decision: "hold", tiers: (2, 2)),
        Expected(account: "A2", at: "2026-11-18T12:00:00Z", kind: "retier", tiers: (2, 1)),
        Expected(account: "A3", at: "2026-11-18T12:00:00Z", kind: "mark", decision: "demote", tiers: (3, nil)),
    ]

    @Test("a mark, a note, a demote taken back by an undo, a re-import and a removal, with their tiers, in time order")
    func everyKind() throws {
        let programme = try exportProgramme()
        let table = HistoryExport.table(HistoryExport.rows(of: programme, asOf: exportAsOf), programme: programme)
        #expect(table.columns == HistoryColumn.names)
        #expect(table.rows.count == Self.expectedAsOfFriday.count)
        for (row, expected) in zip(table.rows, Self.expectedAsOfFriday) {
            #expect(row == expected.values(programme: programme), "\(expected)")
        }
    }

    @Test("records after the as-of are left out, and an undo after it does not take the mark back yet")
    func asOfCutsTheHistory() throws {
        let programme = try exportProgramme()
        let early = HistoryExport.rows(of: programme, asOf: instant("2026-11-17T09:30:00Z"))
        #expect(early.count == 3)
        #expect(early.last?.entry.record.event == .mark(.demote, note: nil))
        #expect(early.last?.takenBackAt == nil)

        let later = keyed(
            HistoryExport.table(
                HistoryExport.rows(of: programme, asOf: instant("2026-11-23T12:00:00Z")), programme: programme))
        #expect(later.count == Self.expectedAsOfFriday.count + 1)
        #expect(later[0]["taken_back"] == .bool(true))
        #expect(later[0]["taken_back_at"] == .time(instant("2026-11-23T09:00:00Z")))
        let undo = try #require(later.last)
        #expect(undo["kind"] == .text("undo"))
        #expect(undo["account_id"] == .text("A1"))
        #expect(undo["tier_before"] == .int(1))
        #expect(undo["tier_after"] == .int(1))
        #expect(undo["review_week"] == .text("2026-W48"))
    }

    @Test("--columns picks and orders the history's columns too")
    func chosenColumns() throws {
        let programme = try exportProgramme()
        let table = HistoryExport.table(
            HistoryExport.rows(of: programme, asOf: exportAsOf), programme: programme,
            columns: try HistoryColumn.parse("kind,account_id,tier_after"))
        #expect(table.columns == ["kind", "account_id", "tier_after"])
        #expect(table.rows.last == [.text("mark"), .text("A3"), .null])
    }

    @Test("the CSV of a removal leaves the tier empty and a blank note out")
    func csvOfARemoval() throws {
        let programme = try exportProgramme()
        let csv = ExportCSV.render(
            HistoryExport.table(HistoryExport.rows(of: programme, asOf: exportAsOf), programme: programme))
        let lines = csv.split(separator: "\n")
        #expect(
            lines.first
                == "account_id,account_name,at,by,kind,decision,note,tier_before,tier_after,review_week,taken_back,taken_back_at"
        )
        #expect(lines.last == "A3,Cobalt,2026-11-18T12:00:00Z,dana,mark,demote,,3,,2026-W47,false,")
        #expect(lines[3] == "A2,Borealis,2026-11-17T09:00:00Z,dana,mark,demote,,2,3,2026-W47,true,2026-11-17T10:00:00Z")
        #expect(lines[4] == "A2,Borealis,2026-11-17T10:00:00Z,dana,undo,,,3,2,2026-W47,,")
    }
}
