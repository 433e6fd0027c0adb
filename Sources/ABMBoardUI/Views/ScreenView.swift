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
        case .detail:
            StyledPage.render(plain(detailLines(state)), scroll: state.scroll, into: &buffer, y: 0, height: bodyHeight)
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

    /// The selected account's evidence as lines.
    static func detailLines(_ state: BoardState) -> [String] {
        guard let selected = state.selected else { return ["no account selected"] }
        return evidenceLines(of: selected, in: state)
    }

    /// Account `index`'s evidence as lines (the detail and the meeting show it).
    static func evidenceLines(of index: Int, in state: BoardState) -> [String] {
        let evidence = state.data.evaluator.explain(account: index, in: state.data.programme, asOf: state.data.asOf)
        return ExplainText.lines(evidence, programme: state.data.programme, playbook: state.data.evaluator.playbook)
    }

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

/// The help screen, generated from the key map.
public enum HelpView {
    /// Every key, grouped.
    public static func lines() -> [String] {
        var lines = ["abmboard keys", ""]
        var group = ""
        let keyWidth = KeyMap.bindings.map { DisplayWidth.of($0.keys) }.max() ?? 0
        for binding in KeyMap.bindings {
            if binding.group != group {
                if !group.isEmpty { lines.append("") }
                group = binding.group
                lines.append(group)
            }
            lines.append("  " + ExplainText.pad(binding.keys, keyWidth + 2) + binding.action)
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
