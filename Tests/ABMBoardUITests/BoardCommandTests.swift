import ABMCore
import Testing

@testable import ABMBoardUI

/// The `:` command line: each command does what its key does (or what the key would ask for),
/// Tab completes, ↑ and ↓ go through the history, and an unknown command says so and suggests
/// the closest.
struct BoardCommandTests {
    private func state() -> BoardState { DemoBoard.state(width: 120, height: 30) }

    /// Types `:` and `text`, then Enter; returns the effects of Enter.
    @discardableResult
    private func run(_ text: String, in state: inout BoardState) -> [BoardEffect] {
        _ = state.update(.keyPressed(.character(":")))
        for character in text { _ = state.update(.keyPressed(.character(character))) }
        return state.update(.keyPressed(.enter))
    }

    @Test(
        ":mark ACTION records the mark on the selected account, with a note when one follows",
        arguments: MarkAction.allCases)
    func mark(action: MarkAction) throws {
        var s = state()
        // The second account: not Tier 1's first, so that a demote without a note is allowed or asked for below.
        let id = s.data.programme.accounts[try #require(s.selected)].id
        #expect(
            run("mark \(action.rawValue) budget frozen", in: &s) == [
                .record(.mark(action, note: "budget frozen"), accountId: id)
            ])
        #expect(s.prompt == nil)
    }

    @Test(":mark demote on a Tier 1 account without a note asks for it, as d does")
    func demoteAsksForNote() throws {
        var s = state()
        let row = try #require(s.selectedRow)
        #expect(row.tier == .one)
        #expect(run("mark demote", in: &s).isEmpty)
        #expect(s.prompt?.purpose == .demoteNote(accountId: s.data.programme.accounts[row.account].id))
    }

