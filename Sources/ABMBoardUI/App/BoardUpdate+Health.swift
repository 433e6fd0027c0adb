import ABMCore

/// Tier health's keys: the cursor moves between its numbers and Enter lists the accounts
/// behind one (a drill-down: the board filtered to them; Esc returns).
extension BoardState {
    /// Handles `key` on the health screen; `false` when it is not a health key.
    mutating func pressOnHealth(_ key: Key) -> Bool {
        let count = HealthView.targets(health).count
        switch key {
        case .down, .right, .tab, .character("j"), .character("l"):
            healthCursor = min(healthCursor + 1, max(count - 1, 0))
        case .up, .left, .character("k"), .character("h"):
            healthCursor = max(healthCursor - 1, 0)
        case .home, .character("g"): healthCursor = 0
        case .end, .character("G"): healthCursor = max(count - 1, 0)
        case .enter: drill(into: healthCursor)
        default: return false
        }
        return true
    }

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
                if let item = MenuView.item(at: x, y: y, menu: current, width: width, height: height) {
                    menu?.cursor = item
                    pick(item, in: current)
                } else {
                    menu = nil
                }
                return []
            }
            switch screen {
            case .board:
                let position = top + y - 1
                guard y >= 1, y <= visibleRows, position < order.count else { return [] }
                if order[position] == selected {
                    open(.detail)
                } else {
                    selected = order[position]
                }
            case .health:
                guard let target = HealthView.target(at: x, y: y, in: self) else { return [] }
                if target == healthCursor { drill(into: target) } else { healthCursor = target }
            case .detail, .help, .meeting, .changes: break
            }
        }
        return []
    }
}
