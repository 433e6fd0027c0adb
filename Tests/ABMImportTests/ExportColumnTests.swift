import ABMCore
import ABMImport
import Testing

struct ExportColumnTests {
    @Test(
        "--columns picks the columns in the order given, ignoring spaces and case",
        arguments: [
            ("decision,account_id", [BoardColumn.decision, .accountId]),
            (" tier , NAME,note ", [.tier, .name, .note]),
            ("as_of,,review_week,", [.asOf, .reviewWeek]),
            ("account_id", [.accountId]),
        ])
    func pickedInOrder(list: String, expected: [BoardColumn]) throws {
        #expect(try BoardColumn.parse(list) == expected)
    }

    @Test("all stands for every column; a column named before it keeps its place")
    func all() throws {
        #expect(try BoardColumn.parse("all") == Array(BoardColumn.allCases))
        let decisionFirst = try BoardColumn.parse("decision,all")
        #expect(decisionFirst.first == .decision)
        #expect(Set(decisionFirst) == Set(BoardColumn.allCases))
        #expect(decisionFirst.count == BoardColumn.allCases.count)
        #expect(try HistoryColumn.parse("all") == HistoryColumn.defaults)
    }

    @Test("an unknown column is named, with the closest names and every valid one")
    func unknownBoardColumn() {
        let error = ExportError.unknownColumn(
            name: "Teir", suggestions: ["tier", "thin"], valid: BoardColumn.names)
        #expect(throws: error) { try BoardColumn.parse("account_id,Teir") }
        #expect(
            error.description
                == """
                --columns: no column "Teir" (did you mean "tier", "thin"?); the columns are account_id, name, domain, \
                tier, owner, sdr, region, holdout, demand_state, engagement_score, surging, surging_topics, \
                stakeholders_30d, active_contacts, roles_covered, thin, last_touch_at, last_touch_channel, \
                last_touch_direction, sla_status, sla_due_at, recommendation, recommendation_reason, decision, \
                decided_by, decided_at, note, review_week, as_of (or all)
                """)
    }

    @Test("a history column that does not exist lists the history's columns; one far from all has no suggestion")
    func unknownHistoryColumn() {
        #expect(
            throws: ExportError.unknownColumn(name: "when", suggestions: [], valid: HistoryColumn.names)
        ) { try HistoryColumn.parse("when") }
        #expect(
            ExportError.unknownColumn(name: "when", suggestions: [], valid: HistoryColumn.names).description
                == """
                --columns: no column "when"; the columns are account_id, account_name, at, by, kind, decision, note, \
                tier_before, tier_after, review_week, taken_back, taken_back_at (or all)
                """)
    }

    @Test("a column named twice is refused (all names every column)", arguments: ["tier,name,TIER", "all,tier"])
    func repeated(list: String) {
        #expect(throws: ExportError.repeatedColumn("tier")) { try BoardColumn.parse(list) }
        #expect(
            ExportError.repeatedColumn("tier").description
                == "--columns: \"tier\" is given twice; give each column once")
    }

    @Test("an empty list is refused", arguments: ["", ",", " , "])
    func empty(list: String) {
        #expect(throws: ExportError.noColumns) { try BoardColumn.parse(list) }
        #expect(
            ExportError.noColumns.description
                == "--columns names no column: give a comma-separated list such as account_id,name,tier (or all)")
    }

    @Test("the defaults: a CRM set for the board, every column for the history")
    func defaults() {
        #expect(BoardColumn.defaults.count == 15)
        #expect(BoardColumn.defaults.allSatisfy { BoardColumn.allCases.contains($0) })
        #expect(
            HistoryColumn.names == [
                "account_id", "account_name", "at", "by", "kind", "decision", "note", "tier_before", "tier_after",
                "review_week", "taken_back", "taken_back_at",
            ])
    }
}
