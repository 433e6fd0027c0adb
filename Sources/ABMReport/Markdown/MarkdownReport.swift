import ABMCore

/// The weekly report as Markdown: readable as plain text in a mail, and rendered anywhere
/// Markdown is (GitHub-flavoured tables).
public enum MarkdownReport {
    /// The whole document, ending with a newline.
    public static func render(_ report: WeeklyReport) -> String {
        let blocks: [String] =
            [
                "# " + MarkdownText.escape(ReportWords.title(report)),
                ReportWords.subtitle(report.period),
                glance(report),
            ] + decisions(report) + tierMoves(report) + stateMoves(report) + breaches(report) + health(report)
            + [footer(report)]
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// The few lines a reader needs first.
    static func glance(_ report: WeeklyReport) -> String {
        ReportSummary.lines(report).map { "- " + $0.markdown }.joined(separator: "\n")
    }

    /// Decisions by tier, then owner: a tally per owner and the decided accounts with notes.
    static func decisions(_ report: WeeklyReport) -> [String] {
        var blocks = ["## Decisions by tier and owner"]
        for tier in report.decisions {
            guard !tier.owners.isEmpty else {
                blocks.append("### \(tier.tier.label) — no accounts")
                continue
            }
            blocks.append("### \(tier.tier.label) — \(ReportWords.decided(tier.counts))")
            blocks.append(
                MarkdownText.table(
                    ["owner", "accounts", "decided", "work", "hold", "demote", "promote", "undecided"],
                    tier.owners.map { owner in
                        let c = owner.counts
                        return [
                            MarkdownText.escape(ReportWords.owner(owner.owner)), "\(owner.accounts)", "\(c.decided)",
                            "\(c.work)", "\(c.hold)", "\(c.demote)", "\(c.promote)", "\(c.undecided)",
                        ]
                    } + [
                        [
                            "**all**", "\(tier.counts.total)", "\(tier.counts.decided)",
                            "\(tier.counts.work)", "\(tier.counts.hold)", "\(tier.counts.demote)",
                            "\(tier.counts.promote)", "\(tier.counts.undecided)",
                        ]
                    ], right: Set(1...7)))
            let lines = tier.owners.flatMap { owner in owner.lines.map { (owner.owner, $0) } }
            if lines.isEmpty {
                blocks.append("No decisions in \(tier.tier.label) yet.")
                continue
            }
            blocks.append(
                MarkdownText.table(
                    ["owner", "account", "name", "decision", "by", "note"],
                    lines.map { owner, line in
                        [
                            MarkdownText.escape(ReportWords.owner(owner)), MarkdownText.escape(line.account.id),
                            MarkdownText.escape(line.account.name), line.decision.action.rawValue,
                            MarkdownText.escape(line.decision.by), MarkdownText.escape(line.decision.note ?? ""),
                        ]
                    }))
        }
        return blocks
    }

    /// Promotions and demotions of the week with who moved them and their notes.
    static func tierMoves(_ report: WeeklyReport) -> [String] {
        let header = ["account", "name", "owner", "tier", "by", "when", "note"]
        let row = { (move: TierMove) -> [String] in
            [
                MarkdownText.escape(move.account.id), MarkdownText.escape(move.account.name),
                MarkdownText.escape(ReportWords.owner(move.account.owner)),
                ReportWords.tierMove(from: move.from, to: move.to),
                move.entries.map { "\(ReportWords.event($0)) by \(MarkdownText.escape($0.record.by))" }
                    .joined(separator: "; "),
                move.entries.map { ReportWords.minute($0.record.at) }.joined(separator: "; "),
                move.notes.map(MarkdownText.escape).joined(separator: "; "),
            ]
        }
        return ["## Promotions and demotions"]
            + subsection("Promoted", header, report.promotions.map(row))
            + subsection("Demoted", header, report.demotions.map(row))
    }

    /// Accounts whose demand state rose or fell since Monday.
    static func stateMoves(_ report: WeeklyReport) -> [String] {
        let header = ["account", "name", "tier", "owner", "from", "to"]
        let row = { (move: StateMove) -> [String] in
            [
                MarkdownText.escape(move.account.id), MarkdownText.escape(move.account.name), move.tier.label,
                MarkdownText.escape(ReportWords.owner(move.account.owner)), move.from.rawValue, move.to.rawValue,
            ]
        }
        return ["## Accounts that moved state"]
            + subsection("Up", header, report.rose.map(row)) + subsection("Down", header, report.fell.map(row))
    }

    /// `### Title (n)` and a table of the rows, or a line saying there are none.
    static func subsection(_ title: String, _ header: [String], _ rows: [[String]]) -> [String] {
        ["### \(title) (\(rows.count))", rows.isEmpty ? "None this week." : MarkdownText.table(header, rows)]
    }

    /// Every follow-up overdue at as-of, by owner; the week's new ones marked.
    static func breaches(_ report: WeeklyReport) -> [String] {
        var blocks = ["## SLA breaches", ReportSummary.breachSentence(report)]
        guard !report.breaches.isEmpty else { return blocks }
        blocks.append(
            MarkdownText.table(
                ["owner", "account", "name", "tier", "due", "overdue", "new"],
                report.breaches.map { line in
                    [
                        MarkdownText.escape(ReportWords.owner(line.account.owner)),
                        MarkdownText.escape(line.account.id), MarkdownText.escape(line.account.name),
                        line.tier.label, ReportWords.minute(line.clock.dueAt),
                        DurationText.short(seconds: report.period.asOf.seconds - line.clock.dueAt.seconds),
                        line.isNew ? "new" : "",
                    ]
                }, right: [5]))
        return blocks
    }

    /// Tier health, the engaged share over eight weeks, and the Tier 2 holdout comparison.
    static func health(_ report: WeeklyReport) -> [String] {
        let tiers = report.health.tiers
        var blocks = ["## Tier health"]
        blocks.append(
            MarkdownText.table(
                [""] + tiers.map(\.tier.label),
                HealthRows.sections(report).flatMap(\.rows).map { row in [row.label] + row.values }, right: [1, 2, 3]))
        blocks.append("### Engaged share, last eight weeks")
        let labels = ShareHistoryLabels.labels(report)
        blocks.append(
            MarkdownText.table(
                ["tier"] + labels,
                Tier.allCases.map { tier in
                    [tier.label] + report.engagedShares.shares(of: tier).map { ReportWords.percent($0) }
                }, right: Set(1...labels.count)))
        blocks.append(
            "Tier 1's red flag: an engaged share below \(ReportWords.percent(report.redFlagShare)).")
        blocks.append("### Tier 2 holdout comparison")
        if let holdout = report.health[.two].holdout {
            blocks.append(
                MarkdownText.table(
                    ["group", "accounts", "with pipeline", "share"],
                    [("holdout", holdout.holdout), ("rest (worked)", holdout.rest)].map { name, group in
                        [name, "\(group.accounts)", "\(group.withPipeline)", ReportWords.percent(group.share)]
                    }, right: [1, 2, 3]))
            blocks.append(ReportSummary.holdoutSentence(holdout))
        }
        return blocks
    }

    static func footer(_ report: WeeklyReport) -> String {
        "---\n\n_" + ReportSummary.footnote(report) + "_"
    }
}
