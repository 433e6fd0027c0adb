import ABMCore
import Testing

@testable import ABMBoardUI

/// Filter, sort, tier health's drill-down, the log-a-touch form, the mouse, and changes that
/// arrive while the board is open — as pure transitions of the board's state.
struct BoardControlsTests {
    private func state(width: Int = 120, height: Int = 30) -> BoardState {
        DemoBoard.state(width: width, height: height)
    }

    private func press(_ state: inout BoardState, _ keys: Key...) {
        for key in keys { _ = state.update(.keyPressed(key)) }
    }

    private func accounts(_ state: BoardState) -> [AccountEvaluation] { state.order.map { state.data.rows[$0] } }

    @Test("f → tier → 2 shows only Tier 2, as many as tier health counts; clearing shows all again")
    func filterByTier() throws {
        var s = state()
        let all = s.order.count
        press(&s, .character("f"), .enter, .down, .enter)
        #expect(s.menu?.items[1] == "[x] 2")
        press(&s, .escape)
        #expect(s.menu?.items[0] == "tier: 2")
        press(&s, .escape)
        #expect(s.menu == nil)
        let health = DemoBoard.data.evaluator.health(DemoBoard.data.programme, asOf: DemoBoard.data.asOf)
        #expect(s.order.count == health[.two].accounts)
        #expect(accounts(s).allSatisfy { $0.tier == .two })
        #expect(s.filter.summary == "tier 2")
        press(&s, .character("f"), .character("G"), .enter)
        #expect(s.order.count == all && s.filter.isEmpty)
    }

    @Test("filters combine: a state and surging only")
    func filtersCombine() {
        var s = state()
        press(&s, .character("f"), .down, .down, .enter, .down, .down, .enter, .escape)  // state: engaged
        press(&s, .down, .down, .enter, .escape)  // surging only
        #expect(!s.order.isEmpty)
        #expect(accounts(s).allSatisfy { $0.state == .engaged && $0.surging })
        #expect(s.filter.summary == "state engaged · surging")
    }

    @Test("s chooses the sort column; choosing it again reverses it")
    func sortByScore() {
        var s = state()
        let position = BoardSort.Column.allCases.firstIndex(of: .score) ?? 0
        press(&s, .character("s"))
        for _ in 0..<position { press(&s, .down) }
        press(&s, .enter)
        let scores = accounts(s).map(\.engagementScore)
        #expect(s.sort.column == .score && !s.sort.reversed)
        #expect(scores == scores.sorted(by: >))
        press(&s, .character("s"), .character("s"))
        #expect(s.sort.reversed)
        #expect(accounts(s).map(\.engagementScore) == scores.sorted())
        #expect(s.sort.summary == "sort score ↑")
    }

    @Test(
        "a mark moves only its row, to the place a full sort gives, whatever the sort",
        arguments: BoardSort.Column.allCases)
    func markRepositions(column: BoardSort.Column) throws {
        var s = state()
        s.sort.column = column
        s.reorder()
        let asOf = s.data.asOf
        let picks = [3, 40, 7, 120, 0]
        let actions: [MarkAction] = [.promote, .work, .hold, .demote, .work]
        for (pick, action) in zip(picks, actions) {
            let account = s.order[pick % s.order.count]
            guard s.data.rows[account].tier != .one || action != .promote else { continue }
            let id = s.data.programme.accounts[account].id
            let record = HistoryRecord(
                accountId: id, at: asOf, by: "dana", event: .mark(action, note: action == .demote ? "why" : nil))
            _ = s.update(.recorded(RecordedMark(record: record, tierBefore: nil, tierAfter: nil)))
            var full = s
            full.reorder()
            #expect(s.order == full.order, "after \(action) on \(id) sorted by \(column)")
            #expect(s.decidedOnBoard == full.decidedOnBoard)
        }
    }

    @Test("every number on tier health lists exactly the accounts it counts; Esc returns with the filter restored")
    func drillDown() throws {
        var s = state()
        press(&s, .character("o"), .character("t"))
        let targets = HealthView.targets(s.health)
        #expect(targets.count > 40)
        let weekStart = s.data.evaluator.weekStartStates(s.data.programme, asOf: s.data.asOf)
        for index in targets.indices {
            var drilled = s
            drilled.healthCursor = index
            press(&drilled, .enter)
            let target = targets[index]
            let expected = target.metric.accounts(
                of: target.tier, evaluations: s.data.rows, weekStartStates: weekStart, programme: s.data.programme)
            #expect(drilled.screen == .board)
            #expect(drilled.order == expected.map(\.account), "\(target.label)")
        }
        var drilled = s
        press(&drilled, .enter, .escape)
        #expect(drilled.screen == .health && drilled.onlyMine && drilled.filter.isEmpty)
    }

