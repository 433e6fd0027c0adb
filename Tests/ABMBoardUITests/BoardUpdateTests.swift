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
        _ = s.update(.keyPressed(.up))
        #expect(s.selected == first)
        _ = s.update(.keyPressed(.character("j")))
        #expect(s.selected == s.order[1])
        _ = s.update(.keyPressed(.character("G")))
        #expect(s.selected == s.order.last)
        #expect(s.top == s.order.count - s.visibleRows)
        _ = s.update(.keyPressed(.home))
        #expect(s.selected == first && s.top == 0)
    }

    @Test("w, h and p ask for a mark on the selected account; q on the board quits")
    func marks() {
        var s = state()
        let id = s.data.programme.accounts[s.order[0]].id
        #expect(s.update(.keyPressed(.character("w"))) == [.record(.mark(.work, note: nil), accountId: id)])
        #expect(s.update(.keyPressed(.character("u"))) == [.record(.undo, accountId: id)])
        #expect(s.update(.keyPressed(.character("q"))) == [.quit])
    }

    @Test("demoting a Tier 1 account asks for a note; an empty note records nothing")
    func demoteNeedsNote() throws {
        var s = state()
        let row = try #require(s.selectedRow)
        #expect(row.tier == .one)
        let id = s.data.programme.accounts[row.account].id
        #expect(s.update(.keyPressed(.character("d"))).isEmpty)
        #expect(s.prompt?.purpose == .demoteNote(accountId: id))
        _ = s.update(.keyPressed(.enter))
        #expect(s.message?.isError == true)
        _ = s.update(.keyPressed(.character("d")))
        for character in "no budget" { _ = s.update(.keyPressed(.character(character))) }
        #expect(s.update(.keyPressed(.enter)) == [.record(.mark(.demote, note: "no budget"), accountId: id)])
    }

    @Test("a recorded mark updates the row at once and the selection stays on the account")
    func recorded() throws {
        var s = state()
        _ = s.update(.keyPressed(.down))
        let selected = try #require(s.selected)
        let id = s.data.programme.accounts[selected].id
        let record = HistoryRecord(accountId: id, at: s.data.asOf, by: "dana", event: .mark(.hold, note: nil))
        _ = s.update(.recorded(RecordedMark(record: record, tierBefore: nil, tierAfter: nil)))
        #expect(s.data.rows[selected].decision?.action == .hold)
        #expect(s.selected == selected)
        #expect(s.message?.text.hasPrefix("\(id): hold by dana at ") == true)
    }

    @Test("search narrows the board as you type; Esc clears it; the selection follows")
    func search() {
        var s = state()
        _ = s.update(.keyPressed(.character("/")))
        for character in "müller" { _ = s.update(.keyPressed(.character(character))) }
        #expect(s.order.count == 1)
        #expect(s.data.programme.accounts[s.order[0]].name.hasPrefix("Müller"))
        #expect(s.selected == s.order[0])
        _ = s.update(.keyPressed(.escape))
        #expect(s.search.isEmpty && s.order.count > 1)
    }

    @Test("y copies the selected account's id, Y its row tab-separated; both say so; elsewhere nothing")
    func copy() throws {
        var s = state()
        let selected = try #require(s.selected)
        let account = s.data.programme.accounts[selected]
        #expect(s.update(.keyPressed(.character("y"))) == [.copy(account.id)])
        #expect(s.message?.text == "copied \(account.id) to the clipboard (OSC 52)")
        let effects = s.update(.keyPressed(.character("Y")))
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
        _ = s.update(.keyPressed(.character("t")))
        #expect(s.update(.keyPressed(.character("y"))).isEmpty)
    }

    @Test("only mine keeps the user's accounts")
    func onlyMine() {
        var s = state()
        _ = s.update(.keyPressed(.character("o")))
        #expect(!s.order.isEmpty)
        #expect(s.order.allSatisfy { s.data.programme.accounts[$0].owner == "dana" })
    }

    @Test("a reload from another process keeps the selection and highlights the changed rows")
    func reload() {
        var s = state()
        _ = s.update(.keyPressed(.down))
        let selected = s.selected
        _ = s.update(.storeReloaded(s.data, changed: [3]))
        #expect(s.selected == selected)
        #expect(s.highlighted == [3])
        _ = s.update(.highlightExpired)
        #expect(s.highlighted.isEmpty)
    }

    @Test("help lists every binding of every screen's key map, and the mouse")
    func helpFromKeyMap() {
        let help = HelpView.lines()
        #expect(help.contains("Board") && help.contains("Account card") && help.contains("Meeting"))
        for context in KeyMap.Context.allCases {
            for binding in KeyMap.bindings(context) {
                #expect(help.contains { $0.contains(binding.shown) && $0.hasSuffix(binding.help) })
            }
        }
        #expect(help.contains { $0.contains("click") })
    }

    @Test("no key is bound twice on one screen (the second binding would be dead, and help would lie)")
    func noKeyBoundTwice() {
        for context in KeyMap.Context.allCases {
            var seen: [Key: String] = [:]
            for binding in KeyMap.bindings(context) {
                for key in binding.keys {
                    #expect(seen[key] == nil, "\(context): \(key) is bound to \(seen[key] ?? "") and \(binding.help)")
                    seen[key] = binding.help
                }
                #expect(binding.keys.allSatisfy { KeyMap.action(for: $0, in: context) == binding.action })
            }
        }
    }

    @Test(
        "the key map dispatches: the same key does what its screen's table says",
        arguments: [
            (KeyMap.Context.board, Key.character("h"), KeyAction.mark(.hold)),
            (.health, .character("h"), .up), (.meeting, .character("s"), .skip), (.board, .character("s"), .sort),
            (.card, .character("e"), .evidence), (.drill, .character("q"), .back), (.board, .character("q"), .quit),
            (.help, .character("q"), .back),
        ])
    func dispatch(context: KeyMap.Context, key: Key, action: KeyAction) {
        #expect(KeyMap.action(for: key, in: context) == action)
    }

    @Test("a key a screen does not bind does nothing there")
    func unboundKeyDoesNothing() {
        var s = state()
        _ = s.update(.keyPressed(.character("t")))
        #expect(s.screen == .health)
        let effects = s.update(.keyPressed(.character("w")))
        #expect(effects.isEmpty && s.screen == .health && s.message == nil)
    }

    @Test("the footer shows only keys of the screen's table, ending on help")
    func footerFromKeyMap() {
        for (keys, context) in [([Key](), KeyMap.Context.board), ([.enter], .card), ([.character("t")], .health)] {
            var s = state()
            for key in keys { _ = s.update(.keyPressed(key)) }
            #expect(KeyMap.context(of: s) == context)
            let footer = KeyMap.footer(for: s)
            let words = Set(KeyMap.bindings(context).compactMap(\.footer))
            for part in footer.components(separatedBy: " · ") { #expect(words.contains(part), "\(part)") }
            #expect(footer.contains("? help"))
        }
    }

    @Test("at 80 columns the board's footer keeps the keys a meeting uses most: move, card, mark, undo, meeting")
    func footerPriority() {
        let footer = KeyMap.footer(for: DemoBoard.state(width: 80, height: 24))
        #expect(footer.hasPrefix("j/k move · Enter card · w/h/d/p mark · u undo · m meeting"), "\(footer)")
        #expect(footer.hasSuffix("q quit · ? help"))
    }
}
