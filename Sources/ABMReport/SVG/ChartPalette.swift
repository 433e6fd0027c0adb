import ABMCore

/// The charts' colours. The demand states step from light to dark in their own order
/// (target lightest, expansion darkest) with a different hue each, so the bars read in colour
/// and, through the legend, in greyscale print too.
enum ChartPalette {
    /// The fill of `state`.
    static func fill(_ state: DemandState) -> String {
        switch state {
        case .target: "#eeeeee"
        case .aware: "#bcd4ea"
        case .engaged: "#74b3e0"
        case .opportunity: "#d9620b"
        case .customer: "#256b2a"
        case .expansion: "#4a1a6b"
        }
    }

    /// The colour of a count written on `state`'s fill.
    static func ink(_ state: DemandState) -> String {
        state.rank >= DemandState.opportunity.rank ? "#ffffff" : "#1a1a1a"
    }

    /// A tier's line in the engaged-share chart: colour, dash pattern and marker differ, so the
    /// lines stay apart in greyscale.
    static func line(_ tier: Tier) -> (stroke: String, dash: String?, marker: Marker) {
        switch tier {
        case .one: ("#14285f", nil, .circle)
        case .two: ("#d9620b", "7 4", .square)
        case .three: ("#5b8c5f", "2 3", .triangle)
        }
    }

    /// A point marker's shape.
    enum Marker { case circle, square, triangle }

    /// Red flag and alerts.
    static let alert = "#b00020"
    /// Bars that reach their target.
    static let onTarget = "#256b2a"
    /// Bars below their target.
    static let belowTarget = "#d9620b"
    /// Axes and grid lines.
    static let grid = "#d0d0d0"
    /// Axis and label text.
    static let text = "#333333"
}
