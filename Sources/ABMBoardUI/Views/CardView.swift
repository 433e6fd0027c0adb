import ABMCore

/// Lays an `AccountCard` out in a part of the screen. Narrow (80×24): the header, the buying
/// committee and then the timeline, one above the other, with only the timeline scrolling.
/// Wide (a terminal of at least `wideWidth` × `wideHeight`, whether the card is the detail's
/// or the meeting's): the header across the top, the committee (with the state rules and the
/// SLA clocks under it) on the left and the timeline on the right.
enum CardView {
    /// The narrowest terminal that gets the side-by-side panes.
    static let wideWidth = 120
    /// The lowest terminal that gets the side-by-side panes.
    static let wideHeight = 32

    /// Whether a terminal of `width` × `height` shows the card side by side.
    static func isWide(width: Int, height: Int) -> Bool { width >= wideWidth && height >= wideHeight }

    /// Where the card's parts go in an area of `width` × `height`.
    struct Layout {
        /// The header's lines, wrapped, as many as fit.
        var header: [[Run]]
        /// Side by side, or one above the other.
        var wide: Bool
        /// The first row under the header's rule.
        var body: Int
        /// The left pane's width (wide), or the whole width.
        var left: Int
        /// Rows of the committee (narrow: before the timeline's rule).
        var committeeRows: Int
        /// The first row of the timeline's title, and the rows of events under it.
        var timelineTop: Int
        var timelineRows: Int
    }

    /// The layout of `card` in `width` × `height`, `wide` or not.
    static func layout(_ card: AccountCard, width: Int, height: Int, wide: Bool) -> Layout {
        let header = Array(card.header.flatMap { wrap($0, width: width, lines: 2) }.prefix(max(height, 0)))
        let body = header.count + 1
        let remaining = max(height - body, 0)
        if wide {
            let left = min(width / 2, 90)
            let committeeRows = min(summary(card, width: left).count + max(card.people.count, 1), remaining)
            return Layout(
                header: header, wide: true, body: body, left: left, committeeRows: committeeRows, timelineTop: body,
                timelineRows: max(remaining - 1, 0))
        }
        // The committee takes what it needs, leaving the timeline (below its rule) its title
        // and two events when there is room for them.
        let summaryRows = summary(card, width: width).count
        let wanted = summaryRows + max(card.people.count, 1)
        let committeeRows = min(wanted, max(remaining - 4, min(remaining, summaryRows + 1)))
        let timelineTop = body + committeeRows + 1
        return Layout(
            header: header, wide: false, body: body, left: width, committeeRows: committeeRows,
            timelineTop: timelineTop, timelineRows: max(height - timelineTop - 1, 0))
    }

    /// The first timeline event shown for a `scroll` position: the last page stays full.
    static func firstEvent(_ card: AccountCard, scroll: Int, rows: Int) -> Int {
        min(max(scroll, 0), max(card.timelineCount - rows, 0))
    }

    /// Draws `card` into rows `y ..< y + height`, its timeline from event `scroll`.
    static func render(
        _ card: AccountCard, scroll: Int, wide: Bool, into buffer: inout ScreenBuffer, y: Int, height: Int
    ) {
        guard height > 0 else { return }
        let width = buffer.width
        let layout = layout(card, width: width, height: height, wide: wide)
        for (offset, line) in layout.header.enumerated() {
            draw(line, into: &buffer, x: 0, y: y + offset, width: width)
        }
        guard layout.body <= height else { return }
        buffer.write(String(repeating: "─", count: width), x: 0, y: y + layout.body - 1, role: .dim)
        let end = y + height
        let top = y + layout.body
        if layout.wide {
            for line in top..<end { buffer.write("│", x: layout.left + 1, y: line, role: .dim) }
            committee(card, into: &buffer, x: 0, y: top, width: layout.left, rows: layout.committeeRows)
            var below = top + layout.committeeRows + 1
            for line in card.rules where below < end {
                draw(line, into: &buffer, x: 0, y: below, width: layout.left)
                below += 1
            }
            timeline(
                card, scroll: scroll, into: &buffer, x: layout.left + 3, y: top, width: width - layout.left - 3,
                rows: layout.timelineRows)
            return
        }
        committee(card, into: &buffer, x: 0, y: top, width: width, rows: layout.committeeRows)
        let rule = y + layout.timelineTop - 1
        guard rule < end else { return }
        buffer.write(String(repeating: "─", count: width), x: 0, y: rule, role: .dim)
        guard rule + 1 < end else { return }
        timeline(card, scroll: scroll, into: &buffer, x: 0, y: rule + 1, width: width, rows: layout.timelineRows)
    }

