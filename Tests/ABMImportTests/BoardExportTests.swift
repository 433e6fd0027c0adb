import ABMCore
import ABMImport
import Testing

struct BoardExportTests {
    @Test("the default columns give each row's identity, state and this week's decision with its latest note")
    func defaultColumns() throws {
        let programme = try exportProgramme()
        let table = BoardExport.table(boardRows(programme, asOf: exportAsOf), programme: programme, asOf: exportAsOf)
        #expect(table.columns == BoardColumn.defaults.map(\.rawValue))
        #expect(
            table.columns == [
                "account_id", "name", "tier", "owner", "demand_state", "engagement_score", "surging", "last_touch_at",
                "sla_status", "recommendation", "decision", "decided_by", "decided_at", "note", "review_week",
            ])
        // Board order: Tier 1 (A1 by score, then A2 re-imported at Tier 1), Tier 2 (A10), Tier 3 (B1); A3 removed.
        #expect(table.values(of: "account_id") == [.text("A1"), .text("A2"), .text("A10"), .text("B1")])
        let acme = try #require(keyed(table).first)
        #expect(acme["name"] == .text("Acme, Inc."))
        #expect(acme["tier"] == .int(1))
        #expect(acme["owner"] == .text("dana"))
        #expect(acme["demand_state"] == .text("engaged"))
        #expect(acme["surging"] == .bool(true))
        #expect(acme["last_touch_at"] == .time(instant("2026-11-18T09:00:00Z")))
        #expect(acme["decision"] == .text("work"))
        #expect(acme["decided_by"] == .text("dana"))
        #expect(acme["decided_at"] == .time(instant("2026-11-16T09:00:00Z")))
        #expect(acme["note"] == .text("booked for Thursday"))
        #expect(acme["review_week"] == .text("2026-W47"))
        let delta = try #require(keyed(table).first { $0["account_id"] == .text("A10") })
        #expect(delta["owner"] == .null)
        #expect(delta["note"] == .null)
        #expect(delta["last_touch_at"] == .null)
    }

    @Test("every value agrees with the evaluation it comes from")
    func everyColumn() throws {
        let programme = try exportProgramme()
        let rows = boardRows(programme, asOf: exportAsOf, includeRemoved: true)
        let table = BoardExport.table(
            rows, programme: programme, asOf: exportAsOf, columns: Array(BoardColumn.allCases))
        #expect(table.rows.count == 5)
        for (row, values) in zip(rows, keyed(table)) {
            let account = programme.accounts[row.account]
            #expect(values["account_id"] == .text(account.id))
            #expect(values["tier"] == (row.tier.map { .int($0.rawValue) } ?? .null))
            #expect(values["engagement_score"] == .int(row.engagementScore))
            #expect(values["surging_topics"] == .list(row.surgingTopics.map(\.topic)))
            #expect(values["stakeholders_30d"] == .int(row.stakeholders30d))
            #expect(values["sla_status"] == .text(row.sla.status.rawValue))
            #expect(values["recommendation"] == .text(row.recommendation.rawValue))
            #expect(values["recommendation_reason"] == .text(row.reason.text))
            #expect(values["as_of"] == .time(exportAsOf))
        }
        let removed = try #require(keyed(table).last)
        #expect(removed["account_id"] == .text("A3"))
        #expect(removed["tier"] == .null)
        #expect(removed["sla_due_at"] == .null)
        #expect(removed["recommendation"] == .text("none"))
        let acme = try #require(keyed(table).first)
        #expect(acme["domain"] == .text("A1.example"))
        #expect(acme["surging_topics"] == .list(["data observability"]))
        #expect(acme["roles_covered"] == .list(["champion"]))
        #expect(acme["active_contacts"] == .int(3))
        #expect(acme["last_touch_channel"] == .text("meeting"))
        #expect(acme["last_touch_direction"] == .text("inbound"))
        #expect(acme["holdout"] == .bool(false))
    }

    @Test(
        "a week's export is as of its Sunday 23:59:59 UTC, never later than the present",
        arguments: [
            ("2026-W46", "2026-11-20T12:00:00Z", "2026-11-15T23:59:59Z"),
            ("2026-W47", "2026-11-20T12:00:00Z", "2026-11-20T12:00:00Z"),
            ("2026-W47", "2026-11-22T23:59:59Z", "2026-11-22T23:59:59Z"),
            ("2026-W47", "2026-11-23T00:00:00Z", "2026-11-22T23:59:59Z"),
            ("2026-w48", "2026-11-23T00:00:00Z", "2026-11-23T00:00:00Z"),
            ("2026-W01", "2026-11-20T12:00:00Z", "2026-01-04T23:59:59Z"),
            ("2020-W53", "2026-11-20T12:00:00Z", "2021-01-03T23:59:59Z"),
        ])
    func weekAsOf(week: String, present: String, expected: String) throws {
        let asOf = try BoardExport.asOf(week: BoardExport.week(week), present: instant(present))
        #expect(asOf == instant(expected))
    }

    @Test("without a week the export is as of the present")
    func noWeek() throws {
        #expect(try BoardExport.asOf(week: nil, present: exportAsOf) == exportAsOf)
    }

    @Test(
        "a malformed or non-existent week is refused with a message that says what to give",
        arguments: ["2026-W54", "2026-W00", "2021-W53", "2026W47", "26-W47", "2026-47", ""])
    func badWeek(label: String) {
        #expect(throws: ExportError.badWeek(label)) { try BoardExport.week(label) }
        #expect(
            ExportError.badWeek(label).description
                == "--week \"\(label)\" is not a review week: give an ISO week such as 2026-W47")
    }

    @Test("a week that has not begun is refused, naming the present and its week")
    func futureWeek() throws {
        let week = try BoardExport.week("2026-W48")
        let present = instant("2026-11-22T23:59:59Z")
        #expect(throws: ExportError.weekNotStarted(week: week, present: present)) {
            try BoardExport.asOf(week: week, present: present)
        }
        #expect(
            ExportError.weekNotStarted(week: week, present: present).description
                == "--week 2026-W48 has not begun as of 2026-11-22T23:59:59Z: give 2026-W47 or an earlier week")
    }

    @Test("a past week's export is the board as of that Sunday 23:59:59: its tiers, decisions and week")
    func pastWeekIsTheBoardAtItsEnd() throws {
        let programme = try exportProgramme()
        let asOf = try BoardExport.asOf(week: BoardExport.week("2026-W46"), present: exportAsOf)
        let columns = Array(BoardColumn.allCases)
        let exported = BoardExport.table(
            boardRows(programme, asOf: asOf), programme: programme, asOf: asOf, columns: columns)
        let sunday = instant("2026-11-15T23:59:59Z")
        let board = BoardExport.table(
            boardRows(programme, asOf: sunday), programme: programme, asOf: sunday, columns: columns)
        #expect(exported == board)
        // Before W47's records: A2 still Tier 2, A3 still on the board, no decisions, W46.
        let rows = keyed(exported)
        #expect(rows.map { $0["account_id"] } == [.text("A1"), .text("A10"), .text("A2"), .text("A3"), .text("B1")])
        #expect(rows.allSatisfy { $0["decision"] == .null && $0["review_week"] == .text("2026-W46") })
        #expect(rows.first { $0["account_id"] == .text("A2") }?["tier"] == .int(2))
    }
}
