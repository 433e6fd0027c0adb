import ABMCore

/// A plain-text look at the bundled DEMO programme: tier health and the top of the board.
///
/// It stands in for the interactive board until the terminal UI lands, so that the README's
/// first command shows real numbers from the engine.
public enum DemoSummary {
    /// The summary, as lines of text.
    public static func render(rows: Int = 15) -> String {
        let options = SampleOptions.demo
        let programme = SampleGenerator.generate(options)
        let evaluator = Evaluator()
        let evaluations = evaluator.evaluateAll(programme, asOf: options.asOf)
        let health = evaluator.health(
            evaluations: evaluations,
            weekStartStates: evaluator.weekStartStates(programme, asOf: options.asOf),
            asOf: options.asOf)
        let week = ReviewWeek(containing: options.asOf)
        var lines: [String] = []
        lines.append(
            "abmboard \(AbmboardCommand.version) · DEMO · as of \(options.asOf.iso8601) · review week \(week.label)"
        )
        lines.append("")
        lines.append(
            TextTable.render(
                header: [
                    "tier", "accounts", "engaged", "share", "flag", "clocks", "follow-up", "decided", "rose", "fell",
                ],
                rows: health.tiers.map { tier in
                    [
                        tier.tier.label, "\(tier.accounts)", "\(tier.engaged)",
                        percent(tier.engagedShare), tier.redFlag ? "RED" : "",
                        "\(tier.sla.clocks)", tier.sla.followUpRate.map(percent) ?? "—",
                        "\(tier.decisions.decided)/\(tier.accounts)", "\(tier.movement.rose)",
                        "\(tier.movement.fell)",
                    ]
                }, rightAligned: [1, 2, 3, 5, 6, 7, 8, 9]))
        lines.append("")
        let board = BoardOrder.sorted(evaluations, in: programme)
        lines.append(
            TextTable.render(
                header: ["account", "name", "tier", "owner", "state", "score", "surge", "sla", "rec", "decision"],
                rows: board.prefix(rows).map { row in
                    let account = programme.accounts[row.account]
                    return [
                        account.id, String(account.name.prefix(24)), row.tier.map { "\($0.rawValue)" } ?? "-",
                        account.owner ?? "", row.state.rawValue, "\(row.engagementScore)",
                        row.surging ? "▲" : "", row.sla.status.rawValue, row.recommendation.rawValue,
                        row.decision?.action.rawValue ?? "",
                    ]
                }, rightAligned: [5]))
        lines.append("")
        lines.append(
            "\(board.count) accounts on the board; the interactive board (ncurses) arrives with the terminal UI.")
        return lines.joined(separator: "\n")
    }

    static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded())) %"
    }
}
