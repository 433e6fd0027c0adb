import ABMCore

/// Tier health as rows of a table with one column per tier: the numbers of SPEC §4 in the
/// order the board's health view gives them, in three sections (demand, SLA clocks, decisions
/// and movement) that the HTML shows as three tables and the Markdown as one.
enum HealthRows {
    /// A titled run of rows.
    struct Section {
        var title: String
        var rows: [Row]
    }

    /// One row: a key (the `health --json` name, for tests and for the HTML's `data-figure`),
    /// what people read, and the value in each tier.
    struct Row {
        var key: String
        var label: String
        var values: [String]
        /// The label as a narrow column header.
        var short: String {
            switch key {
            // Soft hyphens let the long headers wrap in a narrow mail pane.
            case "states.opportunity": "oppor\u{AD}tunity"
            case "states.customer": "cus\u{AD}tomer"
            case "states.expansion": "expan\u{AD}sion"
            case "engaged_share": "engaged share"
            case "red_flag": "red flag"
            case "thin": "thin"
            case "sla.clocks": "clocks"
            case "sla.follow_up_rate": "rate"
            case "decisions.decided": "decided"
            case "movement.rose": "rose"
            case "movement.fell": "fell"
            default: label
            }
        }
    }

    /// The rows of the report's tier health, by section.
    static func sections(_ report: WeeklyReport) -> [Section] {
        let tiers = report.health.tiers
        func row(_ key: String, _ label: String, _ value: (TierHealth) -> String) -> Row {
            Row(key: key, label: label, values: tiers.map(value))
        }
        func tierOne(_ key: String, _ label: String, _ value: (TierHealth) -> String) -> Row {
            Row(key: key, label: label, values: tiers.map { $0.tier == .one ? value($0) : "—" })
        }
        let demand =
            [row("accounts", "accounts") { "\($0.accounts)" }]
            + DemandState.allCases.map { state in
                row("states.\(state.rawValue)", state.rawValue) { "\($0.states[state])" }
            } + [
                row("engaged_share", "engaged share") { ReportWords.percent($0.engagedShare) },
                tierOne("red_flag", "red flag (below \(ReportWords.percent(report.redFlagShare)))") {
                    $0.redFlag ? "RED FLAG" : "no"
                },
                tierOne("thin", "thin coverage") { "\($0.thin)" },
            ]
        let sla = [
            row("sla.clocks", "SLA clocks (30 days)") { "\($0.sla.clocks)" },
            row("sla.met", "met") { "\($0.sla.met)" },
            row("sla.late", "late") { "\($0.sla.late)" },
            row("sla.breached", "breached") { "\($0.sla.breached)" },
            row("sla.due", "due") { "\($0.sla.due)" },
            row("sla.held", "held") { "\($0.sla.held)" },
            row("sla.follow_up_rate", "follow-up rate (target \(ReportWords.percent(report.followUpTarget)))") {
                ReportWords.percent($0.sla.followUpRate)
            },
        ]
        let week = [
            row("decisions.decided", "decided") { "\($0.decisions.decided) of \($0.accounts)" },
            row("decisions.work", "work") { "\($0.decisions.work)" },
            row("decisions.hold", "hold") { "\($0.decisions.hold)" },
            row("decisions.demote", "demote") { "\($0.decisions.demote)" },
            row("decisions.promote", "promote") { "\($0.decisions.promote)" },
            row("decisions.undecided", "undecided") { "\($0.decisions.undecided)" },
            row("movement.rose", "rose since Monday") { "\($0.movement.rose)" },
            row("movement.fell", "fell since Monday") { "\($0.movement.fell)" },
        ]
        return [
            Section(title: "Demand", rows: demand),
            Section(title: "SLA clocks, last 30 days", rows: sla),
            Section(title: "Decisions and movement, this week", rows: week),
        ]
    }
}

/// The labels of the engaged-share history's eight points: the seven weeks' labels, then the
/// report's own week (`so far` while it is not over).
enum ShareHistoryLabels {
    static func labels(_ report: WeeklyReport) -> [String] {
        let history = report.engagedShares
        return history.instants.indices.map { index in
            let week = ReviewWeek(containing: history.instants[index])
            let short = String(week.label.dropFirst(5))
            return index == history.instants.count - 1 && !report.period.isComplete ? short + " so far" : short
        }
    }
}
