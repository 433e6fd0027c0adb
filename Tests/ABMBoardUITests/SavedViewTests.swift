import ABMCore
import Testing

@testable import ABMBoardUI

/// Saved views: `:view save NAME` asks to keep the board's search, filter, sort and columns;
/// `config.toml`'s `[views.NAME]` gives them back; `:view NAME`, `v` and `--view` open one.
struct SavedViewTests {
    private func state(views: [String: SavedView] = [:]) -> BoardState {
        var s = DemoBoard.state(width: 120, height: 30)
        s.views = views
        return s
    }

    @discardableResult
    private func run(_ text: String, in state: inout BoardState) -> [BoardEffect] {
        _ = state.update(.keyPressed(.character(":")))
        for character in text { _ = state.update(.keyPressed(.character(character))) }
        return state.update(.keyPressed(.enter))
    }

    static let engaged = SavedView(
        search: "!group", filter: try! BoardFilter.parse(words: ["tier=1,2", "state=engaged"]).get(),
        sort: {
            var sort = BoardSort()
            sort.column = .score
            sort.reversed = true
            return sort
        }(),
        columns: [.account, .tier, .state, .score, .decision])

    @Test(":view save NAME asks to keep the search, filter, sort and columns; once saved it is listed")
    func save() {
        var s = state()
        run("search !group", in: &s)
        run("filter tier=1,2 state=engaged", in: &s)
        run("sort score reverse", in: &s)
        s.columns = Self.engaged.columns
        let effects = run("view save engaged-t12", in: &s)
        #expect(effects == [.saveView(name: "engaged-t12", view: Self.engaged)])
        _ = s.update(.viewSaved(name: "engaged-t12", view: Self.engaged, path: "/x/config.toml"))
        #expect(s.views["engaged-t12"] == Self.engaged)
        #expect(s.message?.text.hasPrefix("saved view engaged-t12 in /x/config.toml") == true)
        #expect(run("view save bad/name", in: &s).isEmpty)
        #expect(s.message?.isError == true)
    }

    @Test(":view NAME, v and --view open the view: search, filter, sort and columns")
    func open() {
        for how in ["command", "menu", "start"] {
            var s = state(views: ["engaged": Self.engaged, "all": SavedView(columns: ColumnID.defaultOrder)])
            switch how {
            case "command": run("view engaged", in: &s)
            case "menu":
                _ = s.update(.keyPressed(.character("v")))
                #expect(s.menu?.items == ["all", "engaged"])
                _ = s.update(.keyPressed(.character("j")))
                _ = s.update(.keyPressed(.enter))
            default: _ = s.update(.startedOnView("engaged"))
            }
            #expect(s.search == "!group" && s.filter == Self.engaged.filter && s.sort == Self.engaged.sort, "\(how)")
            #expect(s.columns == Self.engaged.columns, "\(how)")
            #expect(!s.order.isEmpty)
            #expect(s.order.allSatisfy { s.data.rows[$0].state == .engaged && s.data.rows[$0].tier != .three })
            #expect(s.order == s.sort.sorted(s.order, in: s.data))
        }
    }

    @Test("an unknown view says so and names the saved ones; v without views says how to keep one")
    func unknown() {
        var s = state(views: ["engaged": Self.engaged])
        run("view nope", in: &s)
        #expect(s.message?.text == "no view named nope; saved: engaged" && s.message?.isError == true)
        var empty = state()
        _ = empty.update(.keyPressed(.character("v")))
        #expect(empty.menu == nil)
        #expect(empty.message?.text.contains(":view save NAME") == true)
    }

    @Test("a view's section reads back as the same view")
    func roundTrip() throws {
        let text =
            Self.engaged.toml(name: "engaged") + SavedView(search: "say \"hi\"\\", columns: [.id]).toml(name: "odd")
        let config = try BoardConfig.parse(toml: text, source: "config.toml")
        #expect(config.views["engaged"] == Self.engaged)
        #expect(config.views["odd"]?.search == "say \"hi\"\\")
        #expect(config.views["odd"]?.columns == [.id])
    }

    @Test(
        "a broken view is reported with its key",
        arguments: [
            ("[views.a]\nsort = \"colour\"\n", "views.a.sort"), ("[views.a]\nfilter = \"tier=9\"\n", "views.a.filter"),
            ("[views.a]\nwidth = 3\n", "views.a.width"), ("views = 3\n", "views"),
            ("[views.a]\nreverse = \"yes\"\n", "views.a.reverse"),
        ])
    func broken(text: String, key: String) {
        #expect(throws: SettingsError.self) { try BoardConfig.parse(toml: text, source: "config.toml") }
        do {
            _ = try BoardConfig.parse(toml: text, source: "config.toml")
        } catch {
            #expect(error.problems.map(\.key) == [key], "\(error.lines)")
        }
    }

    @Test("the filter as words reads back as the same filter")
    func filterWords() throws {
        let words = [
            "tier=1,3", "owner=(none),dana", "state=aware,engaged", "decision=undecided,work", "sla=late", "surging",
        ]
        let filter = try BoardFilter.parse(words: words).get()
        #expect(try BoardFilter.parse(words: filter.words).get() == filter)
        #expect(filter.owners == ["", "dana"] && filter.decisions == [nil, .work])
    }
}
