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
        let rows = HealthRows.rows(report)
        let demand = rows.filter {
            !$0.key.hasPrefix("sla.") && !$0.key.hasPrefix("decisions.") && !$0.key.hasPrefix("movement.")
        }
        let sla = rows.filter { $0.key.hasPrefix("sla.") }
        let week = rows.filter { $0.key.hasPrefix("decisions.") || $0.key.hasPrefix("movement.") }
        return [
            healthTable(report, title: "Demand", groups: [(nil, demand)]),
            healthTable(report, title: "SLA clocks, last 30 days", groups: [(nil, sla)]),
            healthTable(report, title: "Decisions and movement, this week", groups: [(nil, week)]),
        ].joined(separator: "\n")
    }

    /// One table of tier health: the tiers down, the numbers of `groups` across (a group with a
    /// name gets a spanning header and a rule before it).
    static func healthTable(_ report: WeeklyReport, title: String, groups: [(String?, [HealthRows.Row])]) -> String {
        var table = ["<table class=\"health\">", "<thead>"]
        if groups.contains(where: { $0.0 != nil }) {
            table.append(
                "<tr><th></th>"
                    + groups.enumerated().map { index, group in
                        "<th colspan=\"\(group.1.count)\" class=\"span\(index > 0 ? " sep" : "")\">"
                            + HTMLText.escape(group.0 ?? "") + "</th>"
                    }.joined() + "</tr>")
        }
        var header = ["<tr><th>\(HTMLText.escape(title))</th>"]
        for (index, group) in groups.enumerated() {
            for (column, row) in group.1.enumerated() {
                header.append(
                    "<th class=\"n\(index > 0 && column == 0 ? " sep" : "")\">\(HTMLText.escape(row.short))</th>")
            }
        }
        table.append(header.joined() + "</tr>")
        table.append("</thead><tbody>")
        for (tierIndex, tier) in report.health.tiers.enumerated() {
            var cells = ["<tr><th>\(tier.tier.label)</th>"]
            for (index, group) in groups.enumerated() {
                for (column, row) in group.1.enumerated() {
                    let classes =
                        "n" + (index > 0 && column == 0 ? " sep" : "")
                        + (alerting(row.key, tier) ? " alert" : "")
                    cells.append(
                        "<td class=\"\(classes)\" data-figure=\"tier\(tierIndex + 1).\(row.key)\">"
                            + HTMLText.escape(row.values[tierIndex]) + "</td>")
                }
            }
            table.append(cells.joined() + "</tr>")
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
