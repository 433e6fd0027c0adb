/// Every key the board answers to, with what it does: the single source for the key handling
/// and the help screen, so help can never miss a key.
public enum KeyMap {
    /// One binding: the keys as shown, what they do, and the group help lists it under.
    public struct Binding: Sendable, Hashable {
        /// The keys as shown in help and the footer (`j ↓`).
        public var keys: String
        /// What it does.
        public var action: String
        /// The help group.
        public var group: String
    }

    /// Every binding, in help order.
    public static let bindings: [Binding] =
        [
            Binding(keys: "j ↓", action: "move down", group: "Move"),
            Binding(keys: "k ↑", action: "move up", group: "Move"),
            Binding(keys: "g Home", action: "top", group: "Move"),
            Binding(keys: "G End", action: "bottom", group: "Move"),
            Binding(keys: "PgUp PgDn", action: "page up / down", group: "Move"),
            Binding(keys: "Enter", action: "open the account's detail", group: "Views"),
            Binding(keys: "t", action: "tier health", group: "Views"),
            Binding(keys: "?", action: "this help", group: "Views"),
            Binding(keys: "Esc q", action: "back (q on the board quits)", group: "Views"),
            Binding(keys: "Enter", action: "on tier health: list the accounts behind a number", group: "Views"),
            Binding(
                keys: "c",
                action: "since last week: states up and down, tier changes, surges, breaches (Enter: evidence)",
                group: "Views"
            ),
            Binding(keys: "[ ]", action: "the board at the end of the previous / next review week", group: "Weeks"),
            Binding(keys: "m", action: "meeting mode: step through this week's undecided accounts", group: "Meeting"),
            Binding(keys: "Enter", action: "in the meeting: accept the recommendation", group: "Meeting"),
            Binding(keys: "w h d p", action: "in the meeting: decide otherwise", group: "Meeting"),
            Binding(
                keys: "n", action: "in the meeting: a note (before deciding: goes with the decision)", group: "Meeting"),
            Binding(keys: "s", action: "in the meeting: skip", group: "Meeting"),
            Binding(keys: "b", action: "in the meeting: back one account", group: "Meeting"),
            Binding(keys: "u", action: "in the meeting: undo the meeting's decision", group: "Meeting"),
            Binding(keys: "Esc", action: "in the meeting: end it on its summary (again: the board)", group: "Meeting"),
            Binding(keys: "click", action: "select a row or number (again: open it)", group: "Mouse"),
            Binding(keys: "wheel", action: "scroll", group: "Mouse"),
            Binding(keys: "w", action: "mark work", group: "Decide"),
            Binding(keys: "h", action: "mark hold", group: "Decide"),
            Binding(keys: "d", action: "mark demote (Tier 1 asks for a note)", group: "Decide"),
            Binding(keys: "p", action: "mark promote", group: "Decide"),
            Binding(keys: "u", action: "undo the latest mark", group: "Decide"),
            Binding(keys: "n", action: "add a note to the latest mark", group: "Decide"),
            Binding(keys: "l", action: "log a touch (channel, direction, contact, topic, note)", group: "Decide"),
            Binding(
                keys: "/", action: "search by name, id or domain (/!text: those without it; Esc clears)", group: "Find"),
            Binding(keys: "f", action: "filter: tier, owner, state, decision, surging, SLA status", group: "Find"),
            Binding(keys: "s", action: "choose the sort column (again: reverse)", group: "Find"),
            Binding(keys: "o", action: "only my accounts (again: everyone's)", group: "Find"),
            Binding(keys: "v", action: "the saved views (:view save NAME keeps one)", group: "Find"),
            Binding(
                keys: "y", action: "copy the account's id to the clipboard (OSC 52: works over SSH)", group: "Copy"),
            Binding(keys: "Y", action: "copy the account's row, tab-separated", group: "Copy"),
            Binding(
                keys: ":", action: "a command, as below (Tab completes, ↑ ↓ go through the history)", group: "Commands"),
        ]
        + BoardCommand.all.map { command in
            Binding(
                keys: ":" + command.name,
                action: command.usage.isEmpty ? command.summary : "\(command.usage): \(command.summary)",
                group: "Commands")
        }

    /// The footer's short list for what is on screen.
    public static func footer(for state: BoardState) -> String {
        if state.form != nil { return "↑/↓ field · ←/→ choose · type topic and note · Enter log · Esc cancel" }
        if let menu = state.menu {
            if case .filterValues = menu.purpose { return "j/k move · Enter on/off · Esc done" }
            return "j/k move · Enter choose · Esc close"
        }
        switch state.screen {
        case .board:
            let back = state.filter.drill != nil ? "Esc tier health" : "q quit"
            return fitted(
                [
                    "j/k move", "Enter detail", "w/h/d/p mark", "u undo", "m meeting", "t health", "c changes",
                    "[/] week", "/ search", ": command", "f filter", "s sort", "n note", "l touch", "o mine",
                ], ending: ["? help", back], width: state.width)
        case .detail: return "j/k scroll · w/h/d/p mark · u undo · n note · l log touch · Esc back · ? help"
        case .health: return "j/k/←/→ choose a number · Enter list its accounts · Esc back · ? help"
        case .help: return "j/k scroll · Esc back · q back"
        case .changes: return "j/k choose an account · Enter its evidence · [/] week · Esc back · ? help"
        case .meeting:
            if state.meeting?.ended ?? true { return "b back to the last account · j/k scroll · Esc/q the board" }
            return "Enter accept · w/h/d/p decide · n note · s skip · b back · u undo · j/k scroll · Esc end · ? help"
        }
    }

    /// As many of `keys` as fit in `width` columns, in order, then `ending` always.
    static func fitted(_ keys: [String], ending: [String], width: Int) -> String {
        var shown: [String] = []
        let separator = " · "
        var used = DisplayWidth.of(ending.joined(separator: separator))
        for key in keys {
            let needed = DisplayWidth.of(key) + DisplayWidth.of(separator)
            guard used + needed <= width else { break }
            shown.append(key)
            used += needed
        }
        return (shown + ending).joined(separator: separator)
    }
}
