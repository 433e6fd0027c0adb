import ABMCore
import Testing

@testable import ABMBoardUI

/// Meeting mode (`m`) on the demo board, driven through the update function.
struct MeetingModeTests {
    /// The demo board with a meeting started for `scope` (the menu's item for it chosen).
    func meeting(_ scope: MeetingScope = .everyone) throws -> BoardState {
        var s = DemoBoard.state(width: 120, height: 30)
        _ = s.update(.keyPressed(.character("m")))
        #expect(s.menu?.purpose == .meetingScope)
        let position = try #require(s.meetingScopes.firstIndex { $0.scope == scope })
        for _ in 0..<position { _ = s.update(.keyPressed(.down)) }
        _ = s.update(.keyPressed(.enter))
        #expect(s.screen == .meeting)
        return s
    }

    func id(_ s: BoardState, _ index: Int?) -> String? { index.map { s.data.programme.accounts[$0].id } }

    @Test("the queue is the board's undecided accounts in meeting order, and the progress line counts them")
    func queue() throws {
        let s = try meeting()
        let m = try #require(s.meeting)
        let board = s.order.map { s.data.rows[$0] }
        #expect(m.queue == MeetingOrder.queue(board, in: s.data.programme).map(\.account))
        #expect(m.queue.allSatisfy { s.data.rows[$0].decision == nil && s.data.rows[$0].tier != nil })
        let tier1 = m.queue.filter { s.data.rows[$0].tier == .one }.count
        let decided = board.filter { $0.decision != nil }.count
        #expect(MeetingView.progress(m) == "Tier 1 · 1 of \(tier1) · \(decided) decided this week")
    }

    @Test("a scope narrows the queue to one tier or one owner", arguments: [MeetingScope.tier(.two), .owner("dana")])
    func scopes(scope: MeetingScope) throws {
        let s = try meeting(scope)
        let m = try #require(s.meeting)
        #expect(!m.queue.isEmpty)
        for account in m.queue {
            switch scope {
            case .tier(let tier): #expect(s.data.rows[account].tier == tier)
            case .owner(let owner): #expect(s.data.programme.accounts[account].owner == owner)
            case .everyone: break
            }
        }
    }

    @Test("Enter accepts the recommendation; the recorded mark moves on and is kept for the summary")
    func accept() throws {
        var s = try meeting()
        let first = try #require(s.meeting?.current)
        let recommendation = s.data.rows[first].recommendation
        let action = try #require(MarkAction(rawValue: recommendation.rawValue))
        let effects = s.update(.keyPressed(.enter))
        #expect(effects == [.record(.mark(action, note: nil), accountId: try #require(id(s, first)))])
        DemoBoard.drive(&s, [.enter])
        // drive pressed Enter again on the same account: the first press's effect was not stored.
        #expect(s.meeting?.decisions.map(\.account) == [first])
        #expect(s.meeting?.position == 1)
        #expect(s.data.rows[first].decision?.action == action)
    }

