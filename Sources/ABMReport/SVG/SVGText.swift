import ABMCore

/// Small pieces of SVG markup shared by the charts.
enum SVGText {
    /// `x` with at most one decimal, `-` for negatives, no exponent: `12`, `12.5`.
    static func number(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10
        let fraction = abs(tenths) % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// The opening tag of a chart, scalable to its container, with a title for screen readers.
    static func open(width: Double, height: Double, title: String, id: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(number(width))\" height=\"\(number(height))\" "
            + "viewBox=\"0 0 \(number(width)) \(number(height))\" role=\"img\" aria-labelledby=\"\(id)-title\" "
            + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">"
            + "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title>"
    }

    /// A text element at (`x`, `y`).
    static func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", fill: String = ChartPalette.text,
        size: Double? = nil, weight: String? = nil
    ) -> String {
        var attributes = "x=\"\(number(x))\" y=\"\(number(y))\" fill=\"\(fill)\""
        if anchor != "start" { attributes += " text-anchor=\"\(anchor)\"" }
        if let size { attributes += " font-size=\"\(number(size))\"" }
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        return "<text \(attributes)>\(HTMLText.escape(content))</text>"
    }

    /// A line from (`x1`, `y1`) to (`x2`, `y2`).
    static func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1,
        dash: String? = nil
    ) -> String {
        "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" "
            + "stroke=\"\(stroke)\" stroke-width=\"\(number(width))\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
    }

    /// A point marker of `shape` centred on (`x`, `y`).
    static func marker(_ shape: ChartPalette.Marker, x: Double, y: Double, colour: String) -> String {
        switch shape {
        case .circle:
            return "<circle cx=\"\(number(x))\" cy=\"\(number(y))\" r=\"3.5\" fill=\"\(colour)\"/>"
        case .square:
            return "<rect x=\"\(number(x - 3.5))\" y=\"\(number(y - 3.5))\" width=\"7\" height=\"7\" "
                + "fill=\"#ffffff\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
        case .triangle:
            return "<polygon points=\"\(number(x)),\(number(y - 4.5)) \(number(x + 4)),\(number(y + 3)) "
                + "\(number(x - 4)),\(number(y + 3))\" fill=\"\(colour)\"/>"
        }
    }
}
