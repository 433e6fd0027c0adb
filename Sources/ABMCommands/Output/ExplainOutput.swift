import ABMCore

/// `explain`: every number on an account's row with its evidence — the score's components and
/// the touches behind them, the demand-state rule traced condition by condition, surge, the
/// buying committee, the SLA clocks, the recommendation's reason and the mark history.
enum ExplainOutput {
    /// The evidence as text for people.
    static func text(_ e: AccountEvidence, programme: Programme, playbook: Playbook) -> String {
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
        return out.joined(separator: "\n") + "\n"
    }

    static func historyLine(_ entry: HistoryEntry) -> String {
        let r = entry.record
        let what: String
        switch r.event {
        case .mark(let action, _): what = action.rawValue
        case .undo: what = "undo"
        case .note(let text): what = "note: \(text)"
        case .retier(let tier): what = "re-import at \(tier.label)"
        }
        var line =
            "\(r.at.iso8601)  \(pad(r.by, 10)) \(what)  (\(RecordText.tierText(entry.tierBefore)) → \(RecordText.tierText(entry.tierAfter)))"
        if case .mark = r.event, let note = entry.note { line += " — \(note)" }
        if entry.takenBackBy != nil { line += " [taken back]" }
        return line
    }

    /// The evidence as JSON: the board row plus each piece of evidence.
    static func json(_ e: AccountEvidence, programme: Programme, playbook: Playbook) -> String {
        let row = e.evaluation
        let s = row.score
        let score: JSONText.Value = .object([
            ("value", .int(s.value)), ("raw", .double(s.raw)), ("touch_points", .double(s.touchPoints)),
            ("scored_touches", .int(s.scoredTouches)), ("stakeholders", .int(s.stakeholders)),
            ("breadth_points", .double(s.breadthPoints)), ("peak_intent", .int(s.peakIntent)),
            ("intent_points", .double(s.intentPoints)),
            (
                "touches",
                .array(
                    e.scoredTouches.map { t in
                        .object([
                            ("touch_id", .string(t.touch.id)), ("at", .string(t.touch.occurredAt.iso8601)),
                            ("channel", .string(t.touch.channel.rawValue)),
                            ("contact_id", .optional(t.touch.contactId)),
                            ("age_days", .double(t.ageDays)), ("weight", .double(t.weight)),
                            ("decay", .double(t.decay)),
                            ("contribution", .double(t.contribution)),
                        ])
                    })
            ),
        ])
        let trace: JSONText.Value = .array(
            e.stateTrace.map { trace in
                .object([
                    ("state", .string(trace.state.rawValue)),
                    ("combinator", .string(trace.combinator == .all ? "all" : "any")),
                    ("holds", .bool(trace.holds)),
                    (
                        "conditions",
                        .array(
                            trace.conditions.map { c in
                                .object([
                                    ("condition", .string(c.label)), ("value", .double(c.value)),
                                    ("threshold", .double(c.threshold)), ("holds", .bool(c.holds)),
                                    ("text", .string(c.text)),
                                ])
                            })
                    ),
                ])
            })
        let clocks: JSONText.Value = .array(
            e.clocks.map { c in
                .object([
                    ("opened_at", .string(c.openedAt.iso8601)), ("due_at", .string(c.dueAt.iso8601)),
                    ("closed_at", .time(c.closedAt)), ("triggers", .int(c.triggers)),
                    ("status", .string(c.status.rawValue)),
                ])
            })
        let contacts: JSONText.Value = .array(
            e.contacts.map { c in
                .object([
                    ("contact_id", .string(c.contact.id)), ("name", .string(c.contact.name)),
                    ("buying_role", .string(c.contact.buyingRole.rawValue)), ("active", .bool(c.contact.active)),
                    ("last_engaged_at", .time(c.lastEngagement)), ("stakeholder", .bool(c.isStakeholder)),
                ])
            })
        let history: JSONText.Value = .array(
            e.history.map { entry in
                let columns: (String, String?) = {
                    switch entry.record.event {
                    case .mark(let action, _): return (action.rawValue, entry.note)
                    case .undo: return ("undo", nil)
                    case .note(let text): return ("note", text)
                    case .retier(let tier): return ("retier \(tier.rawValue)", nil)
                    }
                }()
                return .object([
                    ("at", .string(entry.record.at.iso8601)), ("by", .string(entry.record.by)),
                    ("event", .string(columns.0)),
                    ("note", .optional(columns.1)),
                    ("tier_before", entry.tierBefore.map { .int($0.rawValue) } ?? .null),
                    ("tier_after", entry.tierAfter.map { .int($0.rawValue) } ?? .null),
                    ("taken_back", .bool(entry.takenBackBy != nil)),
                ])
            })
        let intent: JSONText.Value = .array(
            e.recentIntent.map { i in
                .object([
                    ("topic", .string(i.topic)), ("score", .int(i.score)),
                    ("observed_at", .string(i.observedAt.iso8601)),
                ])
            })
        let document: JSONText.Value = .object([
            ("as_of", .string(row.asOf.iso8601)), ("row", BoardJSON.value(row, programme: programme)), ("score", score),
            ("state_trace", trace), ("intent", intent), ("sla_clocks", clocks), ("contacts", contacts),
            ("history", history),
        ])
        return JSONText.render(document) + "\n"
    }

    static func fixed(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let w = TextTable.displayWidth(text)
        return w >= width ? text : text + String(repeating: " ", count: width - w)
    }
}