    @Test("l opens the form; its keys choose channel, direction and contact and type topic and note")
    func logTouchForm() throws {
        var s = state()
        let account = try #require(s.selected)
        press(&s, .character("l"))
        let form = try #require(s.form)
        #expect(form.accountId == s.data.programme.accounts[account].id)
        press(&s, .character("p"), .down, .character("i"), .down, .right, .down)
        for character in "pricing" { press(&s, .character(character)) }
        press(&s, .tab)
        for character in "asked for a demo" { press(&s, .character(character)) }
        press(&s, .backspace)
        let effects = s.update(.keyPressed(.enter))
        #expect(s.form == nil)
        #expect(
            effects == [
                .logTouch(
                    TouchRequest(
                        accountId: form.accountId, channel: .phone, direction: .inbound,
                        contactId: form.contacts.first?.id, topic: "pricing", note: "asked for a dem"))
            ])
        press(&s, .character("l"), .escape)
        #expect(s.form == nil && s.message?.text == "no touch logged")
    }

    @Test("a logged touch updates its row: last touch, score and place")
    func touchLogged() throws {
        var s = state()
        let account = s.order[s.order.count - 1]
        let id = s.data.programme.accounts[account].id
        let before = s.data.rows[account]
        let touch = Touch(
            id: "L-1", accountId: id, channel: .meeting, direction: .inbound, occurredAt: s.data.asOf, by: "dana")
        _ = s.update(.touchLogged(touch))
        let after = s.data.rows[account]
        #expect(after.lastTouch?.channel == .meeting && after.lastTouch?.at == s.data.asOf)
        #expect(after.engagementScore >= before.engagementScore)
        var full = s
        full.reorder()
        #expect(s.order == full.order)
    }

    @Test("another process's marks and touches are applied and highlighted without a reload")
    func changesArrive() throws {
        var s = state()
        let account = s.order[5]
        let id = s.data.programme.accounts[account].id
        let record = HistoryRecord(accountId: id, at: s.data.asOf, by: "yuki", event: .mark(.hold, note: nil))
        _ = s.update(.changesArrived(StoreDelta(records: [record], touches: [])))
        #expect(s.data.rows[account].decision?.action == .hold)
        #expect(s.data.rows[account].decision?.by == "yuki")
        #expect(s.highlighted == [account])
        _ = s.update(.highlightExpired)
        #expect(s.highlighted.isEmpty)
    }

    @Test("the live board's clock moving on evaluates everything again as of the new minute")
    func clockMoves() {
        var s = state()
        let later = s.data.asOf.adding(days: 3)
        _ = s.update(.clockMoved(later))
        #expect(s.data.asOf == later && s.data.rows.allSatisfy { $0.asOf == later })
    }

    @Test("a click selects a row and a second click opens it; the wheel scrolls; a click picks a menu item")
    func mouse() throws {
        var s = state()
        _ = s.update(.mouse(.click(x: 5, y: 3)))
        #expect(s.selected == s.order[2])
        _ = s.update(.mouse(.click(x: 5, y: 3)))
        #expect(s.screen == .detail)
        press(&s, .escape)
        _ = s.update(.mouse(.wheelDown))
        #expect(s.selected == s.order[5])
        press(&s, .character("s"))
        let box = MenuView.frame(try #require(s.menu), width: s.width, height: s.height)
        _ = s.update(.mouse(.click(x: box.x + 3, y: box.y + 5)))  // the fifth item: score
        #expect(s.menu == nil && s.sort.column == .score)
    }

    @Test("a click on a tier health number selects it; a second click lists its accounts")
    func mouseOnHealth() throws {
        var s = state(width: 160, height: 48)
        press(&s, .character("t"))
        // Row 3 is Tier 1's first line: "Tier 1 · N accounts".
        _ = s.update(.mouse(.click(x: 12, y: 3)))
        #expect(s.healthCursor == 0)
        _ = s.update(.mouse(.click(x: 12, y: 3)))
        #expect(s.screen == .board && s.filter.drill?.tier == .one)
    }

    @Test("a redraw after moving the selection sends only the cells of the two rows that changed")
    func redrawSendsOnlyChanges() {
        var s = state(width: 200, height: 60)
        let before = ScreenView.render(s)
        #expect(before.changes(since: nil).count == 200 * 60 - wideContinuations(before))
        press(&s, .down)
        let after = ScreenView.render(s)
        let changed = after.changes(since: before)
        #expect(!changed.isEmpty)
        #expect(Set(changed.map { $0 / 200 }).isSubset(of: [1, 2]))
        #expect(after.changes(since: after).isEmpty)
    }

    private func wideContinuations(_ buffer: ScreenBuffer) -> Int {
        buffer.cells.filter(\.text.isEmpty).count
    }
}
