import ABMCore

/// The sentences both formats put at the top and under the tables.
enum ReportSummary {
    /// One line of the summary: a label, what it says, and whether it needs attention.
    struct Line {
        var label: String
        var text: String
        var alert: Bool

        /// `- **label:** text` without the dash.
        var markdown: String { "**\(label):** " + (alert ? "⚠ " : "") + text }
    }

    static func lines(_ report: WeeklyReport) -> [Line] {
        let health = report.health
        let all = DecisionCounts.sum(health.tiers.map(\.decisions))
        let one = health[.one]
        let redFlag = ReportWords.percent(report.redFlagShare)
        let rates = health.tiers.map { tier in
            "\(tier.tier.label) "
                + (tier.sla.followUpRate.map {
                    ReportWords.percent($0) + (tier.followUpOnTarget == false ? " (below)" : "")
                }
                    ?? "no rate")
        }
        let rose = health.tiers.map(\.movement.rose).reduce(0, +)
        let fell = health.tiers.map(\.movement.fell).reduce(0, +)
        var lines = [
            Line(
                label: "Decisions",
                text:
                    "\(all.decided) of \(all.total) accounts decided — work \(all.work) · hold \(all.hold) · demote "
                    + "\(all.demote) · promote \(all.promote).",
                alert: false),
            Line(
                label: "Tier 1 engaged share",
                text: ReportWords.percent(one.engagedShare)
                    + (one.redFlag ? ": RED FLAG, below \(redFlag)." : ", above the red flag (\(redFlag))."),
                alert: one.redFlag),
            Line(
                label: "Follow-up rate (target \(ReportWords.percent(report.followUpTarget)))",
                text: rates.joined(separator: " · ") + ".",
                alert: health.tiers.contains { $0.followUpOnTarget == false }),
            Line(label: "SLA breaches", text: breachSentence(report), alert: !report.breaches.isEmpty),
            Line(
                label: "Since Monday",
                text: "\(count(rose, "account")) rose and \(fell) fell in state; "
                    + "\(report.promotions.count) promoted, \(report.demotions.count) demoted.",
                alert: false),
        ]
        if let holdout = health[.two].holdout {
            lines.append(Line(label: "Tier 2 holdout", text: holdoutSentence(holdout), alert: false))
        }
        return lines
    }

    /// `3 follow-ups overdue at as-of, 2 of them new this week.`
    static func breachSentence(_ report: WeeklyReport) -> String {
        let total = report.breaches.count
        if total == 0 { return "No follow-up overdue at as-of." }
        return "\(count(total, "follow-up")) overdue at as-of, \(report.newBreachCount) of them new this week "
            + "(due since Monday 00:00 UTC)."
    }

    /// `Pipeline in 16 % of worked accounts (12 of 76) against 20 % of the holdout (2 of 10): −4 points.`
    static func holdoutSentence(_ holdout: HoldoutComparison) -> String {
        let rest = holdout.rest
        let held = holdout.holdout
        if held.accounts == 0 { return "No Tier 2 account is in the holdout: nothing to compare with." }
        var text =
            "Pipeline in \(ReportWords.percent(rest.share)) of worked accounts (\(rest.withPipeline) of "
            + "\(rest.accounts)) against \(ReportWords.percent(held.share)) of the holdout (\(held.withPipeline) of "
            + "\(held.accounts))"
        if let a = rest.share, let b = held.share { text += "; lift " + ReportWords.points(a - b) }
        return text + "."
    }

    /// The rules the numbers were held against.
    static func footnote(_ report: WeeklyReport) -> String {
        "abmboard report. Movement and new breaches compare as-of with Monday 00:00:00 UTC; tiers and "
            + "decisions are those in force at as-of. Red flag: Tier 1 engaged share below "
            + "\(ReportWords.percent(report.redFlagShare)); follow-up target "
            + "\(ReportWords.percent(report.followUpTarget))."
    }

    /// `1 account`, `3 accounts`.
    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}
