import ABMCore

/// The engaged share of each tier over the last eight weeks: one line a tier (its own colour,
/// dash and marker), the Tier 1 red-flag threshold drawn across, the latest value written at
/// each line's end.
enum EngagedShareChart {
    static let width = 640.0
    static let left = 44.0
    static let right = 580.0
    static let top = 14.0
    static let plotHeight = 120.0
    static let height = top + plotHeight + 52

    static func svg(_ report: WeeklyReport) -> String {
        let history = report.engagedShares
        let labels = ShareHistoryLabels.labels(report)
        let all = Tier.allCases.flatMap { history.shares(of: $0) } + [report.redFlagShare]
        let top = scaleTop(all.max() ?? 0)
        let step = labels.count > 1 ? (right - left) / Double(labels.count - 1) : 0
        func y(_ share: Double) -> Double { Self.top + plotHeight * (1 - min(share, top) / top) }
        func x(_ index: Int) -> Double { left + Double(index) * step }

        var parts = [
            SVGText.open(
                width: width, height: height, title: "Engaged share per tier, last eight weeks", id: "engaged")
        ]
        let tick = top > 0.5 ? 0.2 : 0.1
        for n in 0...Int((top / tick).rounded()) {
            let value = Double(n) * tick
            parts.append(
                SVGText.line(left, y(value), right, y(value), stroke: ChartPalette.grid, width: n == 0 ? 1 : 0.6))
            parts.append(
                SVGText.text(ReportWords.percent(value), x: left - 6, y: y(value) + 4, anchor: "end", size: 11))
        }
        for (index, label) in labels.enumerated() {
            parts.append(SVGText.text(label, x: x(index), y: Self.top + plotHeight + 16, anchor: "middle", size: 11))
        }
        let flagY = y(report.redFlagShare)
        parts.append(SVGText.line(left, flagY, right, flagY, stroke: ChartPalette.alert, width: 1.5, dash: "5 3"))
        parts.append(
            SVGText.text(
                "Tier 1 red flag \(ReportWords.percent(report.redFlagShare))", x: left + 4, y: flagY - 4,
                fill: ChartPalette.alert, size: 11))
        for tier in Tier.allCases {
            let (stroke, dash, marker) = ChartPalette.line(tier)
            let shares = history.shares(of: tier)
            let points = shares.indices.map { "\(SVGText.number(x($0))),\(SVGText.number(y(shares[$0])))" }
            parts.append(
                "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(stroke)\" "
                    + "stroke-width=\"2.2\"" + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")
                    + " data-tier=\"\(tier.rawValue)\"/>")
            for index in shares.indices {
                parts.append(SVGText.marker(marker, x: x(index), y: y(shares[index]), colour: stroke))
            }
            if let last = shares.last {
                parts.append(
                    SVGText.text(
                        ReportWords.percent(last), x: right + 10, y: labelY(tier, shares: history, y: y), fill: stroke,
                        size: 11, weight: "600"))
            }
        }
        parts.append(legend(y: Self.top + plotHeight + 38))
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// The top of the scale: the largest value plus a margin, in tenths, at most 100 %.
    static func scaleTop(_ largest: Double) -> Double {
        min(1, max(0.3, ((largest + 0.05) * 10).rounded(.up) / 10))
    }

    /// Where a tier's end label goes: at its last point, the labels nudged upwards from the
    /// lowest so that none overlaps another or the axis labels below the plot.
    static func labelY(_ tier: Tier, shares history: EngagedShareHistory, y: (Double) -> Double) -> Double {
        let ends = Tier.allCases.map { (tier: $0, y: y(history.shares(of: $0).last ?? 0) + 4) }.sorted { $0.y > $1.y }
        var previous = Double.infinity
        for end in ends {
            previous = min(end.y, previous - 13)
            if end.tier == tier { return previous }
        }
        return y(0)
    }

    static func legend(y: Double) -> String {
        var parts: [String] = []
        for (index, tier) in Tier.allCases.enumerated() {
            let (stroke, dash, marker) = ChartPalette.line(tier)
            let x = left + Double(index) * 130
            parts.append(SVGText.line(x, y, x + 30, y, stroke: stroke, width: 2.2, dash: dash))
            parts.append(SVGText.marker(marker, x: x + 15, y: y, colour: stroke))
            parts.append(SVGText.text(tier.label, x: x + 36, y: y + 4, size: 11.5))
        }
        let x = left + 3 * 130
        parts.append(SVGText.line(x, y, x + 30, y, stroke: ChartPalette.alert, width: 1.5, dash: "5 3"))
        parts.append(SVGText.text("red flag", x: x + 36, y: y + 4, size: 11.5))
        return parts.joined(separator: "\n")
    }
}
