import Testing

@testable import ABMBoardUI

/// The board's columns as the config file orders them.
struct BoardLayoutTests {
    @Test("every column has an id, and the default order is every column once")
    func ids() {
        #expect(BoardView.columns.map(\.id) == ColumnID.defaultOrder)
        #expect(Set(ColumnID.defaultOrder).count == ColumnID.allCases.count)
    }

    @Test("configured columns show in their order; the account column takes the spare width")
    func configuredOrder() {
        let layout = BoardView.layout(width: 120, ids: [.tier, .score, .account, .id])
        #expect(layout.map(\.column.id) == [.tier, .score, .account, .id])
        #expect(layout.map(\.width) == [4, 5, 120 - 4 - 5 - 9 - 4, 9])
    }

    @Test("on a narrow terminal the configured columns quickest to give way go first")
    func givesWay() {
        let ids: [ColumnID] = [.decision, .account, .tier, .trend, .id, .state]
        #expect(BoardView.layout(width: 200, ids: ids).map(\.column.id) == ids)
        #expect(BoardView.layout(width: 60, ids: ids).map(\.column.id) == [.decision, .account, .tier, .state])
        #expect(BoardView.layout(width: 45, ids: ids).map(\.column.id) == [.account, .tier, .state])
    }

    @Test("the 80-column board with the columns in the config's order")
    func header80() {
        let state = BoardState(
            data: DemoBoard.data, user: "dana", width: 80, height: 24, live: true,
            columns: [.tier, .state, .account, .score, .sla, .id])
        let lines = ScreenView.render(state).lines
        #expect(lines[0] == "tier state       account                         score SLA            id")
        #expect(lines[1] == "T1   engaged     Falconview Labs Group              99 met            A-0053")
    }

    @Test("the default order draws the board as before")
    func defaultUnchanged() {
        let lines = ScreenView.render(DemoBoard.state(width: 80, height: 24)).lines
        #expect(lines[0] == "account                   tier state       score surge suggests  decision")
    }
}
