import ABMCore

/// One account as the meeting asks about it: a header (who, state and why, score, what the
/// engine recommends and why, this week's decision, the SLA clock, the blocker), the buying
/// committee as people, and one timeline of everything that happened, newest first. Built
/// once when the card opens (and again when its data changes), never for each frame; its
/// timeline lines are made only for the rows on screen, so a 6,000-touch account opens as
/// fast as a small one.
public struct AccountCard: Sendable {
    /// The account's index.
    public let account: Int
    /// The as-of it was built for.
    public let asOf: Instant
    /// Everything behind the row (the full evidence page is made from it).
    let evidence: AccountEvidence
    /// The header, line by line.
    let header: [[Run]]
    /// The committee's summary lines (counts, champion, missing roles, thin).
    let committeeSummary: [[Run]]
    /// The wide card's third pane: the demand-state rules traced condition by condition, the
    /// SLA clocks and the opportunities.
    let rules: [[Run]]
    /// The committee's people, one line each: active ones first, the most recently engaged first.
    let people: [Person]
    /// Contact names by id, for the timeline.
    private let names: [String: String]
    /// Intent at or above this is a surge (shown in the surge role on the timeline).
    private let surgeThreshold: Double

    /// A person on the committee, in columns.
    struct Person: Sendable {
        var name: String
        var title: String
        var role: String
        var engagement: String
        var engagementRole: Role
    }

    /// The card of account `index` as of `data`'s as-of.
    public init(account index: Int, data: BoardData) {
        let evidence = data.evaluator.explain(account: index, in: data.programme, asOf: data.asOf)
        let playbook = data.evaluator.playbook
        self.account = index
        self.asOf = data.asOf
        self.evidence = evidence
        self.surgeThreshold = playbook.surge.threshold
        var names: [String: String] = [:]
        for contact in evidence.contacts { names[contact.contact.id] = contact.contact.name }
        self.names = names
        header = Self.header(evidence, playbook: playbook)
        committeeSummary = Self.committeeSummary(evidence, playbook: playbook)
        people = Self.people(evidence, asOf: data.asOf)
        rules = Self.rules(evidence, playbook: playbook)
    }

    /// How many events the timeline has.
    public var timelineCount: Int { evidence.timeline.count }

    /// The full evidence (`explain`), every number traced.
    func evidenceLines(data: BoardData) -> [String] {
        ExplainText.lines(evidence, programme: data.programme, playbook: data.evaluator.playbook)
    }

    // MARK: - Header

    static func header(_ e: AccountEvidence, playbook: Playbook) -> [[Run]] {
        let row = e.evaluation
        let a = e.account
        var identity = [
            Run(BoardText.clipped(a.name, 48), .header), Run("  \(a.id) · "),
            Run(BoardText.tierText(row.tier), .tier(row.tier)),
            Run(" · owner \(a.owner ?? "—")"),
        ]
        if let sdr = a.sdr { identity.append(Run(" · SDR \(sdr)")) }
        if row.holdout { identity.append(Run(" · holdout", .dim)) }
        var lines: [[Run]] = [identity]
        lines.append([Run(row.state.rawValue, .state(row.state)), Run(": " + stateReason(e.stateTrace))])
        lines.append(scoreLine(row.score))
        lines.append([
            Run("recommends "), Run(row.recommendation.rawValue, .header), Run(" — \(row.reason.text)"),
        ])
        lines.append(decisionLine(row.decision) + [Run(" · ")] + slaLine(row))
        if let blocker = blocker(e.history) {
            lines.append([Run("blocker / next step: ", .header), Run("“\(blocker.text)”"), Run(blocker.who, .dim)])
        }
        return lines
    }