    /// The committee's summary and then its people, in `rows` rows; the last row says how many
    /// people did not fit.
    static func committee(_ card: AccountCard, into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, rows: Int) {
        var row = y
        let end = y + rows
        for line in summary(card, width: width) where row < end {
            draw(line, into: &buffer, x: x, y: row, width: width)
            row += 1
        }
        if card.people.isEmpty, row < end {
            buffer.write("  no contacts on record", x: x, y: row, role: .dim, limit: width)
            return
        }
        let fits = end - row
        let shown = card.people.count <= fits ? card.people.count : max(fits - 1, 0)
        // Name, role and engagement keep their columns; the title takes what is left.
        let nameWidth = 22
        let roleWidth = 20
        let engagementWidth = 18
        let titleWidth = max(width - 2 - nameWidth - roleWidth - engagementWidth, 0)
        for person in card.people.prefix(shown) {
            draw(
                [
                    Run("  "), Run(person.name, width: nameWidth), Run(person.title, .dim, width: titleWidth),
                    Run(person.role, width: roleWidth), Run(person.engagement, person.engagementRole),
                ], into: &buffer, x: x, y: row, width: width)
            row += 1
        }
        if shown < card.people.count, row < end {
            buffer.write(
                "  … and \(card.people.count - shown) more (e: the full evidence)", x: x, y: row, role: .dim,
                limit: width)
        }
    }

    /// The committee's summary lines, wrapped to `width`.
    static func summary(_ card: AccountCard, width: Int) -> [[Run]] {
        card.committeeSummary.flatMap { wrap($0, width: width, lines: 2) }
    }

    /// The timeline's title (at `y`) and `rows` of its events under it, from `scroll`.
    static func timeline(
        _ card: AccountCard, scroll: Int, into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, rows: Int
    ) {
        let count = card.timelineCount
        let start = firstEvent(card, scroll: scroll, rows: rows)
        var title = [Run("Timeline", .header), Run(" · \(count) event\(count == 1 ? "" : "s"), newest first")]
        if count > rows && rows > 0 { title.append(Run(" · \(start + 1)–\(min(start + rows, count)) (j/k)", .dim)) }
        draw(title, into: &buffer, x: x, y: y, width: width)
        for (offset, index) in (start..<min(start + rows, count)).enumerated() {
            draw(card.timelineLine(index), into: &buffer, x: x, y: y + 1 + offset, width: width)
        }
    }

    /// `line` broken between words into at most `lines` lines of `width` columns, the later
    /// ones indented by two; what still does not fit is left for `draw` to clip with "…".
    static func wrap(_ line: [Run], width: Int, lines: Int) -> [[Run]] {
        let total = line.reduce(0) { $0 + ($1.width ?? DisplayWidth.of($1.text)) }
        guard total > width, lines > 1, width > 8 else { return [line] }
        // Words keep the space after them, and their run's role.
        var words: [Run] = []
        for run in line {
            if run.width != nil {
                words.append(run)
                continue
            }
            var word = ""
            for character in run.text {
                word.append(character)
                if character == " " {
                    words.append(Run(word, run.role))
                    word = ""
                }
            }
            if !word.isEmpty { words.append(Run(word, run.role)) }
        }
        var result: [[Run]] = [[]]
        var used = 0
        for word in words {
            let size = word.width ?? DisplayWidth.of(word.text)
            if used + size > width, used > 2, result.count < lines {
                result.append([Run("  ")])
                used = 2
            }
            result[result.count - 1].append(word)
            used += size
        }
        return result
    }

    /// Draws one line of runs from column `x`, no wider than `width`.
    static func draw(_ line: [Run], into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int) {
        var column = x
        let end = x + width
        for run in line where column < end {
            let room = end - column
            if let runWidth = run.width {
                // A column keeps a space after it; what does not fit ends in "…".
                let text = BoardText.clipped(run.text, max(runWidth - 1, 0))
                buffer.write(text, x: column, y: y, role: run.role, limit: min(runWidth, room))
                column += runWidth
            } else {
                column += buffer.write(BoardText.clipped(run.text, room), x: column, y: y, role: run.role, limit: room)
            }
        }
    }
}
