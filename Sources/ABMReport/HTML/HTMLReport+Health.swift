import ABMCore

extension HTMLReport {
    /// The three charts, the numbers of tier health, and the holdout comparison.
    static func health(_ report: WeeklyReport) -> [String] {
        var parts = ["<h2 id=\"health\">Tier health</h2>"]
        parts.append(figure("Accounts by demand state", StateBarsChart.svg(report.health)))
        parts.append(
            figure(
                "Engaged share (engaged, opportunity or expansion), last eight weeks",
                EngagedShareChart.svg(report)))
        parts.append(figure("Follow-up rate over the last 30 days", FollowUpChart.svg(report)))
        parts.append(healthTables(report))
        if let holdout = report.health[.two].holdout {
            parts.append(
                HTMLText.table(
                    ["Tier 2 holdout comparison", "accounts", "with pipeline", "share"],
                    [("holdout", holdout.holdout), ("rest (worked)", holdout.rest)].map { name, group in
                        [name, "\(group.accounts)", "\(group.withPipeline)", ReportWords.percent(group.share)]
                    }, right: [1, 2, 3], className: "health narrow"))
            parts.append("<p>\(HTMLText.escape(ReportSummary.holdoutSentence(holdout)))</p>")
        }
        return parts
    }

    /// Tier health's numbers in three tables narrow enough for a mail pane, a row a tier: demand,
    /// SLA follow-up, decisions and movement. Each cell carries its `health --json` name in
    /// `data-figure`.
    static func healthTables(_ report: WeeklyReport) -> String {
        HealthRows.sections(report).map { healthTable(report, $0) }.joined(separator: "\n")
    }

    /// One table of tier health: the tiers down, the numbers of `section` across.
    static func healthTable(_ report: WeeklyReport, _ section: HealthRows.Section) -> String {
        var table = ["<table class=\"health\">", "<thead>"]
        table.append(
            "<tr><th>\(HTMLText.escape(section.title))</th>"
                + section.rows.map { "<th class=\"n\">\(HTMLText.escape($0.short))</th>" }.joined() + "</tr>")
        table.append("</thead><tbody>")
        for (tierIndex, tier) in report.health.tiers.enumerated() {
            let cells = section.rows.map { row in
                "<td class=\"n\(alerting(row.key, tier) ? " alert" : "")\" data-figure=\"tier\(tierIndex + 1).\(row.key)\">"
                    + HTMLText.escape(row.values[tierIndex]) + "</td>"
            }
            table.append("<tr><th>\(tier.tier.label)</th>" + cells.joined() + "</tr>")
        }
        table.append("</tbody></table>")
        return table.joined(separator: "\n")
    }

    /// Whether the number `key` of `tier` is one to worry about: the red flag and the engaged
    /// share under it, a follow-up rate below target.
    static func alerting(_ key: String, _ tier: TierHealth) -> Bool {
        switch key {
        case "red_flag", "engaged_share": return tier.redFlag
        case "sla.follow_up_rate": return tier.followUpOnTarget == false
        default: return false
        }
    }

    static func figure(_ caption: String, _ svg: String) -> String {
        "<figure>\n<figcaption>\(HTMLText.escape(caption))</figcaption>\n\(svg)\n</figure>"
    }
}