    @Test(":undo, :note, :copy and :q give the effects of u, n, y and q")
    func effects() throws {
        var s = state()
        let id = s.data.programme.accounts[try #require(s.selected)].id
        #expect(run("undo", in: &s) == [.record(.undo, accountId: id)])
        #expect(run("note called the CFO", in: &s) == [.record(.note("called the CFO"), accountId: id)])
        #expect(run("copy", in: &s) == [.copy(id)])
        guard case .copy(let row) = run("copy row", in: &s).first else {
            Issue.record(":copy row copied nothing")
            return
        }
        #expect(row.hasPrefix(s.data.programme.accounts[try #require(s.selected)].name + "\t" + id))
        #expect(run("q", in: &s) == [.quit])
        #expect(run("quit", in: &s) == [.quit])
    }

    @Test(":theme NAME and :export board FILE ask the host to switch the theme and write the board")
    func hostEffects() {
        var s = state()
        #expect(run("theme light", in: &s) == [.useTheme("light")])
        _ = s.update(.themeChanged("light"))
        #expect(s.message?.text == "theme light")
        #expect(run("theme", in: &s).isEmpty && s.message?.isError == true)
        #expect(run("export board week47.csv", in: &s) == [.exportBoard(path: "week47.csv")])
        _ = s.update(.exported(path: "week47.csv", accounts: 12))
        #expect(s.message?.text == "exported 12 accounts (the board as shown) to week47.csv")
        #expect(run("export history x.csv", in: &s).isEmpty && s.message?.isError == true)
    }

    @Test(":open, :touch, :meeting and :week prev/next do what Enter, l, m, [ and ] do")
    func keysAsCommands() {
        var s = state()
        run("open", in: &s)
        #expect(s.screen == .detail)
        _ = s.update(.keyPressed(.escape))
        run("touch", in: &s)
        #expect(s.form != nil)
        _ = s.update(.keyPressed(.escape))
        run("meeting", in: &s)
        #expect(s.menu?.purpose == .meetingScope)
        _ = s.update(.keyPressed(.escape))
        run("week prev", in: &s)
        #expect(s.viewedWeek == ReviewWeek(containing: s.present).offset(by: -1))
        run("week next", in: &s)
        #expect(s.viewedWeek == nil)
    }

    @Test(":health, :changes, :help open their screens; :mine keeps my accounts")
    func screens() {
        var s = state()
        run("health", in: &s)
        #expect(s.screen == .health)
        _ = s.update(.keyPressed(.escape))
        run("changes", in: &s)
        #expect(s.screen == .changes)
        _ = s.update(.keyPressed(.escape))
        run("help", in: &s)
        #expect(s.screen == .help)
        _ = s.update(.keyPressed(.escape))
        run("mine", in: &s)
        #expect(s.onlyMine && s.order.allSatisfy { s.data.programme.accounts[$0].owner == s.user })
    }

    @Test(":week LABEL shows that week's end; :week alone comes back; a bad label says what to give")
    func week() throws {
        var s = state()
        let present = ReviewWeek(containing: s.present)
        let earlier = present.offset(by: -2)
        run("week \(earlier.label.lowercased())", in: &s)
        #expect(s.viewedWeek == earlier)
        #expect(s.data.asOf == earlier.lastSecond)
        run("week", in: &s)
        #expect(s.viewedWeek == nil)
        run("week last-tuesday", in: &s)
        #expect(s.message?.isError == true)
        #expect(s.message?.text.contains("expected a week such as \(present.label)") == true)
    }

    @Test(":filter sets the filter from its words; :filter alone clears it; a bad word is refused")
    func filter() {
        var s = state()
        run("filter tier=1,2 state=engaged,aware", in: &s)
        #expect(s.filter.tiers == [.one, .two] && s.filter.states == [.engaged, .aware])
        #expect(!s.order.isEmpty)
        #expect(
            s.order.allSatisfy { [.engaged, .aware].contains(s.data.rows[$0].state) && s.data.rows[$0].tier != .three })
        run("filter owner=dana decision=undecided surging sla=late", in: &s)
        #expect(
            s.filter.owners == ["dana"] && s.filter.decisions == [nil] && s.filter.surgingOnly
                && s.filter.sla == [.late])
        #expect(s.filter.tiers.isEmpty)
        run("filter", in: &s)
        #expect(s.filter.isEmpty)
        let before = s.filter
        run("filter colour=red", in: &s)
        #expect(s.filter == before)
        #expect(s.message?.text.hasPrefix(":filter: \"colour=red\" is not a filter") == true)
    }

    @Test(":sort COLUMN [reverse] sorts as the menu does; an unknown column lists them")
    func sort() {
        var s = state()
        run("sort score", in: &s)
        #expect(s.sort.column == .score && !s.sort.reversed)
        run("sort last-touch reverse", in: &s)
        #expect(s.sort.column == .lastTouch && s.sort.reversed)
        #expect(s.order == s.sort.sorted(s.order, in: s.data))
        run("sort colour", in: &s)
        #expect(s.sort.column == .lastTouch)
        #expect(s.message?.text.contains("board, account, owner, state, score, last-touch") == true)
    }

    @Test(":search TEXT searches as / does; :search alone clears it")
    func search() {
        var s = state()
        run("search müller", in: &s)
        #expect(s.search == "müller" && s.order.count == 1)
        run("search", in: &s)
        #expect(s.search.isEmpty && s.order.count > 1)
    }

    @Test(
        "an unknown command says so and suggests the closest one",
        arguments: [
            ("marc work", "unknown command :marc: did you mean :mark? (:help lists them)"),
            ("hel", "unknown command :hel: did you mean :help? (:help lists them)"),
            ("xyzzy", "unknown command :xyzzy (:help lists them)"),
        ])
    func unknown(text: String, says: String) {
        var s = state()
        #expect(run(text, in: &s).isEmpty)
        #expect(s.message?.text == says && s.message?.isError == true)
    }

    @Test("Tab completes a command's name and its argument; several candidates are listed")
    func completion() {
        var s = state()
        _ = s.update(.keyPressed(.character(":")))
        for character in "ma" { _ = s.update(.keyPressed(.character(character))) }
        _ = s.update(.keyPressed(.tab))
        #expect(s.prompt?.text == "mark ")
        _ = s.update(.keyPressed(.character("d")))
        _ = s.update(.keyPressed(.tab))
        #expect(s.prompt?.text == "mark demote ")
        _ = s.update(.keyPressed(.escape))
        _ = s.update(.keyPressed(.character(":")))
        _ = s.update(.keyPressed(.character("s")))
        _ = s.update(.keyPressed(.tab))
        #expect(s.prompt?.text == "s")
        #expect(s.message?.text == "skip  search  sort")
        _ = s.update(.keyPressed(.character("o")))
        _ = s.update(.keyPressed(.tab))
        _ = s.update(.keyPressed(.character("l")))
        _ = s.update(.keyPressed(.tab))
        #expect(s.prompt?.text == "sort last-touch ")
    }

    @Test("↑ and ↓ in the command line go through the commands run, newest first")
    func history() {
        var s = state()
        run("sort score", in: &s)
        run("mine", in: &s)
        _ = s.update(.keyPressed(.character(":")))
        _ = s.update(.keyPressed(.up))
        #expect(s.prompt?.text == "mine")
        _ = s.update(.keyPressed(.up))
        #expect(s.prompt?.text == "sort score")
        _ = s.update(.keyPressed(.up))
        #expect(s.prompt?.text == "sort score")
        _ = s.update(.keyPressed(.down))
        #expect(s.prompt?.text == "mine")
        _ = s.update(.keyPressed(.down))
        #expect(s.prompt?.text == "")
        #expect(s.commandHistory == ["sort score", "mine"])
    }

    @Test("help lists every command")
    func helpListsCommands() {
        let help = HelpView.lines()
        for command in BoardCommand.all {
            #expect(help.contains { $0.hasPrefix("  :" + command.name + " ") && $0.hasSuffix(command.summary) })
        }
    }
}
