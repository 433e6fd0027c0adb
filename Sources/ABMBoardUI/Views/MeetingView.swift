import ABMCore

/// Meeting mode: the progress line, the account with the engine's recommendation and its
/// decision, then its evidence; when the meeting ends, the summary of its decisions.
public enum MeetingView {
    /// The lines above the evidence, which stay while the evidence scrolls.
    static let headLines = 5

    /// Draws the meeting (or its summary) into rows `0 ..< height`.
    static func render(_ state: BoardState, into buffer: inout ScreenBuffer, height: Int) {
        guard let meeting = state.meeting else { return }
        guard let account = meeting.current else {
            StyledPage.render(
                summaryLines(meeting, state: state), scroll: state.scroll, into: &buffer, y: 0, height: height)
            return
        }
        let head = headLines(meeting, account: account, state: state, width: buffer.width)
        for (y, line) in head.prefix(height).enumerated() { StyledPage.draw(line, into: &buffer, y: y) }
        let evidence = ScreenView.plain(ScreenView.evidenceLines(of: account, in: state))
        StyledPage.render(
            evidence, scroll: state.scroll, into: &buffer, y: head.count, height: height - head.count)
    }

    /// `Tier 1 · 7 of 18 · 41 decided this week`.
    public static func progress(_ meeting: Meeting) -> String {
        let decided = meeting.decidedThisWeek
        guard let place = meeting.progress else { return "\(decided) decided this week" }
        return "\(place.tier.label) · \(place.place) of \(place.of) · \(decided) decided this week"
    }

    static func headLines(_ meeting: Meeting, account: Int, state: BoardState, width: Int) -> [[Run]] {
        let row = state.data.rows[account]
        let info = state.data.programme.accounts[account]
        var identity = [
            Run("\(info.id) · \(info.name) · "), Run(BoardText.tierText(row.tier), .tier(row.tier)),
            Run(" · owner \(info.owner ?? "—") · "), Run(row.state.rawValue, .state(row.state)),
            Run(" · score \(row.engagementScore)"),
        ]
        if row.surging {
            identity.append(
                Run(" · surging " + row.surgingTopics.map { "\($0.topic) \($0.score)" }.joined(separator: ", "), .surge)
            )
        }
        var decision: [Run]
        if let made = row.decision {
            decision = [
                Run("Decided: "), Run(made.action.rawValue, .header),
                Run(" by \(made.by) at \(made.at.iso8601)" + (made.note.map { " — “\($0)”" } ?? "")),
            ]
        } else {
            decision = [Run("Not decided this week", .dim)]
        }
        if let note = meeting.pendingNote { decision.append(Run(" · note for the decision: “\(note)”")) }
        return [
            [Run("Meeting (\(meeting.scope.label)) · \(progress(meeting))", .header)],
            identity,
            [Run("Recommends "), Run(row.recommendation.rawValue, .header), Run(" — \(row.reason.text)")],
            decision,
            [Run(String(repeating: "─", count: max(width, 0)), .dim)],
        ]
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
