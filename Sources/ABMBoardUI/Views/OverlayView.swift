/// A box drawn over the screen, for menus and the log-a-touch form.
enum Box {
    /// Draws a framed box with `title` at `x`, `y` of `width` × `height` (clipped to the
    /// buffer), its inside blanked.
    static func draw(title: String, x: Int, y: Int, width: Int, height: Int, into buffer: inout ScreenBuffer) {
        guard width >= 4, height >= 2 else { return }
        buffer.write("┌" + String(repeating: "─", count: width - 2) + "┐", x: x, y: y, role: .header)
        buffer.write(" \(title) ", x: x + 2, y: y, role: .header, limit: width - 4)
        for row in (y + 1)..<(y + height - 1) {
            buffer.write("│", x: x, y: row, role: .header)
            buffer.fill(x: x + 1, y: row, count: width - 2, role: .text)
            buffer.write("│", x: x + width - 1, y: row, role: .header)
        }
        buffer.write("└" + String(repeating: "─", count: width - 2) + "┘", x: x, y: y + height - 1, role: .header)
    }
}

/// A menu (sort, filter) as a box near the top left of the screen.
public enum MenuView {
    /// Where the box goes: its origin and size, within a screen of `width` × `height`.
    static func frame(_ menu: Menu, width: Int, height: Int) -> (x: Int, y: Int, width: Int, height: Int) {
        let inner = ([menu.title] + menu.items).map { DisplayWidth.of($0) }.max() ?? 0
        let boxWidth = min(inner + 6, max(width - 4, 4))
        let boxHeight = min(menu.items.count + 2, max(height - 3, 2))
        return (2, 1, boxWidth, boxHeight)
    }

    /// The first item shown, so that the cursor is inside the box.
    static func firstItem(_ menu: Menu, rows: Int) -> Int {
        menu.cursor < rows ? 0 : menu.cursor - rows + 1
    }

    /// Draws `menu` over `buffer`.
    static func render(_ menu: Menu, into buffer: inout ScreenBuffer) {
        let box = frame(menu, width: buffer.width, height: buffer.height)
        Box.draw(title: menu.title, x: box.x, y: box.y, width: box.width, height: box.height, into: &buffer)
        let rows = box.height - 2
        let first = firstItem(menu, rows: rows)
        for (offset, item) in menu.items.dropFirst(first).prefix(rows).enumerated() {
            let y = box.y + 1 + offset
            let chosen = first + offset == menu.cursor
            buffer.write(
                (chosen ? "▸ " : "  ") + item, x: box.x + 1, y: y, role: chosen ? .selected : .text,
                limit: box.width - 2)
            if chosen {
                let written = DisplayWidth.of((chosen ? "▸ " : "  ") + item)
                buffer.fill(
                    x: box.x + 1 + written, y: y, count: max(box.width - 2 - written, 0), role: .selected)
            }
        }
    }
}

/// The log-a-touch form as a box.
public enum FormView {
    /// The fields' labels.
    static let labels: [TouchForm.Field: String] = [
        .channel: "channel", .direction: "direction", .contact: "contact", .topic: "topic", .note: "note",
    ]

    /// Draws `form` over `buffer`.
    static func render(_ form: TouchForm, into buffer: inout ScreenBuffer) {
        let width = min(max(buffer.width - 4, 4), 72)
        let height = TouchForm.Field.allCases.count + 4
        let x = 2
        let y = 1
        Box.draw(
            title: "log a touch · \(form.accountId) \(form.accountName)", x: x, y: y, width: width, height: height,
            into: &buffer)
        for field in TouchForm.Field.allCases {
            let row = y + 1 + field.rawValue
            let current = field == form.field
            let typing = field == .topic || field == .note
            let value = form.value(of: field)
            let shown = typing ? value + (current ? "▏" : "") : "◂ \(value) ▸"
            buffer.write(
                ExplainText.pad(labels[field] ?? "", 10), x: x + 2, y: row, role: current ? .selected : .dim)
            buffer.write(shown, x: x + 13, y: row, role: current ? .selected : .text, limit: width - 15)
        }
        buffer.write(
            "↑/↓ field · ←/→ choose · Enter log · Esc cancel", x: x + 2, y: y + height - 2, role: .dim,
            limit: width - 4)
    }
}
