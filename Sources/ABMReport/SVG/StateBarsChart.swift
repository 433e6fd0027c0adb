import ABMCore

/// Accounts by demand state per tier: one stacked horizontal bar a tier, each state a segment
/// whose width is its share of the tier's accounts, in state order, with a legend.
enum StateBarsChart {
    static let width = 640.0
    static let labelWidth = 92.0
    static let barWidth = 536.0
    static let barHeight = 20.0
    static let gap = 8.0
    static let legendHeight = 24.0

    static func svg(_ health: HealthReport) -> String {
        let height = legendHeight + Double(health.tiers.count) * (barHeight + gap)
        var parts = [
            SVGText.open(width: width, height: height, title: "Accounts by demand state, per tier", id: "states")
        ]
        parts.append(legend())
        for (row, tier) in health.tiers.enumerated() {
            let y = legendHeight + Double(row) * (barHeight + gap)
            parts.append(
                SVGText.text("\(tier.tier.label) · \(tier.accounts)", x: 0, y: y + barHeight / 2 + 4, weight: "600"))
            parts.append(bar(tier, y: y))
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// The tier's segments; an empty tier is an outline saying so.
    static func bar(_ tier: TierHealth, y: Double) -> String {
        guard tier.accounts > 0 else {
            return
                "<rect x=\"\(SVGText.number(labelWidth))\" y=\"\(SVGText.number(y))\" width=\"\(SVGText.number(barWidth))\" "
                + "height=\"\(SVGText.number(barHeight))\" fill=\"none\" stroke=\"\(ChartPalette.grid)\"/>"
                + SVGText.text("no accounts", x: labelWidth + 8, y: y + barHeight / 2 + 4)
        }
        var parts: [String] = []
        var x = labelWidth
        for state in DemandState.allCases {
            let count = tier.states[state]
            guard count > 0 else { continue }
            let w = barWidth * Double(count) / Double(tier.accounts)
            parts.append(
                "<rect x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(y))\" width=\"\(SVGText.number(w))\" "
                    + "height=\"\(SVGText.number(barHeight))\" fill=\"\(ChartPalette.fill(state))\" stroke=\"#ffffff\" "
                    + "stroke-width=\"1\" data-tier=\"\(tier.tier.rawValue)\" data-state=\"\(state.rawValue)\" "
                    + "data-count=\"\(count)\"><title>\(tier.tier.label) \(state.rawValue): \(count)</title></rect>")
            if w >= Double(String(count).count) * 7 + 4 {
                parts.append(
                    SVGText.text(
                        "\(count)", x: x + w / 2, y: y + barHeight / 2 + 4, anchor: "middle",
                        fill: ChartPalette.ink(state), size: 11))
            }
            x += w
        }
        // The target state is nearly white: an outline keeps the bar's extent visible.
        parts.append(
            "<rect x=\"\(SVGText.number(labelWidth))\" y=\"\(SVGText.number(y))\" width=\"\(SVGText.number(barWidth))\" "
                + "height=\"\(SVGText.number(barHeight))\" fill=\"none\" stroke=\"#999999\" stroke-width=\"0.8\"/>")
        return parts.joined(separator: "\n")
    }

    /// One swatch and name per state, in the bars' order.
    static func legend() -> String {
        var parts: [String] = []
        let step = (width - labelWidth) / Double(DemandState.allCases.count)
        for (index, state) in DemandState.allCases.enumerated() {
            let x = labelWidth + Double(index) * step
            parts.append(
                "<rect x=\"\(SVGText.number(x))\" y=\"4\" width=\"12\" height=\"12\" fill=\"\(ChartPalette.fill(state))\" "
                    + "stroke=\"#777777\" stroke-width=\"0.6\"/>")
            parts.append(SVGText.text(state.rawValue, x: x + 16, y: 14.5, size: 11.5))
        }
        return parts.joined(separator: "\n")
    }
}
