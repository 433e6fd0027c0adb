import ABMCore
import Testing

@testable import ABMBoardUI

/// `/` searches a byte index and `s` sorts small keys (both at 50,000 accounts within a frame);
/// what they show must be what a user expects: the text's accounts, and each column's order as
/// `BoardSort.precedes` defines it pair by pair.
struct SearchAndSortTests {
    /// The board on a generated programme of 2,000 accounts (names repeat, owners repeat, some
    /// accounts have no owner or no touch), as of its end.
    static let generated: BoardState = {
        let options = SampleOptions.benchmark(accounts: 2_000, touches: 40_000)
        let programme = SampleGenerator.generate(options)
        let data = BoardData(programme: programme, evaluator: Evaluator(), asOf: options.asOf, storeName: "test")
        return BoardState(data: data, user: "dana", width: 120, height: 30, live: false)
    }()

    @Test(
        "every column, forward and reversed, orders the board as precedes does",
        arguments: BoardSort.Column.allCases, [false, true])
    func sortIsPrecedes(column: BoardSort.Column, reversed: Bool) {
        for state in [DemoBoard.state(width: 120, height: 30), Self.generated] {
            var sort = BoardSort()
            sort.column = column
            sort.reversed = reversed
            let accounts = state.data.rows.filter { $0.tier != nil }.map(\.account)
            let expected = accounts.sorted { sort.precedes($0, $1, in: state.data) }
            #expect(sort.sorted(accounts.shuffled(), in: state.data) == expected)
        }
    }

    @Test("the account sort is by lowercased name in code-point order, equal names in board order")
    func accountSort() {
        let state = Self.generated
        var sort = BoardSort()
        sort.column = .account
        let order = sort.sorted(state.data.rows.filter { $0.tier != nil }.map(\.account), in: state.data)
        let names = order.map { state.data.programme.accounts[$0].name.lowercased() }
        #expect(zip(names, names.dropFirst()).allSatisfy { !codePointPrecedes($1, $0) })
    }

    @Test("a search shows exactly the accounts whose name, id or domain holds the text, in any case")
    func searchMatchesText() {
        for text in ["a-0001", "GROUP", "ø", "example", "zzzz-none", "müller"] {
            var state = DemoBoard.state(width: 120, height: 30)
            _ = state.update(.keyPressed(.character("/")))
            for character in text { _ = state.update(.keyPressed(.character(character))) }
            let needle = text.lowercased()
            let expected = Set(
                state.data.programme.accounts.indices.filter { index in
                    let account = state.data.programme.accounts[index]
                    return state.data.rows[index].tier != nil
                        && [account.name, account.id, account.domain ?? ""].contains {
                            $0.lowercased().utf8.count >= needle.utf8.count
                                && $0.lowercased().contains(needle)
                        }
                })
            #expect(Set(state.order) == expected, "search \"\(text)\"")
        }
    }

    @Test("/!text shows the accounts without the text; with the text they make the whole board")
    func invertedSearch() {
        var state = DemoBoard.state(width: 120, height: 30)
        let all = Set(state.order)
        _ = state.update(.keyPressed(.character("/")))
        for character in "group" { _ = state.update(.keyPressed(.character(character))) }
        let with = Set(state.order)
        _ = state.update(.keyPressed(.escape))
        _ = state.update(.keyPressed(.character("/")))
        for character in "!group" { _ = state.update(.keyPressed(.character(character))) }
        let without = Set(state.order)
        #expect(!with.isEmpty && !without.isEmpty)
        #expect(with.isDisjoint(with: without))
        #expect(with.union(without) == all)
        #expect(without.allSatisfy { !state.data.programme.accounts[$0].name.lowercased().contains("group") })
        // `!` alone searches nothing yet: the whole board.
        for _ in "group" { _ = state.update(.keyPressed(.backspace)) }
        #expect(Set(state.order) == all)
    }

    @Test("a text never matches across two accounts' texts")
    func noMatchAcrossAccounts() {
        let index = SearchIndex(["alpha", "beta"])
        #expect(index.matches(SearchIndex.needle("ab")) == [false, false])
        #expect(index.matches(SearchIndex.needle("ha")) == [true, false])
        #expect(index.matches(SearchIndex.needle("A")) == [true, true])
        #expect(index.matches(SearchIndex.needle("")) == [true, true])
        #expect(index.matches(SearchIndex.needle("beta"), account: 1))
        #expect(!index.matches(SearchIndex.needle("beta"), account: 0))
        #expect(!index.matches(SearchIndex.needle("betas"), account: 1))
    }

    @Test("a mark on a searched, sorted board keeps the row where the sort puts it")
    func markOnSearchedBoard() throws {
        var state = Self.generated
        for key in [Key.character("s"), .character("G"), .enter] { _ = state.update(.keyPressed(key)) }
        #expect(state.sort.column == .decision)
        _ = state.update(.keyPressed(.character("/")))
        _ = state.update(.keyPressed(.character("a")))
        _ = state.update(.keyPressed(.enter))
        let selected = try #require(state.selected)
        let id = state.data.programme.accounts[selected].id
        let record = HistoryRecord(accountId: id, at: state.data.asOf, by: "dana", event: .mark(.hold, note: nil))
        _ = state.update(.recorded(RecordedMark(record: record, tierBefore: nil, tierAfter: nil)))
        #expect(state.order == state.sort.sorted(state.order.shuffled(), in: state.data))
    }
}
