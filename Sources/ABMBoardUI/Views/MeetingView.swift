import ABMCore

/// Meeting mode: the progress line, then the account's card (its recommendation and
/// decision in the header); when the meeting ends, the summary of its decisions.
public enum MeetingView {
    /// Draws the meeting (or its summary) into rows `0 ..< height`: the progress line, then
    /// the account's card (the same as the board's detail).
    static func render(_ state: BoardState, into buffer: inout ScreenBuffer, height: Int) {
        guard let meeting = state.meeting else { return }
        guard meeting.current != nil else {
            StyledPage.render(
                summaryLines(meeting, state: state), scroll: state.scroll, into: &buffer, y: 0, height: height)
            return
        }
        var head = [Run("Meeting (\(meeting.scope.label)) · \(progress(meeting))", .header)]
        if let note = meeting.pendingNote { head.append(Run(" · note for the decision: “\(note)”")) }
        StyledPage.draw(head, into: &buffer, y: 0)
        ScreenView.renderCard(state, into: &buffer, y: 1, height: height - 1)
    }

    /// `Tier 1 · 7 of 18 · 41 decided this week`.
    public static func progress(_ meeting: Meeting) -> String {
        let decided = meeting.decidedThisWeek
        guard let place = meeting.progress else { return "\(decided) decided this week" }
        return "\(place.tier.label) · \(place.place) of \(place.of) · \(decided) decided this week"
    }

    /// The summary the meeting ends on: its decisions by tier with their notes, what it
    /// skipped, and what others decided meanwhile.
    static func summaryLines(_ meeting: Meeting, state: BoardState) -> [[Run]] {
        let programme = state.data.programme
        let decisions = meeting.decisions
        var counts = DecisionCounts()
        for decision in decisions { counts.add(decision.action) }
        let week = ReviewWeek(containing: state.data.asOf).label
        var lines: [[Run]] = [
            [Run("Meeting summary · \(week) · \(meeting.scope.label)", .header)],
            [
                Run(
                    "\(decisions.count) decided: work \(counts.work) · hold \(counts.hold) · demote \(counts.demote) · "
                        + "promote \(counts.promote)")
            ],
            [
                Run(
                    "\(meeting.skipped.count) skipped · \(meeting.decidedByOthers.count) decided by others meanwhile · "
                        + progress(meeting))
            ],
            [],
        ]
        for tier in Tier.allCases {
            let ofTier = decisions.filter { $0.tier == tier }
            guard !ofTier.isEmpty else { continue }
            lines.append([Run(tier.label, .tier(tier))])
            for decision in ofTier {
                let account = programme.accounts[decision.account]
                let now = state.data.rows[decision.account].tier
                var line =
                    Run.account(account) + [
                        Run(decision.action.rawValue, .header, width: 9), Run(account.owner ?? "—", width: 12),
                    ]
                if now != decision.tier {
                    line.append(Run("\(decision.tier.label) → \(BoardText.tierText(now))  "))
                }
                if let note = decision.note { line.append(Run("“\(note)”")) }
                lines.append(line)
            }
            lines.append([])
        }
        for (title, accounts) in [
            ("Skipped", meeting.queue.filter { meeting.skipped.contains($0) }),
            ("Decided by others meanwhile", meeting.decidedByOthers),
        ] where !accounts.isEmpty {
            lines.append([Run("\(title) · \(accounts.count)", .header)])
            for index in accounts {
                let account = programme.accounts[index]
                let decision = state.data.rows[index].decision
                lines.append(
                    Run.account(account) + [
                        Run(decision.map { "\($0.action.rawValue) by \($0.by)" } ?? "undecided", .dim)
                    ])
            }
            lines.append([])
        }
        return lines
    }
}
