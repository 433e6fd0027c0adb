import ABMCore
import Testing

@testable import ABMBoardUI

/// `[` and `]` (the board at the end of a review week) and `c` (since last week) on the demo.
struct ReviewWeeksTests {
    let present = SampleOptions.demoAsOf

    @Test("[ shows the board as it was at the end of the previous week, with that week's decisions")
    func previousWeek() {
        var s = DemoBoard.state(width: 120, height: 30)
        _ = s.update(.keyPressed(.character("[")))
        let week = ReviewWeek(containing: present).offset(by: -1)
        #expect(s.viewedWeek == week)
        #expect(s.data.asOf == week.lastSecond)
        #expect(s.data.asOf.iso8601 == "2026-11-15T23:59:59Z")
        let fresh = s.data.evaluator.evaluateAll(s.data.programme, asOf: week.lastSecond)
        #expect(s.data.rows.map(\.decision) == fresh.map(\.decision))
        #expect(s.data.rows.map(\.state) == fresh.map(\.state))
        #expect(s.order == BoardOrder.sorted(fresh, in: s.data.programme).map(\.account))
        #expect(s.decidedOnBoard == fresh.filter { $0.tier != nil && $0.decision != nil }.count)
    }

    @Test("] comes forward a week at a time and back to the present; not past it")
    func forward() {
        var s = DemoBoard.state(width: 120, height: 30)
        for _ in 0..<3 { _ = s.update(.keyPressed(.character("["))) }
        #expect(s.viewedWeek == ReviewWeek(containing: present).offset(by: -3))
        _ = s.update(.keyPressed(.character("]")))
        #expect(s.data.asOf == ReviewWeek(containing: present).offset(by: -2).lastSecond)
        _ = s.update(.keyPressed(.character("]")))
        _ = s.update(.keyPressed(.character("]")))
        #expect(s.viewedWeek == nil && s.data.asOf == present)
        _ = s.update(.keyPressed(.character("]")))
        #expect(s.data.asOf == present)
        #expect(s.message?.text.hasPrefix("already at this week") == true)
    }

    @Test("[ stops at the programme's first week")
    func firstWeek() throws {
        var s = DemoBoard.state(width: 120, height: 30)
        let first = ReviewWeek(containing: try #require(s.data.programme.earliestTouch))
        for _ in 0..<60 { _ = s.update(.keyPressed(.character("["))) }
        #expect(s.viewedWeek == first)
        #expect(s.message?.text == "\(first.label) is the programme's first week")
    }

    @Test(
        "a past week records nothing: marks, undo, notes and touches are refused with a reason",
        arguments: ["w", "d", "u", "n", "l"])
    func pastIsReadOnly(key: Character) {
        var s = DemoBoard.state(width: 120, height: 30)
        _ = s.update(.keyPressed(.character("[")))
        #expect(s.update(.keyPressed(.character(key))).isEmpty)
        #expect(s.prompt == nil && s.form == nil)
        #expect(s.message?.text.contains("is a past week") == true)
    }

    @Test("the live clock moves the present, not a past week on screen")
    func clockWhilePast() {
        var s = DemoBoard.state(width: 120, height: 30)
        _ = s.update(.keyPressed(.character("[")))
        let shown = s.data.asOf
        let later = present.adding(seconds: 60)
        _ = s.update(.clockMoved(later))
        #expect(s.data.asOf == shown && s.present == later)
        _ = s.update(.keyPressed(.character("]")))
        #expect(s.data.asOf == later)
    }

    @Test("c lists exactly the engine's changes since the start of the week, for the week shown")
    func changes() throws {
        var s = DemoBoard.state(width: 120, height: 30)
        _ = s.update(.keyPressed(.character("c")))
        #expect(s.screen == .changes)
        let expected = s.data.evaluator.weekChanges(s.data.programme, asOf: present)
        let shown = try #require(s.changes)
        #expect(shown.stateChanges == expected.stateChanges && shown.tierChanges == expected.tierChanges)
        #expect(shown.newSurges == expected.newSurges && shown.newBreaches == expected.newBreaches)
        #expect(!shown.rose.isEmpty && !shown.tierChanges.isEmpty)
        _ = s.update(.keyPressed(.character("[")))
        #expect(s.changes?.to == ReviewWeek(containing: present).offset(by: -1).lastSecond)
        _ = s.update(.keyPressed(.escape))
        #expect(s.screen == .board && s.changes == nil)
    }

    @Test("on since last week, j/k choose an account and Enter opens its evidence; Esc comes back to the same line")
    func changesOpenTheEvidence() throws {
        var s = DemoBoard.state(width: 120, height: 30)
        _ = s.update(.keyPressed(.character("c")))
        let changes = try #require(s.changes)
        let accounts = ChangesView.layout(changes, programme: s.data.programme).accounts.map(\.account)
        #expect(
            accounts == changes.rose.map(\.account) + changes.fell.map(\.account)
                + changes.tierChanges.map(\.account) + changes.newSurges.map(\.account)
                + changes.newBreaches.map(\.account))
        for _ in 0..<3 { _ = s.update(.keyPressed(.character("j"))) }
        _ = s.update(.keyPressed(.enter))
        #expect(s.screen == .detail && s.selected == accounts[3])
        _ = s.update(.keyPressed(.escape))
        #expect(s.screen == .changes && s.changesCursor == 3)
        _ = s.update(.keyPressed(.escape))
        #expect(s.screen == .board && s.selected.map { s.order.contains($0) } == true)
    }
}
