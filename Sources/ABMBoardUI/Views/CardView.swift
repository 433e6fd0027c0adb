import ABMCore

/// Lays an `AccountCard` out in a part of the screen. Narrow (80×24): the header, the buying
/// committee and then the timeline, one above the other, with only the timeline scrolling.
/// Wide (at least `wideWidth` × `wideHeight`): the header across the top, the committee on the
/// left and the timeline on the right.
enum CardView {
    /// The narrowest body that gets the side-by-side panes.
    static let wideWidth = 120
    /// The lowest body that gets the side-by-side panes.
    static let wideHeight = 30

    /// Draws `card` into rows `y ..< y + height`, its timeline from event `scroll`.
    static func render(_ card: AccountCard, scroll: Int, into buffer: inout ScreenBuffer, y: Int, height: Int) {
        guard height > 0 else { return }
        let width = buffer.width
        var row = y
        let end = y + height
        for line in card.header.flatMap({ wrap($0, width: width, lines: 2) }) where row < end {
            draw(line, into: &buffer, x: 0, y: row, width: width)
            row += 1
        }
        guard row < end else { return }
        buffer.write(String(repeating: "─", count: width), x: 0, y: row, role: .dim)
        row += 1
        if width >= wideWidth && height >= wideHeight {
            let left = min(width / 2, 90)
            for line in row..<end { buffer.write("│", x: left + 1, y: line, role: .dim) }
            let used = min(summary(card, width: left).count + max(card.people.count, 1), end - row)
            committee(card, into: &buffer, x: 0, y: row, width: left, rows: used)
            var below = row + used + 1
            for line in card.rules where below < end {
                draw(line, into: &buffer, x: 0, y: below, width: left)
                below += 1
            }
            timeline(card, scroll: scroll, into: &buffer, x: left + 3, y: row, width: width - left - 3, rows: end - row)
            return
        }
        // The committee takes what it needs, leaving the timeline (below its rule) its title
        // and two events when there is room for them.
        let remaining = end - row
        let summaryRows = summary(card, width: width).count
        let wanted = summaryRows + max(card.people.count, 1)
        let committeeRows = min(wanted, max(remaining - 4, min(remaining, summaryRows + 1)))
        committee(card, into: &buffer, x: 0, y: row, width: width, rows: committeeRows)
        row += committeeRows
        guard row < end else { return }
        buffer.write(String(repeating: "─", count: width), x: 0, y: row, role: .dim)
        row += 1
        timeline(card, scroll: scroll, into: &buffer, x: 0, y: row, width: width, rows: end - row)
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

    /// The timeline's title and its events from `scroll`, in `rows` rows.
    static func timeline(
        _ card: AccountCard, scroll: Int, into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, rows: Int
    ) {
        guard rows > 0 else { return }
        let count = card.timelineCount
        let lines = rows - 1
        let start = min(max(scroll, 0), max(count - lines, 0))
        var title = [Run("Timeline", .header), Run(" · \(count) event\(count == 1 ? "" : "s"), newest first")]
        if count > lines { title.append(Run(" · \(start + 1)–\(min(start + lines, count)) (j/k)", .dim)) }
        draw(title, into: &buffer, x: x, y: y, width: width)
        for (offset, index) in (start..<min(start + lines, count)).enumerated() {
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
