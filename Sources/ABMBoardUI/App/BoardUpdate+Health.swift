import ABMCore

/// Tier health's keys: the cursor moves between its numbers and Enter lists the accounts
/// behind one (a drill-down: the board filtered to them; Esc returns).
extension BoardState {
    /// Shows the board filtered to the accounts behind target `index` of tier health.
    mutating func drill(into index: Int) {
        let targets = HealthView.targets(health)
        guard index < targets.count, let weekStart = weekStartStates else { return }
        let target = targets[index]
        if filter.drill == nil { filterBeforeDrill = filter }
        filter = BoardFilter()
        filter.drill = BoardFilter.Drill(
            tier: target.tier, metric: target.metric, label: target.label, weekStartStates: weekStart)
        screen = .board
        search = ""
        selected = nil
        top = 0
        reorder()
        message = ("\(order.count) accounts · \(target.label) · Esc: back to tier health", false)
    }

    /// Leaves a drill-down: the filter from before it, back on tier health.
    mutating func leaveDrill() {
        filter = filterBeforeDrill ?? BoardFilter()
        filterBeforeDrill = nil
        reorder()
        open(.health)
    }

    /// A mouse action: a click selects (a second click on the selection opens it), the
    /// wheel scrolls.
    mutating func click(_ mouse: Mouse) -> [BoardEffect] {
        guard form == nil, prompt == nil else { return [] }
        switch mouse {
        case .wheelUp, .wheelDown:
            guard menu == nil else { return [] }
            let delta = mouse == .wheelUp ? -1 : 1
            if screen == .health {
                healthCursor = min(max(healthCursor + delta, 0), max(HealthView.targets(health).count - 1, 0))
            } else {
                move(by: 3 * delta)
            }
        case .click(let x, let y):
            if let current = menu {
                if let item = HitTest.menuItem(x: x, y: y, menu: current, width: width, height: height) {
                    menu?.cursor = item
                    pick(item, in: current)
                } else {
                    menu = nil
                }
                return []
            }
            switch screen {
            case .board:
                guard let account = HitTest.boardRow(y: y, in: self) else { return [] }
                if account == selected { open(.detail) } else { selected = account }
            case .health:
                guard let target = HitTest.healthTarget(x: x, y: y, in: self) else { return [] }
                if target == healthCursor { drill(into: target) } else { healthCursor = target }
            case .detail, .help, .meeting, .changes: break
            }
        }
        return []
    }
}
