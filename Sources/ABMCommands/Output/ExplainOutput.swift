import ABMBoardUI
import ABMCore

/// `explain --json`: the board row plus each piece of evidence.
enum ExplainOutput {
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
}