    /// Why the account is in its state, from the winning rule's conditions: `56 inbound
    /// touches in 30 d, 4 stakeholders in 30 d, surge 71 ≥ 65`.
    static func stateReason(_ trace: [StateTrace]) -> String {
        guard let winner = trace.last else { return "" }
        // A rule that holds says what made it hold; target (no rule) says what aware lacked.
        let shown: [RuleCondition]
        if winner.conditions.isEmpty {
            shown = trace.first { $0.state == .aware }?.conditions ?? []
        } else {
            shown = winner.combinator == .any ? winner.conditions.filter(\.holds) : winner.conditions
        }
        guard !shown.isEmpty else { return "no rule above it holds" }
        // `… in 30 d` once at the end when every condition has the same window.
        let windows = Set(
            shown.map { condition in
                condition.label.range(of: " in ").map { String(condition.label[$0.upperBound...]) } ?? ""
            })
        let window = windows.count == 1 ? windows.first ?? "" : ""
        let parts = shown.map { condition in
            var label =
                window.isEmpty ? condition.label : condition.label.replacingOccurrences(of: " in \(window)", with: "")
            switch condition.style {
            case .count:
                if condition.value == 1 { label = singular(label) }
                return "\(plainNumber(condition.value)) \(label)"
            case .peak:
                let comparison = condition.holds ? "≥" : "<"
                return "\(label) \(plainNumber(condition.value)) \(comparison) \(plainNumber(condition.threshold))"
            }
        }
        return parts.joined(separator: ", ") + (window.isEmpty ? "" : " in the last \(window)")
    }

    /// `inbound touch` for `inbound touches`, `stakeholder`, `won opportunity`.
    static func singular(_ label: String) -> String {
        var words = label.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard let index = words.firstIndex(where: { $0.hasSuffix("s") }) else { return label }
        let word = words[index]
        words[index] =
            word.hasSuffix("ies")
            ? String(word.dropLast(3)) + "y"
            : word.hasSuffix("ches") ? String(word.dropLast(2)) : String(word.dropLast())
        return words.joined(separator: " ")
    }

    /// `score 78 ████████▓▓▒·········· touches 41.20 · breadth 9.00 · intent 7.10`: the bar is
    /// the score in 20 cells, split by each component's share of the raw points.
    static func scoreLine(_ s: ScoreBreakdown) -> [Run] {
        let cells = 20
        let filled = Int((Double(s.value) / 100 * Double(cells)).rounded())
        let parts = [s.touchPoints, s.breadthPoints, s.intentPoints]
        let total = parts.reduce(0, +)
        var counts = parts.map { total > 0 ? Int((Double(filled) * $0 / total).rounded()) : 0 }
        // Rounding may leave the parts a cell off the whole: the largest part takes the difference.
        if let largest = counts.indices.max(by: { parts[$0] < parts[$1] }) {
            counts[largest] = max(0, counts[largest] + filled - counts.reduce(0, +))
        }
        let glyphs = ["█", "▓", "▒"]
        var runs = [Run("score "), Run(String(s.value), .header), Run(" ")]
        for (count, glyph) in zip(counts, glyphs) where count > 0 {
            runs.append(Run(String(repeating: glyph, count: count), .bar))
        }
        runs.append(Run(String(repeating: "·", count: max(cells - counts.reduce(0, +), 0)), .dim))
        runs.append(
            Run(
                " █ touches \(ExplainText.fixed(s.touchPoints)) · ▓ breadth \(ExplainText.fixed(s.breadthPoints))"
                    + " · ▒ intent \(ExplainText.fixed(s.intentPoints))"))
        return runs
    }

    static func decisionLine(_ decision: Decision?) -> [Run] {
        guard let made = decision else { return [Run("decision ", .header), Run("none this week", .dim)] }
        var runs = [
            Run("decision "), Run(made.action.rawValue, .header),
            Run(" by \(made.by) at \(made.at.isoMinute) (this week)"),
        ]
        if let note = made.note { runs.append(Run(" — “\(note)”")) }
        return runs
    }

    static func slaLine(_ row: AccountEvaluation) -> [Run] {
        var runs: [Run] = [Run("SLA ")]
        if row.sla.status == .none {
            runs.append(Run("no clock", .dim))
        } else {
            runs.append(Run(BoardText.sla(row.sla, asOf: row.asOf), .sla(row.sla.status)))
            if let due = row.sla.dueAt { runs.append(Run(" (due \(due.isoMinute))")) }
        }
        if row.surging {
            runs.append(Run(" · "))
            runs.append(
                Run("surging " + row.surgingTopics.map { "\($0.topic) \($0.score)" }.joined(separator: ", "), .surge))
        }
        return runs
    }

