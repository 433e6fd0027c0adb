import ABMCore

/// The whole screen for a state: the current view, the status bar and the footer; below the
/// smallest usable size, a line saying what size is needed.
public enum ScreenView {
    /// The smallest usable terminal.
    public static let minimumWidth = 40
    /// The smallest usable terminal height.
    public static let minimumHeight = 8

    /// Renders `state` into a new buffer of its size.
    public static func render(_ state: BoardState) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.width, height: state.height)
        guard state.width >= minimumWidth, state.height >= minimumHeight else {
            let text =
                "abmboard needs \(minimumWidth)×\(minimumHeight); this terminal is \(state.width)×\(state.height)"
            for (index, line) in wrap(text, width: max(state.width, 1)).prefix(state.height).enumerated() {
                buffer.write(line, x: 0, y: index)
            }
            return buffer
        }
        let bodyHeight = state.height - 2
        switch state.screen {
        case .board: BoardView.render(state, into: &buffer, y: 0, height: bodyHeight)
        case .detail: renderCard(state, into: &buffer, y: 0, height: bodyHeight)
        case .health: HealthView.render(state, into: &buffer, height: bodyHeight)
        case .help:
            StyledPage.render(plain(HelpView.lines()), scroll: state.scroll, into: &buffer, y: 0, height: bodyHeight)
        case .meeting: MeetingView.render(state, into: &buffer, height: bodyHeight)
        case .changes: ChangesView.render(state, into: &buffer, height: bodyHeight)
        }
        if let menu = state.menu { MenuView.render(menu, into: &buffer) }
        if let form = state.form { FormView.render(form, into: &buffer) }
        StatusBar.render(state, into: &buffer, y: state.height - 2)
        buffer.fill(x: 0, y: state.height - 1, count: state.width, role: .footer)
        buffer.write(KeyMap.footer(for: state), x: 0, y: state.height - 1, role: .footer)
        return buffer
    }

    /// The card of the account on screen (the detail, the meeting's account), or its full
    /// evidence after `e`, in rows `y ..< y + height`.
    static func renderCard(_ state: BoardState, into buffer: inout ScreenBuffer, y: Int, height: Int) {
        guard let card = state.card else {
            buffer.write("no account selected", x: 0, y: y)
            return
        }
        if let page = state.evidencePage {
            StyledPage.render(plain(page), scroll: state.scroll, into: &buffer, y: y, height: height)
        } else {
            CardView.render(
                card, scroll: state.scroll, wide: CardView.isWide(width: state.width, height: state.height),
                into: &buffer, y: y, height: height)
        }
    }

    /// The rows the card of `state` has on screen (the meeting's progress line takes one).
    static func cardHeight(_ state: BoardState) -> Int { state.height - (state.screen == .meeting ? 3 : 2) }

    /// Lines of plain text as lines of runs.
    static func plain(_ lines: [String]) -> [[Run]] { lines.map { [Run($0)] } }

    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for character in text {
            if DisplayWidth.of(current) + DisplayWidth.of(character) > width {
                lines.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

/// The help screen, generated from the key map: each screen's keys, the mouse, the commands.
public enum HelpView {
    /// Every key, grouped by the screen it works on, then every `:` command.
    public static func lines() -> [String] {
        var lines = ["abmboard keys", ""]
        // Each screen lists what it adds to the screens before it (the drill-down its Esc, the
        // card its timeline and evidence …).
        var listed: Set<String> = []
        var groups: [(title: String, rows: [(String, String)])] = []
        for context in KeyMap.Context.allCases {
            let rows = KeyMap.bindings(context).map { ($0.shown, $0.help) }.filter {
                listed.insert($0.0 + "\t" + $0.1).inserted
            }
            if !rows.isEmpty { groups.append((context.rawValue, rows)) }
        }
        groups.append(("Mouse", KeyMap.mouse.map { ($0.shown, $0.help) }))
        groups.append(
            (
                "Commands (: then Tab completes)",
                BoardCommand.all.map { command in
                    (
                        ":" + command.name,
                        command.usage.isEmpty ? command.summary : "\(command.usage): \(command.summary)"
                    )
                }
            ))
        let keyWidth = groups.flatMap { $0.rows.map { DisplayWidth.of($0.0) } }.max() ?? 0
        for group in groups {
            lines.append(group.title)
            for (keys, help) in group.rows { lines.append("  " + ExplainText.pad(keys, keyWidth + 2) + help) }
            lines.append("")
        }
        return lines
    }
}

/// The status bar: store, as-of, review week, user, decisions, live; or the prompt or a message.
enum StatusBar {
    static func render(_ state: BoardState, into buffer: inout ScreenBuffer, y: Int) {
        buffer.fill(x: 0, y: y, count: buffer.width, role: .statusBar)
        if let prompt = state.prompt {
            buffer.write(prompt.label + prompt.text + "▏", x: 0, y: y, role: .statusBar)
            return
        }
        if let message = state.message {
            buffer.write(message.text, x: 0, y: y, role: message.isError ? .error : .statusBar)
            return
        }
        let week = ReviewWeek(containing: state.data.asOf).label
        var parts = [
            state.data.storeName, "as of \(state.data.asOf.iso8601)",
            state.viewedWeek == nil ? "week \(week)" : "PAST WEEK \(week) (] later)", state.user,
            "\(state.decidedOnBoard)/\(state.order.count) decided",
        ]
        if !state.search.isEmpty { parts.append("search \"\(state.search)\"") }
        if state.onlyMine && state.filter.drill == nil { parts.append("only mine") }
        if !state.filter.isEmpty { parts.append("filter: " + state.filter.summary) }
        if !state.sort.summary.isEmpty { parts.append(state.sort.summary) }
        parts.append(state.live ? "● live" : "fixed as-of")
        buffer.write(parts.joined(separator: " · "), x: 0, y: y, role: .statusBar)
    }
}
