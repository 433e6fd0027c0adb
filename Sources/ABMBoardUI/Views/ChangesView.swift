import ABMCore

/// "Since last week" (`c`): the accounts whose state went up or down, whose tier changed (with
/// the marks' notes), that began to surge, and whose SLA clock was breached, since the start
/// of the review week.
public enum ChangesView {
    /// The screen's lines for `changes` on `programme`, and which line shows which account
    /// (what the cursor moves between; Enter opens the account's evidence).
    static func layout(_ changes: WeekChanges, programme: Programme) -> (
        lines: [[Run]], accounts: [(line: Int, account: Int)]
    ) {
        let week = ReviewWeek(containing: changes.to)
        var lines: [[Run]] = [
            [
                Run(
                    "Since last week · \(week.label) · from \(changes.from.iso8601) to \(changes.to.iso8601)",
                    .header)
            ],
            [],
        ]
        func account(_ index: Int) -> [Run] { Run.account(programme.accounts[index]) }
        var accounts: [(line: Int, account: Int)] = []
        func section(_ title: String, _ count: Int, _ rows: [(account: Int, line: [Run])]) {
            lines.append([Run("\(title) · \(count)", .header)])
            if rows.isEmpty { lines.append([Run("  none", .dim)]) }
            for row in rows {
                accounts.append((lines.count, row.account))
                lines.append(row.line)
            }
            lines.append([])
        }
        func stateRows(_ list: [StateChange]) -> [(account: Int, line: [Run])] {
            list.map { change in
                let line =
                    [Run("  "), Run(change.tier.label, .tier(change.tier), width: 8)]
                    + account(change.account).dropFirst()
                    + [
                        Run(change.from.rawValue, .state(change.from), width: 11), Run(" → "),
                        Run(change.to.rawValue, .state(change.to), width: 11),
                        Run("  " + (programme.accounts[change.account].owner ?? "—"), .dim),
                    ]
                return (change.account, line)
            }
        }
        section("States up", changes.rose.count, stateRows(changes.rose))
        section("States down", changes.fell.count, stateRows(changes.fell))
        section(
            "Tier changes", changes.tierChanges.count,
            changes.tierChanges.map { change in
                let how = change.entries.map { entry -> String in
                    var text: String
                    switch entry.record.event {
                    case .mark(let action, _): text = "\(action.rawValue) by \(entry.record.by)"
                    case .retier: text = "re-imported by \(entry.record.by)"
                    case .undo, .note: text = ""
                    }
                    if let note = entry.note { text += " — “\(note)”" }
                    return text
                }.joined(separator: "; ")
                return (
                    change.account,
                    account(change.account) + [
                        Run(BoardText.tierText(change.from), .tier(change.from)), Run(" → "),
                        Run(BoardText.tierText(change.to), .tier(change.to)), Run("  " + how),
                    ]
                )
            })
        section(
            "New surges", changes.newSurges.count,
            changes.newSurges.map { surge in
                (
                    surge.account,
                    [Run("  "), Run(surge.tier.label, .tier(surge.tier), width: 8)] + account(surge.account).dropFirst()
                        + [Run(surge.topics.map { "\($0.topic) \($0.score)" }.joined(separator: ", "), .surge)]
                )
            })
        section(
            "New SLA breaches", changes.newBreaches.count,
            changes.newBreaches.map { breach in
                let overdue = DurationText.short(seconds: changes.to.seconds - breach.clock.dueAt.seconds)
                let line =
                    [Run("  "), Run(breach.tier.label, .tier(breach.tier), width: 8)]
                    + account(breach.account).dropFirst() + [
                        Run("owner \(breach.owner ?? "—") · due \(breach.clock.dueAt.iso8601) · "),
                        Run("overdue \(overdue)", .slaBreached),
                    ]
                return (breach.account, line)
            })
        return (lines, accounts)
    }

    /// The accounts of the selectable lines, in screen order: states up, down, tier changes,
    /// new surges, new breaches (what the cursor moves between without laying out the lines).
    static func accounts(_ changes: WeekChanges) -> [Int] {
        changes.rose.map(\.account) + changes.fell.map(\.account) + changes.tierChanges.map(\.account)
            + changes.newSurges.map(\.account) + changes.newBreaches.map(\.account)
    }

    /// Draws the screen into rows `0 ..< height`, the line under the cursor selected and on
    /// screen.
    static func render(_ state: BoardState, into buffer: inout ScreenBuffer, height: Int) {
        guard let changes = state.changes else { return }
        var (lines, accounts) = layout(changes, programme: state.data.programme)
        var first = 0
        if state.changesCursor < accounts.count {
            let line = accounts[state.changesCursor].line
            lines[line] = lines[line].map { Run($0.text, .selected, width: $0.width) }
            first = StyledPage.firstLine(showing: line, count: lines.count, height: height)
        }
        StyledPage.render(lines, scroll: first, into: &buffer, y: 0, height: height)
    }
}