    /// The latest note on the account (a mark's note or a note record), with who wrote it and when.
    static func blocker(_ history: [HistoryEntry]) -> (text: String, who: String)? {
        for entry in history.reversed() {
            let r = entry.record
            switch r.event {
            case .note(let text): return (text, " — \(r.by), \(r.at.isoMinute)")
            case .mark(_, let note?) where entry.takenBackBy == nil: return (note, " — \(r.by), \(r.at.isoMinute)")
            default: continue
            }
        }
        return nil
    }

    /// The state rule traced from the top, then the SLA clocks and the opportunities.
    static func rules(_ e: AccountEvidence, playbook: Playbook) -> [[Run]] {
        var lines: [[Run]] = [[Run("Demand state", .header), Run(", the first rule that holds from the top")]]
        for trace in e.stateTrace {
            let conditions = trace.conditions.map(\.text)
            let joiner = trace.combinator == .all ? " · " : " or "
            let mark = Run(trace.holds ? "✓ " : "✗ ", trace.holds ? .engaged : .dim)
            let name = Run(trace.state.rawValue, trace.holds ? .state(trace.state) : .dim, width: 13)
            // The winner's conditions one a line (they are the reason); the others' on one.
            if trace.holds && conditions.count > 1 {
                lines.append([mark, name, Run(trace.combinator == .all ? "all of" : "any of", .dim)])
                for condition in conditions { lines.append([Run("                 " + condition)]) }
            } else {
                lines.append([mark, name, Run(conditions.isEmpty ? "otherwise" : conditions.joined(separator: joiner))])
            }
        }
        let tally = e.evaluation.sla.tally
        lines.append([])
        lines.append([
            Run("SLA clocks", .header),
            Run(
                " in \(plainNumber(playbook.sla.triggerWindowDays)) d: \(tally.clocks) · met \(tally.met) · late \(tally.late) · breached \(tally.breached)"
                    + " · due \(tally.due) · held \(tally.held)"),
        ])
        for clock in e.clocks.reversed().prefix(5) {
            lines.append([
                Run("  opened \(clock.openedAt.isoMinute) · due \(clock.dueAt.isoMinute) · "),
                Run(clock.status.rawValue, .sla(clock.status)),
                Run(clock.closedAt.map { " · followed up \($0.isoMinute)" } ?? ""),
            ])
        }
        if !e.opportunities.isEmpty {
            lines.append([])
            lines.append([Run("Opportunities", .header)])
            for o in e.opportunities {
                lines.append([
                    Run("  \(o.id) · \(o.kind.rawValue) · "),
                    Run(o.status.rawValue, o.status == .won ? .customer : .text),
                    Run(o.amount.map { " · \(Grouping.digits(Int($0.rounded())))" } ?? ""),
                ])
            }
        }
        return lines
    }

    // MARK: - Committee

    static func committeeSummary(_ e: AccountEvidence, playbook: Playbook) -> [[Run]] {
        let active = e.contacts.filter(\.contact.active)
        let engaged = e.contacts.filter(\.isStakeholder).count
        var first = [
            Run("Buying committee", .header),
            Run(
                " · \(e.contacts.count) contact\(e.contacts.count == 1 ? "" : "s"), \(active.count) active, "
                    + "\(engaged) engaged in \(plainNumber(playbook.score.stakeholderWindowDays)) d"),
        ]
        if e.evaluation.thin { first.append(Run(" · THIN", .redFlag)) }
        let champions = active.filter { $0.contact.buyingRole == .champion }.map(\.contact.name)
        var second: [Run] =
            champions.isEmpty
            ? [Run("no champion", .redFlag)]
            : [Run(champions.count == 1 ? "champion " : "champions "), Run(champions.joined(separator: ", "), .header)]
        let held = Set(active.map(\.contact.buyingRole))
        let missing = playbook.health.committeeRoles.filter { !held.contains($0) }.map(roleName)
        second.append(Run(" · "))
        second.append(
            missing.isEmpty
                ? Run("every committee role covered", .engaged)
                : Run("missing " + missing.joined(separator: ", "), .redFlag))
        return [first, second]
    }

