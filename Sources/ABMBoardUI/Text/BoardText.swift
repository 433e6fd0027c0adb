import ABMCore

/// The board and tier health as text tables for people (`board`, `health`, bare `abmboard`).
public enum BoardText {
    /// The whole board as a table, with a title line.
    public static func render(_ rows: [AccountEvaluation], programme: Programme, asOf: Instant, store: String) -> String
    {
        let week = ReviewWeek(containing: asOf)
        var lines = ["\(store) · as of \(asOf.iso8601) · review week \(week.label) · \(rows.count) accounts", ""]
        lines.append(table(rows, programme: programme, asOf: asOf))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The rows as a table.
    public static func table(_ rows: some Collection<AccountEvaluation>, programme: Programme, asOf: Instant) -> String
    {
        TextTable.render(
            header: [
                "account", "name", "tier", "owner", "state", "score", "surge", "last touch", "sla", "recommendation",
                "decision",
            ],
            rows: rows.map { row in
                let account = programme.accounts[row.account]
                return [
                    account.id, clipped(account.name, 28), row.tier.map { "\($0.rawValue)" } ?? "-",
                    account.owner ?? "",
                    row.state.rawValue, "\(row.engagementScore)", row.surging ? "▲" : "",
                    lastTouch(row.lastTouch, asOf: asOf), sla(row.sla, asOf: asOf), row.recommendation.rawValue,
                    row.decision.map { "\($0.action.rawValue) (\($0.by))" } ?? "",
                ]
            }, rightAligned: [2, 5])
    }

    /// `3d ago · meeting`.
    public static func lastTouch(_ touch: LastTouch?, asOf: Instant) -> String {
        guard let touch else { return "—" }
        return "\(age(seconds: asOf.seconds - touch.at.seconds)) · \(touch.channel.rawValue)"
    }

    /// `12m ago`, `5h ago`, `3d ago`.
    public static func age(seconds: Int64) -> String {
        switch seconds {
        case ..<3_600: "\(max(seconds / 60, 0))m ago"
        case ..<86_400: "\(seconds / 3_600)h ago"
        default: "\(seconds / 86_400)d ago"
        }
    }

    /// `due in 5h`, `breached 2d ago`, `met`.
    public static func sla(_ sla: SLASummary, asOf: Instant) -> String {
        guard let due = sla.dueAt, sla.status != .none else { return sla.status == .none ? "" : sla.status.rawValue }
        switch sla.status {
        case .due: return "due in " + DurationText.short(seconds: max(due.seconds - asOf.seconds, 0))
        case .breached: return "overdue " + DurationText.short(seconds: max(asOf.seconds - due.seconds, 0))
        default: return sla.status.rawValue
        }
    }

    /// `Tier 1` … or `removed`.
    public static func tierText(_ tier: Tier?) -> String { tier?.label ?? "removed" }

    /// `text` with control characters made visible, cut to `width` display columns with an
    /// ellipsis.
    public static func clipped(_ text: String, _ width: Int) -> String {
        let clean = SafeText.visible(text)
        guard DisplayWidth.of(clean) > width else { return clean }
        guard width > 0 else { return "" }
        // By display width, not characters: a wide (CJK) character takes two columns.
        var kept = ""
        var used = 0
        for character in clean {
            let columns = DisplayWidth.of(character)
            if used + columns > width - 1 { break }
            kept.append(character)
            used += columns
        }
        return kept + "…"
    }
}

/// Tier health as a table.
public enum HealthText {
    /// Both tables and the holdout line.
    public static func render(_ report: HealthReport) -> String {
        var lines = ["tier health · as of \(report.asOf.iso8601) · review week \(report.week.label)", ""]
        // Two tables, so that each fits a 100-column terminal: demand, then follow-up and decisions.
        lines.append(
            TextTable.render(
                header: [
                    "tier", "accounts", "target", "aware", "engaged", "opportunity", "customer", "expansion",
                    "engaged share", "red flag", "thin",
                ],
                rows: report.tiers.map { t in
                    [
                        t.tier.label, "\(t.accounts)", "\(t.states[.target])", "\(t.states[.aware])",
                        "\(t.states[.engaged])", "\(t.states[.opportunity])", "\(t.states[.customer])",
                        "\(t.states[.expansion])", percent(t.engagedShare), t.redFlag ? "RED" : "", "\(t.thin)",
                    ]
                }, rightAligned: Set(1...10)))
        lines.append("")
        lines.append(
            TextTable.render(
                header: [
                    "tier", "SLA clocks", "met", "late", "breached", "due", "held", "follow-up", "decided", "rose",
                    "fell",
                ],
                rows: report.tiers.map { t in
                    [
                        t.tier.label, "\(t.sla.clocks)", "\(t.sla.met)", "\(t.sla.late)", "\(t.sla.breached)",
                        "\(t.sla.due)", "\(t.sla.held)", t.sla.followUpRate.map(percent) ?? "—",
                        "\(t.decisions.decided)/\(t.accounts)", "\(t.movement.rose)", "\(t.movement.fell)",
                    ]
                }, rightAligned: Set(1...10)))
        if let holdout = report[.two].holdout {
            lines.append("")
            lines.append(
                "Tier 2 holdout: \(holdout.holdout.withPipeline) of \(holdout.holdout.accounts) with pipeline ("
                    + (holdout.holdout.share.map(percent) ?? "—") + "); the rest: \(holdout.rest.withPipeline) of "
                    + "\(holdout.rest.accounts) (" + (holdout.rest.share.map(percent) ?? "—") + ")")
        }
        return lines.joined(separator: "\n")
    }

    /// `42 %`.
    public static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }
}
