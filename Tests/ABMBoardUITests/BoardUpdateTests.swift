import ABMCore
import Testing

@testable import ABMBoardUI

/// The board's update function, as pure transitions.
struct BoardUpdateTests {
    private func state() -> BoardState { DemoBoard.state(width: 120, height: 30) }

    @Test("moving keeps within the board; g and G go to the ends")
    func moving() {
        var s = state()
        let first = s.order[0]
        _ = s.handle(.keyPressed(.up))
        #expect(s.selected == first)
        _ = s.handle(.keyPressed(.character("j")))
        #expect(s.selected == s.order[1])
        _ = s.handle(.keyPressed(.character("G")))
        #expect(s.selected == s.order.last)
        #expect(s.top == s.order.count - s.visibleRows)
        _ = s.handle(.keyPressed(.home))
        #expect(s.selected == first && s.top == 0)
    }

    @Test("w, h and p ask for a mark on the selected account; q on the board quits")
    func marks() {
        var s = state()
        let id = s.data.programme.accounts[s.order[0]].id
        #expect(s.handle(.keyPressed(.character("w"))) == [.record(.mark(.work, note: nil), accountId: id)])
        #expect(s.handle(.keyPressed(.character("u"))) == [.record(.undo, accountId: id)])
        #expect(s.handle(.keyPressed(.character("q"))) == [.quit])
    }

    @Test("demoting a Tier 1 account asks for a note; an empty note records nothing")
    func demoteNeedsNote() throws {
        var s = state()
        let row = try #require(s.selectedRow)
        #expect(row.tier == .one)
        let id = s.data.programme.accounts[row.account].id
        #expect(s.handle(.keyPressed(.character("d"))).isEmpty)
        #expect(s.prompt?.purpose == .demoteNote(accountId: id))
        _ = s.handle(.keyPressed(.enter))
        #expect(s.message?.isError == true)
        _ = s.handle(.keyPressed(.character("d")))
        for character in "no budget" { _ = s.handle(.keyPressed(.character(character))) }
        #expect(s.handle(.keyPressed(.enter)) == [.record(.mark(.demote, note: "no budget"), accountId: id)])
    }

    @Test("a recorded mark updates the row at once and the selection stays on the account")
    func recorded() throws {
        var s = state()
        _ = s.handle(.keyPressed(.down))
        let selected = try #require(s.selected)
        let id = s.data.programme.accounts[selected].id
        let record = HistoryRecord(accountId: id, at: s.data.asOf, by: "dana", event: .mark(.hold, note: nil))
        _ = s.handle(.recorded(record, summary: "\(id): hold"))
        #expect(s.data.rows[selected].decision?.action == .hold)
        #expect(s.selected == selected)
        #expect(s.message?.text == "\(id): hold")
    }

    @Test("search narrows the board as you type; Esc clears it; the selection follows")
    func search() {
        var s = state()
        _ = s.handle(.keyPressed(.character("/")))
        for character in "müller" { _ = s.handle(.keyPressed(.character(character))) }
        #expect(s.order.count == 1)
        #expect(s.data.programme.accounts[s.order[0]].name.hasPrefix("Müller"))
        #expect(s.selected == s.order[0])
        _ = s.handle(.keyPressed(.escape))
        #expect(s.search.isEmpty && s.order.count > 1)
    }

    @Test("y copies the selected account's id, Y its row tab-separated; both say so; elsewhere nothing")
    func copy() throws {
        var s = state()
        let selected = try #require(s.selected)
        let account = s.data.programme.accounts[selected]
        #expect(s.handle(.keyPressed(.character("y"))) == [.copy(account.id)])
        #expect(s.message?.text == "copied \(account.id) to the clipboard (OSC 52)")
        let effects = s.handle(.keyPressed(.character("Y")))
        guard case .copy(let text) = effects.first else {
            Issue.record("Y gave \(effects)")
            return
        }
        let values = text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        // One value per column but the sparkline.
        #expect(values.count == s.columns.count - 1)
        #expect(Array(values.prefix(2)) == [account.name, account.id])
        #expect(!text.contains("\n"))
        #expect(s.message?.text == "copied \(account.id)'s row to the clipboard (OSC 52)")
        _ = s.handle(.keyPressed(.character("t")))
        #expect(s.handle(.keyPressed(.character("y"))).isEmpty)
    }

    @Test("only mine keeps the user's accounts")
    func onlyMine() {
        var s = state()
        _ = s.handle(.keyPressed(.character("o")))
        #expect(!s.order.isEmpty)
        #expect(s.order.allSatisfy { s.data.programme.accounts[$0].owner == "dana" })
    }

    @Test("a reload from another process keeps the selection and highlights the changed rows")
    func reload() {
        var s = state()
        _ = s.handle(.keyPressed(.down))
        let selected = s.selected
        _ = s.handle(.storeReloaded(s.data, changed: [3]))
        #expect(s.selected == selected)
        #expect(s.highlighted == [3])
        _ = s.handle(.ticked)
        #expect(s.highlighted.isEmpty)
    }

    @Test("help lists every binding of the key map")
    func helpFromKeyMap() {
        let help = HelpView.lines().joined(separator: "\n")
        for binding in KeyMap.bindings {
            #expect(help.contains(binding.keys) && help.contains(binding.action))
        }
    }
}