    static func people(_ e: AccountEvidence, asOf: Instant) -> [Person] {
        let ordered = e.contacts.sorted { a, b in
            if a.contact.active != b.contact.active { return a.contact.active }
            if a.lastEngagement != b.lastEngagement {
                return (a.lastEngagement?.seconds ?? .min) > (b.lastEngagement?.seconds ?? .min)
            }
            return codePointPrecedes(a.contact.name, b.contact.name)
        }
        return ordered.map { c in
            let engagement: String
            let role: Role
            if !c.contact.active {
                engagement = "inactive"
                role = .dim
            } else if let last = c.lastEngagement {
                engagement =
                    (c.isStakeholder ? "● " : "  ") + "engaged " + BoardText.age(seconds: asOf.seconds - last.seconds)
                role = c.isStakeholder ? .engaged : .text
            } else {
                engagement = "  never engaged"
                role = .dim
            }
            return Person(
                name: c.contact.name, title: c.contact.title ?? "—", role: roleName(c.contact.buyingRole),
                engagement: engagement, engagementRole: role)
        }
    }

    /// `economic buyer`.
    static func roleName(_ role: BuyingRole) -> String { role.rawValue.replacingOccurrences(of: "_", with: " ") }

    // MARK: - Timeline

    /// Timeline event `index` (0 is the newest) as a line: when, what, who.
    func timelineLine(_ index: Int) -> [Run] {
        let event = evidence.timeline[index]
        var runs = [Run(event.at.isoMinute, .dim), Run("  ")]
        switch event {
        case .touch(let t):
            runs.append(Run("\(t.channel.rawValue) \(t.direction == .inbound ? "in" : "out")", width: 16))
            runs.append(t.contactId.map { Run(names[$0] ?? $0) } ?? Run("no contact", .dim))
            if let topic = t.topic { runs.append(Run(" · \(topic)", .dim)) }
            if let by = t.by { runs.append(Run(" · logged by \(by)", .dim)) }
            if let note = t.note { runs.append(Run(" · “\(note)”")) }
        case .intent(let record):
            runs.append(Run("intent", width: 16))
            runs.append(
                Run("\(record.topic) \(record.score)", Double(record.score) >= surgeThreshold ? .surge : .text))
        case .opportunityCreated(let o):
            runs.append(Run("opportunity", .opportunity, width: 16))
            runs.append(
                Run(
                    "\(o.id) opened (\(o.kind.rawValue)\(o.amount.map { ", \(Grouping.digits(Int($0.rounded())))" } ?? ""))"
                ))
        case .opportunityClosed(let o):
            runs.append(Run("opportunity", .opportunity, width: 16))
            runs.append(Run("\(o.id) \(o.status.rawValue)", o.status == .won ? .customer : .text))
        case .history(let entry):
            runs += Self.historyRuns(entry)
        }
        return runs
    }

    static func historyRuns(_ entry: HistoryEntry) -> [Run] {
        let r = entry.record
        let change =
            entry.tierBefore != entry.tierAfter
            ? " (\(BoardText.tierText(entry.tierBefore)) → \(BoardText.tierText(entry.tierAfter)))" : ""
        var runs: [Run]
        switch r.event {
        case .mark(let action, let note):
            runs = [Run("mark \(action.rawValue)", .header, width: 16), Run("by \(r.by)\(change)")]
            if let note { runs.append(Run(" — “\(note)”")) }
        case .undo: runs = [Run("undo", .header, width: 16), Run("by \(r.by)\(change)")]
        case .note(let text): runs = [Run("note", .header, width: 16), Run("by \(r.by): “\(text)”")]
        case .retier: runs = [Run("tier change", .header, width: 16), Run("by re-import (\(r.by))\(change)")]
        }
        if entry.takenBackBy != nil { runs.append(Run(" [taken back]", .dim)) }
        return runs
    }

}
