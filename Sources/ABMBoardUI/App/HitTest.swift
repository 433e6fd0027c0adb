import ABMCore

/// Which thing of the screen a mouse click at a cell lands on: a board row, a tier-health
/// number, a menu item. The views lay the screen out; this reads their layouts, so the views
/// only draw.
enum HitTest {
    /// The account of the board row at row `y` (the header is row 0), if any.
    static func boardRow(y: Int, in state: BoardState) -> Int? {
        let position = state.top + y - 1
        guard y >= 1, y <= state.visibleRows, position >= 0, position < state.order.count else { return nil }
        return state.order[position]
    }

    /// The tier-health number (an index into `HealthView.targets`) drawn at column `x`, row `y`.
    static func healthTarget(x: Int, y: Int, in state: BoardState) -> Int? {
        guard let report = state.health else { return nil }
        let layout = HealthView.layout(
            report, redFlagBelow: state.data.evaluator.playbook.health.tier1EngagedRedFlag, width: state.width)
        let line = HealthView.firstLine(layout, cursor: state.healthCursor, height: state.height - 2) + y
        guard y >= 0, line < layout.lines.count else { return nil }
        var column = 0
        for segment in layout.lines[line] {
            let end = column + DisplayWidth.of(segment.text)
            if x >= column && x < end { return segment.target }
            column = end
        }
        return nil
    }

    /// The item of `menu` drawn at column `x`, row `y` of a `width` × `height` screen.
    static func menuItem(x: Int, y: Int, menu: Menu, width: Int, height: Int) -> Int? {
        let box = MenuView.frame(menu, width: width, height: height)
        guard x > box.x, x < box.x + box.width - 1, y > box.y, y < box.y + box.height - 1 else { return nil }
        let index = MenuView.firstItem(menu, rows: box.height - 2) + y - box.y - 1
        return index < menu.items.count ? index : nil
    }
}