    @Test("w/h/d/p decide otherwise; n before deciding goes with the decision; n after adds a note")
    func decideOtherwiseWithNotes() throws {
        var s = try meeting()
        let first = try #require(s.meeting?.current)
        DemoBoard.drive(&s, [.character("n")] + DemoBoard.typing("call the CFO") + [.enter])
        #expect(s.meeting?.pendingNote == "call the CFO")
        #expect(s.meeting?.current == first)
        let effects = s.update(.keyPressed(.character("h")))
        #expect(effects == [.record(.mark(.hold, note: "call the CFO"), accountId: try #require(id(s, first)))])
        DemoBoard.drive(&s, [.character("h")])
        #expect(s.meeting?.decisions.first?.note == "call the CFO")
        #expect(s.meeting?.pendingNote == nil)
        DemoBoard.drive(&s, [.character("b")])
        #expect(s.meeting?.current == first)
        let after = s.update(.keyPressed(.character("n")))
        #expect(after.isEmpty)
        for key in DemoBoard.typing("budget in Q1") { _ = s.update(.keyPressed(key)) }
        #expect(
            s.update(.keyPressed(.enter)) == [.record(.note("budget in Q1"), accountId: try #require(id(s, first)))])
    }

    @Test("demoting a Tier 1 account in the meeting asks for its note")
    func demoteNeedsNote() throws {
        var s = try meeting()
        let first = try #require(s.meeting?.current)
        #expect(s.data.rows[first].tier == .one)
        #expect(s.update(.keyPressed(.character("d"))).isEmpty)
        #expect(s.prompt?.purpose == .demoteNote(accountId: try #require(id(s, first))))
    }

    @Test("s skips, b goes back, u undoes only the meeting's own decision, Esc ends on the summary and b resumes")
    func skipBackUndoEnd() throws {
        var s = try meeting()
        let queue = try #require(s.meeting?.queue)
        #expect(s.update(.keyPressed(.character("u"))).isEmpty)
        #expect(s.message?.isError == true)
        DemoBoard.drive(&s, [.character("s"), .character("w")])
        #expect(s.meeting?.skipped == [queue[0]])
        #expect(s.meeting?.current == queue[2])
        DemoBoard.drive(&s, [.character("b")])
        #expect(s.meeting?.current == queue[1])
        DemoBoard.drive(&s, [.character("u")])
        #expect(s.meeting?.decisions.isEmpty == true)
        #expect(s.data.rows[queue[1]].decision == nil)
        DemoBoard.drive(&s, [.character("s"), .escape])
        #expect(s.meeting?.ended == true)
        #expect(s.meeting?.skipped == [queue[0], queue[1]])
        DemoBoard.drive(&s, [.character("b")])
        #expect(s.meeting?.current == queue[2])
        DemoBoard.drive(&s, [.escape, .escape])
        #expect(s.screen == .board && s.meeting == nil)
    }

    @Test("an account someone else decides meanwhile drops out of the queue, the one on screen too")
    func othersDecide() throws {
        var s = try meeting()
        let queue = try #require(s.meeting?.queue)
        let other = HistoryRecord(
            accountId: try #require(id(s, queue[2])), at: s.data.asOf, by: "lee", event: .mark(.work, note: nil))
        _ = s.update(.changesArrived(StoreDelta(records: [other], touches: [])))
        #expect(s.meeting?.queue == [queue[0], queue[1]] + queue[3...])
        let onScreen = HistoryRecord(
            accountId: try #require(id(s, queue[0])), at: s.data.asOf, by: "lee", event: .mark(.hold, note: nil))
        _ = s.update(.changesArrived(StoreDelta(records: [onScreen], touches: [])))
        #expect(s.meeting?.current == queue[1])
        #expect(s.meeting?.decidedByOthers == [queue[2], queue[0]])
        #expect(s.message?.text.contains("decided meanwhile: hold by lee") == true)
    }

    @Test("the meeting decides this week only: m is refused on a past week")
    func notInThePast() {
        var s = DemoBoard.state(width: 120, height: 30)
        _ = s.update(.keyPressed(.character("[")))
        _ = s.update(.keyPressed(.character("m")))
        #expect(s.menu == nil)
        #expect(s.message?.isError == true)
    }

    /// Runs `:text` in `s`.
    func command(_ s: inout BoardState, _ text: String) -> [BoardEffect] {
        _ = s.update(.keyPressed(.character(":")))
        for character in text { _ = s.update(.keyPressed(.character(character))) }
        return s.update(.keyPressed(.enter))
    }

    @Test("in the meeting, :mark decides the current account (its note goes with it), :accept and :skip step on")
    func commandsInTheMeeting() throws {
        var s = try meeting()
        let first = try #require(s.meeting?.current)
        let effects = command(&s, "mark hold waiting for the CFO")
        #expect(effects == [.record(.mark(.hold, note: "waiting for the CFO"), accountId: try #require(id(s, first)))])
        _ = command(&s, "skip")
        #expect(s.meeting?.current != first)
        let accepted = command(&s, "accept")
        #expect(accepted.count == 1 || s.prompt != nil, "accept neither recorded nor asked for a note")
        _ = command(&s, "end")
        #expect(s.meeting?.ended == true && s.meeting?.current == nil)
        _ = command(&s, "back")
        #expect(s.meeting?.ended == false && s.meeting?.current != nil)
    }

    @Test("in the meeting, commands that would leave its account are refused, saying how to end it")
    func leavingCommandsRefused() throws {
        var s = try meeting()
        let current = s.meeting?.current
        for text in ["week prev", "health", "view calm", "sort score", "filter tier=1"] {
            #expect(command(&s, text).isEmpty)
            #expect(s.screen == .meeting && s.meeting?.current == current && s.viewedWeek == nil, "\(text)")
            #expect(s.message?.text.hasSuffix("end the meeting first (Esc)") == true, "\(text)")
        }
        // Outside a meeting, its commands say where they work.
        var board = DemoBoard.state(width: 120, height: 30)
        _ = command(&board, "skip")
        #expect(board.message?.text == ":skip works in the meeting (m starts one)")
    }
}
