import ABMCore

extension HTMLReport {
    /// Decisions by tier: one table a tier, a row per owner with the owner's tally, and the
    /// decided accounts grouped by decision, each with its note (and who decided, when that is
    /// not the owner).
    static func decisions(_ report: WeeklyReport) -> [String] {
        var parts = ["<h2 id=\"decisions\">Decisions by tier and owner</h2>"]
        for tier in report.decisions {
            guard !tier.owners.isEmpty else {
                parts.append("<h3>\(tier.tier.label) — no accounts</h3>")
                continue
            }
            parts.append(
                "<h3>\(tier.tier.label) — \(ReportWords.decided(tier.counts)) "
                    + "<span class=\"quiet\">(\(HTMLText.escape(ReportWords.counts(tier.counts))))</span></h3>")
            var rows = ["<table class=\"decisions\">", "<tbody>"]
            for owner in tier.owners {
                rows.append(
                    "<tr><th class=\"owner\">\(HTMLText.escape(ReportWords.owner(owner.owner)))<br/>"
                        + "<span class=\"quiet\">\(ReportWords.decided(owner.counts))</span></th><td>"
                        + decisionLines(owner) + "</td></tr>")
            }
            rows.append("</tbody></table>")
            parts.append(rows.joined(separator: "\n"))
        }
        return parts
    }

    /// The owner's decided accounts, one line per kind of decision (promote, demote, work, hold).
    static func decisionLines(_ owner: OwnerDecisions) -> String {
        guard !owner.lines.isEmpty else { return "<span class=\"none\">no decision yet</span>" }
        let kinds: [MarkAction] = [.promote, .demote, .work, .hold]
        return kinds.compactMap { kind -> String? in
            let lines = owner.lines.filter { $0.decision.action == kind }
            guard !lines.isEmpty else { return nil }
            let accounts = lines.map { line in
                var text =
                    "<span class=\"acct\"><span class=\"id\">\(HTMLText.escape(line.account.id))</span> "
                    + HTMLText.escape(line.account.name)
                if line.decision.by != owner.owner {
                    text += " <span class=\"quiet\">(by \(HTMLText.escape(line.decision.by)))</span>"
                }
                if let note = line.decision.note { text += " <span class=\"note\">— \(HTMLText.escape(note))</span>" }
                return text + "</span>"
            }
            return "<div><span class=\"kind kind-\(kind.rawValue)\">\(kind.rawValue) \(lines.count)</span>"
                + accounts.joined(separator: " · ") + "</div>"
        }.joined(separator: "\n")
    }

    /// Promotions and demotions in one table (promotions first), the tier column showing which.
    static func tierMoves(_ report: WeeklyReport) -> [String] {
        let moves = report.promotions + report.demotions
        let parts = [
            "<h2 id=\"tiers\">Promotions and demotions <span class=\"quiet\">(\(report.promotions.count) up, "
                + "\(report.demotions.count) down)</span></h2>"
        ]
        guard !moves.isEmpty else { return parts + [none("No tier changed this week.")] }
        var rows = [
            "<table class=\"moves\">", "<thead>",
            HTMLText.headerRow(["account", "name", "owner", "tier", "by", "when", "note"]), "</thead><tbody>",
        ]
        for move in moves {
            let by = move.entries.map(\.record.by).joined(separator: "; ")
            let when = move.entries.map { ReportWords.minute($0.record.at) }.joined(separator: "; ")
            let notes = move.notes.joined(separator: "; ")
            rows.append(
                "<tr><td class=\"id\">\(HTMLText.escape(move.account.id))</td>"
                    + "<td>\(HTMLText.escape(move.account.name))</td>"
                    + "<td>\(HTMLText.escape(ReportWords.owner(move.account.owner)))</td>"
                    + "<td class=\"when\">\(ReportWords.tierMove(from: move.from, to: move.to))</td>"
                    + "<td>\(HTMLText.escape(by))</td><td class=\"when\">\(when)</td>"
                    + "<td class=\"note\">\(HTMLText.escape(notes))</td></tr>")
        }
        rows.append("</tbody></table>")
        return parts + [rows.joined(separator: "\n")]
    }

    /// The accounts whose state rose, then those whose state fell, in one table.
    static func stateMoves(_ report: WeeklyReport) -> [String] {
        let moves = report.rose + report.fell
        var parts = [
            "<h2 id=\"moves\">Accounts that moved state <span class=\"quiet\">(\(report.rose.count) up, "
                + "\(report.fell.count) down since Monday)</span></h2>"
        ]
        guard !moves.isEmpty else { return parts + [none("No account changed state this week.")] }
        parts.append(
            HTMLText.table(
                ["account", "name", "tier", "owner", "", "from", "to"],
                moves.map { move in
                    [
                        move.account.id, move.account.name, move.tier.label, ReportWords.owner(move.account.owner),
                        move.to > move.from ? "▲ up" : "▼ down", move.from.rawValue, move.to.rawValue,
                    ]
                }, className: "moves"))
        return parts
    }

    /// Every follow-up overdue at as-of, by owner, the week's new ones marked.
    static func breaches(_ report: WeeklyReport) -> [String] {
        var parts = [
            "<h2 id=\"breaches\">SLA breaches</h2>",
            "<p class=\"lead\">\(HTMLText.escape(ReportSummary.breachSentence(report)))</p>",
        ]
        guard !report.breaches.isEmpty else { return parts }
        var rows = [
            "<table class=\"moves\">", "<thead>",
            HTMLText.headerRow(["owner", "account", "name", "tier", "due", "overdue", ""], right: [5]),
            "</thead><tbody>",
        ]
        for line in report.breaches {
            let overdue = DurationText.short(seconds: report.period.asOf.seconds - line.clock.dueAt.seconds)
            rows.append(
                "<tr><td>\(HTMLText.escape(ReportWords.owner(line.account.owner)))</td>"
                    + "<td class=\"id\">\(HTMLText.escape(line.account.id))</td>"
                    + "<td>\(HTMLText.escape(line.account.name))</td><td class=\"when\">\(line.tier.label)</td>"
                    + "<td class=\"when\">\(ReportWords.minute(line.clock.dueAt))</td><td class=\"n\">\(overdue)</td>"
                    + "<td>\(line.isNew ? "<span class=\"new\">new</span>" : "")</td></tr>")
        }
        rows.append("</tbody></table>")
        parts.append(rows.joined(separator: "\n"))
        return parts
    }
}
