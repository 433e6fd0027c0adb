import ABMCore

/// The follow-up rate of each tier as a bar from 0 to 100 % against the target line; a tier
/// without a rate (no clock closed or breached) says so instead of a bar.
enum FollowUpChart {
    static let width = 640.0
    static let left = 92.0
    static let barWidth = 400.0
    static let barHeight = 16.0
    static let gap = 8.0
    static let top = 22.0

    static func svg(_ report: WeeklyReport) -> String {
        let tiers = report.health.tiers
        let height = top + Double(tiers.count) * (barHeight + gap) + 16
        var parts = [
            SVGText.open(
                width: width, height: height, title: "Follow-up rate per tier against the target", id: "followup")
        ]
        for (row, tier) in tiers.enumerated() {
            let y = top + Double(row) * (barHeight + gap)
            parts.append(SVGText.text(tier.tier.label, x: 0, y: y + barHeight / 2 + 4, weight: "600"))
            parts.append(
                "<rect x=\"\(SVGText.number(left))\" y=\"\(SVGText.number(y))\" width=\"\(SVGText.number(barWidth))\" "
                    + "height=\"\(SVGText.number(barHeight))\" fill=\"#f2f2f2\" stroke=\"#cccccc\" stroke-width=\"0.6\"/>"
            )
            guard let rate = tier.sla.followUpRate else {
                parts.append(
                    SVGText.text(
                        "no rate · \(tier.sla.clocks) \(tier.sla.clocks == 1 ? "clock" : "clocks")",
                        x: left + barWidth + 8, y: y + barHeight / 2 + 4, size: 11))
                continue
            }
            let onTarget = tier.followUpOnTarget ?? false
            let w = barWidth * min(max(rate, 0), 1)
            parts.append(
                "<rect x=\"\(SVGText.number(left))\" y=\"\(SVGText.number(y))\" width=\"\(SVGText.number(w))\" "
                    + "height=\"\(SVGText.number(barHeight))\" fill=\"\(onTarget ? ChartPalette.onTarget : ChartPalette.belowTarget)\" "
                    + "data-tier=\"\(tier.tier.rawValue)\" data-rate=\"\(rate)\"/>")
            parts.append(
                SVGText.text(
                    "\(ReportWords.percent(rate)) · \(onTarget ? "on target" : "below target")",
                    x: left + barWidth + 8, y: y + barHeight / 2 + 4, size: 11,
                    weight: onTarget ? nil : "600"))
        }
        let targetX = left + barWidth * report.followUpTarget
        let bottom = top + Double(tiers.count) * (barHeight + gap) - gap + 4
        parts.append(SVGText.line(targetX, top - 6, targetX, bottom, stroke: "#1a1a1a", width: 1.5, dash: "4 2"))
        parts.append(
            SVGText.text(
                "target \(ReportWords.percent(report.followUpTarget))", x: targetX, y: top - 9, anchor: "middle",
                size: 11))
        for tick in [0.0, 0.5, 1.0] {
            parts.append(
                SVGText.text(
                    ReportWords.percent(tick), x: left + barWidth * tick, y: bottom + 10,
                    anchor: tick == 0 ? "start" : tick == 1 ? "end" : "middle", size: 10))
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
