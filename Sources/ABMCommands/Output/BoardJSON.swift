import ABMCore

/// `board --json` (SPEC §5): `{"as_of": TIME, "accounts": [ROW, …]}` in board order.
enum BoardJSON {
    /// The document; rows one per line so that it stays readable and diffable.
    static func render(_ rows: [AccountEvaluation], programme: Programme, asOf: Instant) -> String {
        var out = "{\"as_of\": \"\(asOf.iso8601)\", \"accounts\": ["
        out.reserveCapacity(rows.count * 700)
        for (index, row) in rows.enumerated() {
            out += index == 0 ? "\n  " : ",\n  "
            out += JSONText.render(value(row, programme: programme))
        }
        out += rows.isEmpty ? "]}\n" : "\n]}\n"
        return out
    }

    /// One row's JSON value.
    static func value(_ row: AccountEvaluation, programme: Programme) -> JSONText.Value {
        let account = programme.accounts[row.account]
        let lastTouch: JSONText.Value = row.lastTouch.map {
            .object([
                ("at", .string($0.at.iso8601)), ("channel", .string($0.channel.rawValue)),
                ("direction", .string($0.direction.rawValue)),
            ])
        } ?? .null
        let decision: JSONText.Value = row.decision.map {
            .object([
                ("mark", .string($0.action.rawValue)), ("by", .string($0.by)), ("at", .string($0.at.iso8601)),
                ("note", .optional($0.note)),
            ])
        } ?? .null
        let roles = row.rolesCovered.sortedRoles.map(\.rawValue).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return .object([
            ("account_id", .string(account.id)), ("name", .string(account.name)),
            ("tier", row.tier.map { .int($0.rawValue) } ?? .null), ("owner", .optional(account.owner)),
            ("demand_state", .string(row.state.rawValue)), ("engagement_score", .int(row.engagementScore)),
            ("surging", .bool(row.surging)), ("surging_topics", .array(row.surgingTopics.map { .string($0.topic) })),
            ("last_touch", lastTouch), ("stakeholders_30d", .int(row.stakeholders30d)),
            ("active_contacts", .int(row.activeContacts)), ("roles_covered", .array(roles.map(JSONText.Value.string))),
            (
                "sla",
                .object([
                    ("status", .string(row.sla.status.rawValue)),
                    ("due_at", row.sla.status == .none ? .null : .time(row.sla.dueAt)),
                ])
            ),
            ("recommendation", .string(row.recommendation.rawValue)),
            ("recommendation_reason", .string(row.reason.text)), ("decision", decision),
        ])
    }
}
