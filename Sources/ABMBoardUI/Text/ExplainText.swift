import ABMCore

/// `explain` as text: every number on an account's row with its evidence — the score's components and
/// the touches behind them, the demand-state rule traced condition by condition, surge, the
/// buying committee, the SLA clocks, the recommendation's reason and the mark history.
public enum ExplainText {
    /// The evidence as text for people.
    public static func text(_ e: AccountEvidence, programme: Programme, playbook: Playbook) -> String {
        lines(e, programme: programme, playbook: playbook).joined(separator: "\n") + "\n"
    }

    /// The evidence as lines, each with its control characters made visible (`SafeText`), so
    /// that a name or note never reaches a terminal as an escape sequence or breaks a line.
    public static func lines(_ e: AccountEvidence, programme: Programme, playbook: Playbook) -> [String] {
        let row = e.evaluation
        let a = e.account
        var out: [String] = []
        out.append(
            "\(a.id) · \(BoardText.clipped(a.name, 60)) · \(row.tier?.label ?? "removed") · owner \(a.owner ?? "—")"
                + (row.holdout ? " · holdout" : "") + " · as of \(row.asOf.iso8601)")
        out.append("")
        let s = row.score
        out.append(
            "engagement score \(s.value)  (raw \(fixed(s.raw)) = touches \(fixed(s.touchPoints)) + breadth \(fixed(s.breadthPoints)) + intent \(fixed(s.intentPoints)))"
        )
        out.append("  touches: \(s.scoredTouches) inbound touches, weight × 0.5^(age / half-life), summed")
        out.append("  breadth: \(s.stakeholders) stakeholders in the window → \(fixed(s.breadthPoints)) points")
        out.append("  intent: peak \(s.peakIntent) → \(fixed(s.intentPoints)) points")
        for touch in e.scoredTouches.sorted(by: { $0.contribution > $1.contribution }).prefix(40) {
            let t = touch.touch
            out.append(
                "    \(t.occurredAt.iso8601)  \(pad(t.channel.rawValue, 11)) \(pad(t.contactId ?? "—", 12)) "
                    + "\(fixed(touch.weight)) × \(fixed(touch.decay)) (\(fixed(touch.ageDays)) d old) = \(fixed(touch.contribution))  \(t.id)"
            )
        }
        if e.scoredTouches.count > 40 { out.append("    … and \(e.scoredTouches.count - 40) more touches") }
        out.append("")
        out.append("demand state \(row.state.rawValue): the first state whose rule holds, from the top")
        for trace in e.stateTrace {
            let joined = trace.combinator == .all ? "all of" : "any of"
            out.append("  \(trace.holds ? "✓" : "✗") \(trace.state.rawValue) (\(joined))")
            for condition in trace.conditions { out.append("      \(condition.text)") }
        }
        out.append("")
        out.append(
            "surge: "
                + (row.surgingTopics.isEmpty
                    ? "none" : row.surgingTopics.map { "\($0.topic) \($0.score)" }.joined(separator: ", ")))
        for intent in e.recentIntent.prefix(20) {
            out.append("    \(intent.observedAt.iso8601)  \(intent.topic)  \(intent.score)")
        }
        out.append(
            "last touch: "
                + (row.lastTouch.map { "\($0.at.iso8601) \($0.channel.rawValue) \($0.direction.rawValue)" } ?? "none"))
        out.append(
            "buying committee: \(row.stakeholders30d) stakeholders in 30 d, \(row.activeContacts) active contacts, roles "
                + (row.rolesCovered.sortedRoles.isEmpty
                    ? "none" : row.rolesCovered.sortedRoles.map(\.rawValue).joined(separator: ", "))
                + (row.thin ? " · THIN" : ""))
        for contact in e.contacts {
            let c = contact.contact
            out.append(
                "    \(pad(c.id, 12)) \(pad(BoardText.clipped(c.name, 24), 24)) \(pad(c.buyingRole.rawValue, 20)) "
                    + (c.active ? "active" : "inactive")
                    + (contact.lastEngagement.map { " · engaged \($0.iso8601)" } ?? "")
                    + (contact.isStakeholder ? " · stakeholder" : ""))
        }
        out.append("")
        out.append(
            "SLA: \(row.sla.status.rawValue)" + (row.sla.dueAt.map { ", due \($0.iso8601)" } ?? "")
                + " · clocks: \(row.sla.tally.clocks) (met \(row.sla.tally.met), late \(row.sla.tally.late), breached \(row.sla.tally.breached), due \(row.sla.tally.due), held \(row.sla.tally.held))"
        )
        for clock in e.clocks {
            out.append(
                "    opened \(clock.openedAt.iso8601) (\(clock.triggers) trigger\(clock.triggers == 1 ? "" : "s")), due \(clock.dueAt.iso8601), "
                    + (clock.closedAt.map { "followed up \($0.iso8601)" } ?? "not followed up")
                    + " → \(clock.status.rawValue)")
        }
        if !e.opportunities.isEmpty {
            out.append("opportunities:")
            for o in e.opportunities {
                out.append(
                    "    \(o.id) \(o.kind.rawValue) \(o.status.rawValue) created \(o.createdAt.iso8601)"
                        + (o.closedAt.map { " closed \($0.iso8601)" } ?? ""))
            }
        }
        out.append("")
        out.append("recommendation: \(row.recommendation.rawValue) — \(row.reason.text)")
        out.append(
            "decision this week: "
                + (row.decision.map {
                    "\($0.action.rawValue) by \($0.by) at \($0.at.iso8601)" + ($0.note.map { " — \($0)" } ?? "")
                } ?? "none"))
        out.append("")
        out.append("history (\(e.history.count) records):")
        for entry in e.history {
            out.append("    " + historyLine(entry))
        }
        return out.map(SafeText.visible)
    }

    /// One line of the mark history: when, who, what, the tiers it moved between.
    public static func historyLine(_ entry: HistoryEntry) -> String {
        let r = entry.record
        let what: String
        switch r.event {
        case .mark(let action, _): what = action.rawValue
        case .undo: what = "undo"
        case .note(let text): what = "note: \(text)"
        case .retier(let tier): what = "re-import at \(tier.label)"
        }
        var line =
            "\(r.at.iso8601)  \(pad(r.by, 10)) \(what)  (\(BoardText.tierText(entry.tierBefore)) → \(BoardText.tierText(entry.tierAfter)))"
        if case .mark = r.event, let note = entry.note { line += " — \(note)" }
        if entry.takenBackBy != nil { line += " [taken back]" }
        return line
    }

    /// A number with two decimals (`12.50`).
    public static func fixed(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// `text` padded with spaces to `width` display columns.
    public static func pad(_ text: String, _ width: Int) -> String {
        let w = DisplayWidth.of(text)
        return w >= width ? text : text + String(repeating: " ", count: width - w)
    }
}
