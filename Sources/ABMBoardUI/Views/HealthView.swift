import ABMCore

/// Tier health as a screen (SPEC §6): per tier the accounts, a bar of accounts by state, the
/// engaged share against the red flag, thin accounts, SLA clocks and the follow-up rate against
/// its target, decisions, movement and the Tier 2 holdout comparison. Every number is a
/// target: the cursor moves between them and Enter lists the accounts behind it.
public enum HealthView {
    /// A number of tier health that lists accounts.
    public struct Target: Sendable, Hashable {
        /// The tier.
        public var tier: Tier
        /// The number.
        public var metric: HealthMetric
        /// How the drill-down is named (`Tier 1 · engaged`).
        public var label: String
    }

    /// A run of text on a line; `target` is an index into the targets.
    struct Segment {
        var text: String
        var role: Role
        var target: Int?
    }

    /// The screen's lines and its targets.
    struct Layout {
        var lines: [[Segment]] = []
        var targets: [Target] = []

        mutating func line(_ segments: [Segment] = []) { lines.append(segments) }

        /// Adds a segment that is a target and returns it.
        mutating func target(_ text: String, _ role: Role, tier: Tier, _ metric: HealthMetric, _ label: String)
            -> Segment
        {
            targets.append(Target(tier: tier, metric: metric, label: "Tier \(tier.rawValue) · \(label)"))
            return Segment(text: text, role: role, target: targets.count - 1)
        }
    }

    /// Glyphs of the state bar, target to expansion (distinct without colour too).
    static let barGlyphs: [Character] = ["░", "▒", "▓", "█", "▇", "▆"]

    /// The targets of a report, in screen order.
    public static func targets(_ report: HealthReport?) -> [Target] {
        guard let report else { return [] }
        return layout(report, redFlagBelow: 0, width: 80).targets
    }

    /// Lays the report out for a screen `width` columns wide.
    static func layout(_ report: HealthReport, redFlagBelow: Double, width: Int) -> Layout {
        var out = Layout()
        out.line([
            Segment(
                text: "Tier health · as of \(report.asOf.iso8601) · week \(report.week.label)", role: .header,
                target: nil)
        ])
        out.line([Segment(text: "Enter on a number lists the accounts behind it", role: .dim, target: nil)])
        let barWidth = max(min(width - 4, 60), 6)
        for health in report.tiers {
            let tier = health.tier
            out.line()
            out.line([
                Segment(text: "Tier \(tier.rawValue)", role: Role.tier(tier), target: nil),
                Segment(text: " · ", role: .text, target: nil),
                out.target("\(health.accounts) accounts", .text, tier: tier, .accounts, "all accounts"),
            ])
            out.line([Segment(text: "  ", role: .text, target: nil)] + stateBar(health, width: barWidth))
            var states = [Segment(text: "  ", role: .text, target: nil)]
            for (index, state) in DemandState.allCases.enumerated() {
                if index > 0 { states.append(Segment(text: "  ", role: .text, target: nil)) }
                states.append(
                    out.target(
                        "\(barGlyphs[index]) \(state.rawValue) \(health.states[state])", Role.state(state), tier: tier,
                        .state(state), state.rawValue))
            }
            out.line(states)
            var engaged = [
                Segment(text: "  engaged share ", role: .text, target: nil),
                out.target(
                    "\(health.engaged) = \(percent(health.engagedShare))", .text, tier: tier, .engaged, "engaged share"),
                Segment(text: " ", role: .text, target: nil),
                gauge(health.engagedShare, mark: tier == .one ? redFlagBelow : nil),
            ]
            if tier == .one {
                engaged.append(
                    Segment(text: " red flag below \(percent(redFlagBelow))", role: .dim, target: nil))
                if health.redFlag { engaged.append(Segment(text: "  ⚑ RED FLAG", role: .redFlag, target: nil)) }
                engaged.append(Segment(text: " · thin ", role: .text, target: nil))
                engaged.append(out.target("\(health.thin)", .text, tier: tier, .thin, "thin coverage"))
            }
            out.line(engaged)
            var sla = [Segment(text: "  SLA clocks ", role: .text, target: nil)]
            let statuses: [(SLAStatus, Int)] = [
                (.met, health.sla.met), (.late, health.sla.late), (.breached, health.sla.breached),
                (.due, health.sla.due), (.held, health.sla.held),
            ]
            for (index, entry) in statuses.enumerated() {
                if index > 0 { sla.append(Segment(text: " · ", role: .text, target: nil)) }
                sla.append(
                    out.target(
                        "\(entry.0.rawValue) \(entry.1)", Role.sla(entry.0), tier: tier, .sla(entry.0),
                        "SLA \(entry.0.rawValue)"))
            }
            let rate = health.sla.followUpRate
            sla.append(
                Segment(
                    text: "  follow-up \(rate.map(percent) ?? "—") ",
                    role: health.followUpOnTarget == false ? .redFlag : .text,
                    target: nil))
            sla.append(gauge(rate ?? 0, mark: health.followUpTarget))
            sla.append(Segment(text: " target \(percent(health.followUpTarget))", role: .dim, target: nil))
            out.line(sla)
            var decisions = [Segment(text: "  decisions ", role: .text, target: nil)]
            let counts: [(MarkAction?, Int)] = [
                (.work, health.decisions.work), (.hold, health.decisions.hold), (.demote, health.decisions.demote),
                (.promote, health.decisions.promote), (nil, health.decisions.undecided),
            ]
            for (index, entry) in counts.enumerated() {
                if index > 0 { decisions.append(Segment(text: " · ", role: .text, target: nil)) }
                let name = entry.0?.rawValue ?? "undecided"
                decisions.append(out.target("\(name) \(entry.1)", .text, tier: tier, .decision(entry.0), name))
            }
            decisions.append(Segment(text: "  movement ", role: .text, target: nil))
            decisions.append(out.target("↑ \(health.movement.rose)", .engaged, tier: tier, .rose, "rose this week"))
            decisions.append(Segment(text: " ", role: .text, target: nil))
            decisions.append(out.target("↓ \(health.movement.fell)", .redFlag, tier: tier, .fell, "fell this week"))
            out.line(decisions)
            if let holdout = health.holdout {
                out.line([
                    Segment(text: "  holdout ", role: .text, target: nil),
                    out.target(
                        "\(holdout.holdout.accounts) accounts", .text, tier: tier, .holdout(pipelineOnly: false),
                        "holdout"
                    ),
                    Segment(text: ", pipeline ", role: .text, target: nil),
                    out.target(
                        "\(holdout.holdout.withPipeline)", .opportunity, tier: tier, .holdout(pipelineOnly: true),
                        "holdout with pipeline"),
                    Segment(text: " (\(holdout.holdout.share.map(percent) ?? "—"))", role: .text, target: nil),
                    Segment(text: "  rest ", role: .text, target: nil),
                    out.target(
                        "\(holdout.rest.accounts) accounts", .text, tier: tier, .rest(pipelineOnly: false),
                        "outside the holdout"),
                    Segment(text: ", pipeline ", role: .text, target: nil),
                    out.target(
                        "\(holdout.rest.withPipeline)", .opportunity, tier: tier, .rest(pipelineOnly: true),
                        "outside the holdout with pipeline"),
                    Segment(text: " (\(holdout.rest.share.map(percent) ?? "—"))", role: .text, target: nil),
                ])
            }
        }
        out.lines = out.lines.flatMap { wrap($0, width: width) }
        return out
    }

