import ABMCore

/// A run of text on a line, in one role, optionally in a column of fixed width (clipped or
/// padded to it, by display columns).
struct Run: Sendable, Hashable {
    var text: String
    var role: Role = .text
    var width: Int?

    init(_ text: String, _ role: Role = .text, width: Int? = nil) {
        self.text = text
        self.role = role
        self.width = width
    }

    /// An account's id and name in columns, as the meeting's summary and "since last week"
    /// list them: `  A-0001     Acme Corp …  `.
    static func account(_ account: Account) -> [Run] {
        [Run("  "), Run(account.id, width: 10), Run(" "), Run(account.name, width: 28), Run("  ")]
    }
}

/// Lines of runs shown from a scroll position (the meeting, its summary, the changes since
/// last week).
enum StyledPage {
    /// Draws `lines` from `scroll` (kept so the last page stays full) into rows
    /// `y ..< y + height`.
    static func render(_ lines: [[Run]], scroll: Int, into buffer: inout ScreenBuffer, y: Int, height: Int) {
        guard height > 0 else { return }
        let start = min(max(scroll, 0), max(lines.count - height, 0))
        for (offset, line) in lines.dropFirst(start).prefix(height).enumerated() {
            draw(line, into: &buffer, y: y + offset)
        }
    }

    /// The first line to show so that line `line` of `count` is on a page of `height` lines,
    /// with the line above it (a section's title) when it fits.
    static func firstLine(showing line: Int, count: Int, height: Int) -> Int {
        line < height - 1 ? 0 : min(line - height + 2, max(count - height, 0))
    }

    /// Draws one line of runs at row `y`.
    static func draw(_ line: [Run], into buffer: inout ScreenBuffer, y: Int) {
        var x = 0
        for run in line where x < buffer.width {
            if let width = run.width {
                buffer.write(run.text, x: x, y: y, role: run.role, limit: width)
                x += width
            } else {
                x += buffer.write(run.text, x: x, y: y, role: run.role)
            }
        }
    }
}
