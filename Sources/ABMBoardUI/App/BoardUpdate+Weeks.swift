import ABMCore

/// Review weeks (`[`, `]`) and the "since last week" view (`c`).
extension BoardState {
    /// `[` (-1) and `]` (+1): the whole board as it was at the end of the previous or next
    /// review week (SPEC §7.6), with that week's decisions; moving on past the last week that
    /// is over comes back to the present.
    mutating func moveWeek(by delta: Int) {
        let presentWeek = ReviewWeek(containing: present)
        let target = (viewedWeek ?? presentWeek).offset(by: delta)
        if target >= presentWeek {
            guard viewedWeek != nil else {
                message = ("already at this week, \(presentWeek.label) ([ goes back a week)", false)
                return
            }
            viewedWeek = nil
            show(asOf: present)
            message = ("back to this week, \(presentWeek.label)", false)
            return
        }
        let first = data.programme.earliestTouch.map(ReviewWeek.init(containing:)) ?? presentWeek
        guard target >= first else {
            message = ("\(first.label) is the programme's first week", true)
            return
        }
        viewedWeek = target
        show(asOf: target.lastSecond)
    }

    /// Evaluates the whole board again as of `instant`.
    mutating func show(asOf instant: Instant) {
        let weekChanged = ReviewWeek(containing: instant) != ReviewWeek(containing: data.asOf)
        data.move(asOf: instant)
        sparklines = [:]
        reorder()
        meeting?.recount(data.rows)
        refreshHealth(weekStartChanged: weekChanged)
    }

    /// Computes what changed since the start of the review week while that screen (or an
    /// account's evidence opened from it) is shown, and drops it otherwise.
    mutating func refreshChanges() {
        guard screen == .changes || (screen == .detail && detailReturn == .changes) else {
            changes = nil
            return
        }
        let fresh = data.evaluator.weekChanges(data.programme, asOf: data.asOf, rows: data.rows)
        changes = fresh
        changesCursor = min(changesCursor, max(ChangesView.accounts(fresh).count - 1, 0))
    }

    /// Enter on "since last week": the selected account's card (Esc comes back here).
    mutating func openChangedAccount() {
        guard let changes else { return }
        let accounts = ChangesView.accounts(changes)
        guard changesCursor < accounts.count else { return }
        // The changes are kept for the way back (no refresh: nothing changed).
        selected = accounts[changesCursor]
        screen = .detail
        scroll = 0
        detailReturn = .changes
    }

    /// Refuses a mark, note or touch while a past week is shown, saying why; `true` when refused.
    mutating func refusedInPast() -> Bool {
        guard let week = viewedWeek else { return false }
        message = (
            "\(week.label) is a past week: decisions are made in this week (] comes back to it); nothing recorded",
            true
        )
        return true
    }
}