    /// Breaks a line that is wider than `width` between segments; the continuation is indented
    /// and separators at the break are dropped.
    static func wrap(_ line: [Segment], width: Int) -> [[Segment]] {
        let indent = "    "
        var lines: [[Segment]] = [[]]
        var used = 0
        for segment in line {
            let columns = DisplayWidth.of(segment.text)
            let isSeparator = segment.target == nil && segment.text.allSatisfy { $0 == " " || $0 == "·" }
            if used + columns > width, used > indent.count {
                if isSeparator { continue }
                lines.append([Segment(text: indent, role: .text, target: nil)])
                used = indent.count
                let trimmed = String(segment.text.drop(while: { $0 == " " || $0 == "·" }))
                lines[lines.count - 1].append(Segment(text: trimmed, role: segment.role, target: segment.target))
                used += DisplayWidth.of(trimmed)
                continue
            }
            lines[lines.count - 1].append(segment)
            used += columns
        }
        return lines
    }

    /// The bar of accounts by state, each state's share of `width` cells in its glyph.
    static func stateBar(_ health: TierHealth, width: Int) -> [Segment] {
        guard health.accounts > 0 else { return [Segment(text: "(no accounts)", role: .dim, target: nil)] }
        var segments: [Segment] = []
        var used = 0
        var counted = 0
        for (index, state) in DemandState.allCases.enumerated() {
            counted += health.states[state]
            // Cumulative rounding, so the parts always add up to the whole width.
            let end = (counted * width + health.accounts / 2) / health.accounts
            if end > used {
                segments.append(
                    Segment(
                        text: String(repeating: barGlyphs[index], count: end - used), role: Role.state(state),
                        target: nil))
            }
            used = max(used, end)
        }
        return segments
    }

    /// A 10-cell gauge of `share`, with `│` at `mark`.
    static func gauge(_ share: Double, mark: Double?) -> Segment {
        let cells = 10
        let filled = Int((min(max(share, 0), 1) * Double(cells)).rounded())
        var text = ""
        for cell in 0..<cells {
            if let mark, cell == min(Int((mark * Double(cells)).rounded()), cells - 1), cell >= filled {
                text.append("│")
            } else {
                text.append(cell < filled ? "■" : "·")
            }
        }
        return Segment(text: "▕" + text + "▏", role: .bar, target: nil)
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// The first line shown so that the cursor's line is on screen.
    static func firstLine(_ layout: Layout, cursor: Int, height: Int) -> Int {
        guard let line = layout.lines.firstIndex(where: { $0.contains { $0.target == cursor } }) else { return 0 }
        return StyledPage.firstLine(showing: line, count: layout.lines.count, height: height)
    }

    /// Draws the health screen into rows `0 ..< height`.
    static func render(_ state: BoardState, into buffer: inout ScreenBuffer, height: Int) {
        guard let report = state.health else { return }
        let layout = layout(
            report, redFlagBelow: state.data.evaluator.playbook.health.tier1EngagedRedFlag, width: buffer.width)
        let start = firstLine(layout, cursor: state.healthCursor, height: height)
        for (y, line) in layout.lines.dropFirst(start).prefix(height).enumerated() {
            var x = 0
            for segment in line {
                let role = segment.target != nil && segment.target == state.healthCursor ? Role.selected : segment.role
                x += buffer.write(segment.text, x: x, y: y, role: role)
            }
        }
    }
}
