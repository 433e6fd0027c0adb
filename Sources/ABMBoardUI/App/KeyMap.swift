/// Every key the board answers to, screen by screen: the one table from which the reducer
/// dispatches (`action(for:in:)`), the help screen is generated and the footer is cut, so the
/// three cannot drift apart.
public enum KeyMap {
    /// Where a key is pressed: each has its own table.
    public enum Context: String, CaseIterable, Sendable, Hashable {
        case board = "Board"
        /// The board narrowed to the accounts behind a tier-health number.
        case drill = "Board, drilled down from tier health"
        case card = "Account card"
        case health = "Tier health"
        case changes = "Since last week"
        case meeting = "Meeting"
        case meetingSummary = "Meeting summary"
        case help = "Help"
    }

    /// One binding: the keys, how help shows them, the action, what help says, and the
    /// footer's short form when the footer shows it.
    public struct Binding: Sendable, Hashable {
        /// The keys that do it.
        public var keys: [Key]
        /// The keys as help shows them (`j ↓`).
        public var shown: String
        /// What they do.
        public var action: KeyAction
        /// What help says.
        public var help: String
        /// The footer's words (`j/k move`), or `nil` when the footer leaves it out.
        public var footer: String?
        /// Whether the footer keeps it at its end whatever the width (`? help`, `q quit`).
        public var ending = false
        /// Where the footer puts it (lower first, then the table's order): on a narrow
        /// terminal the footer keeps the keys a meeting uses most.
        public var rank = 50
    }

    private static func bind(
        _ keys: [Key], _ shown: String, _ action: KeyAction, _ help: String, footer: String? = nil,
        ending: Bool = false, rank: Int = 50
    ) -> Binding {
        Binding(keys: keys, shown: shown, action: action, help: help, footer: footer, ending: ending, rank: rank)
    }

    private static func chars(_ text: String) -> [Key] { text.map { .character($0) } }

    /// Moving through a list (the board, health, changes) or scrolling a page (the card, help).
    private static func movement(_ what: String, footer: String, rank: Int = 0) -> [Binding] {
        [
            bind([.down] + chars("j"), "j ↓", .down, "\(what) down", footer: footer, rank: rank),
            bind([.up] + chars("k"), "k ↑", .up, "\(what) up"),
            bind([.home] + chars("g"), "g Home", .top, "to the top"),
            bind([.end] + chars("G"), "G End", .bottom, "to the bottom"),
            bind([.pageDown], "PgDn", .pageDown, "a page down"),
            bind([.pageUp], "PgUp", .pageUp, "a page up"),
        ]
    }

    /// Marking the account shown.
    private static let marking: [Binding] = [
        bind(chars("w"), "w", .mark(.work), "mark work", footer: "w/h/d/p mark", rank: 2),
        bind(chars("h"), "h", .mark(.hold), "mark hold"),
        bind(chars("d"), "d", .mark(.demote), "mark demote (Tier 1 asks for a note)"),
        bind(chars("p"), "p", .mark(.promote), "mark promote"),
        bind(chars("u"), "u", .undo, "undo the latest mark", footer: "u undo", rank: 3),
        bind(chars("n"), "n", .note, "add a note to the latest mark", footer: "n note", rank: 12),
        bind(
            chars("l"), "l", .logTouch, "log a touch (channel, direction, contact, topic, note)", footer: "l touch",
            rank: 13),
        bind(chars("y"), "y", .copyId, "copy the account's id to the clipboard (OSC 52: works over SSH)"),
        bind(chars("Y"), "Y", .copyRow, "copy the account's row, tab-separated"),
    ]

    /// The screens and weeks any screen but the meeting reaches.
    private static let screens: [Binding] = [
        bind(chars("t"), "t", .health, "tier health", footer: "t health", rank: 7),
        bind(
            chars("c"), "c", .changes, "since last week: states up and down, tier changes, surges, breaches",
            footer: "c changes", rank: 8),
        bind(
            chars("["), "[", .weekBack, "the board at the end of the previous review week", footer: "[/] week", rank: 9),
        bind(chars("]"), "]", .weekForward, "the board at the end of the next review week"),
    ]

    /// Every screen's last bindings: a command, help, Ctrl-C.
    private static let everywhere: [Binding] = [
        bind(
            chars(":"), ":", .command, "a command (Tab completes, ↑ ↓ go through the history)", footer: ": command",
            rank: 6),
        bind(chars("?"), "?", .help, "this help", footer: "? help", ending: true),
        bind([.interrupt], "Ctrl-C", .quit, "leave the board"),
    ]

    /// The board's own bindings, before the shared ones.
    private static let boardKeys: [Binding] =
        movement("move", footer: "j/k move") + [
            bind([.enter], "Enter", .open, "open the account's card", footer: "Enter card", rank: 1)
        ] + marking + [
            bind(
                chars("m"), "m", .meeting, "meeting mode: step through this week's undecided accounts",
                footer: "m meeting", rank: 4),
            bind(
                chars("/"), "/", .search, "search by name, id or domain (/!text: those without it; Esc clears)",
                footer: "/ search", rank: 5),
            bind(
                chars("f"), "f", .filter, "filter: tier, owner, state, decision, surging, SLA status",
                footer: "f filter", rank: 10),
            bind(chars("s"), "s", .sort, "choose the sort column (again: reverse)", footer: "s sort", rank: 11),
            bind(chars("o"), "o", .onlyMine, "only my accounts (again: everyone's)", footer: "o mine", rank: 14),
            bind(chars("v"), "v", .views, "the saved views (:view save NAME keeps one)", footer: "v views", rank: 15),
        ] + screens

    /// The bindings of `context`, in help's order; the first binding holding a key wins.
    public static func bindings(_ context: Context) -> [Binding] {
        switch context {
        case .board:
            return boardKeys + [
                bind([.escape], "Esc", .back, "clear the search"),
                bind(chars("q"), "q", .quit, "quit", footer: "q quit", ending: true),
            ] + everywhere
        case .drill:
            return boardKeys + [
                bind(
                    [.escape] + chars("q"), "Esc q", .back, "back to tier health", footer: "Esc tier health",
                    ending: true)
            ] + everywhere
        case .card:
            return movement("the timeline (the evidence) one line", footer: "j/k timeline") + [
                bind(
                    chars("e"), "e", .evidence, "the full evidence, every number traced (again: the card)",
                    footer: "e evidence", rank: 1)
            ] + marking + screens + [
                bind([.escape] + chars("q"), "Esc q", .back, "back", footer: "Esc back", ending: true)
            ] + everywhere
        case .health:
            return [
                bind(
                    [.down, .right, .tab] + chars("jl"), "j l → Tab", .down, "the next number",
                    footer: "j/k/←/→ choose a number", rank: 0),
                bind([.up, .left] + chars("kh"), "k h ←", .up, "the previous number"),
                bind([.home] + chars("g"), "g Home", .top, "the first number"),
                bind([.end] + chars("G"), "G End", .bottom, "the last number"),
                bind(
                    [.enter], "Enter", .open, "list the accounts behind the number", footer: "Enter its accounts",
                    rank: 1),
            ] + screens.filter { $0.action != .health }
                + [bind([.escape] + chars("q"), "Esc q", .back, "back to the board", footer: "Esc back", ending: true)]
                + everywhere
        case .changes:
            return movement("the account", footer: "j/k choose an account") + [
                bind([.enter], "Enter", .open, "the account's card", footer: "Enter its card", rank: 1)
            ] + screens.filter { $0.action != .changes } + [
                bind([.escape] + chars("q"), "Esc q", .back, "back to the board", footer: "Esc back", ending: true)
            ]
                + everywhere
        case .meeting:
            return [
                bind([.enter], "Enter", .accept, "accept the recommendation", footer: "Enter accept", rank: 1),
                bind(chars("w"), "w", .decide(.work), "decide work", footer: "w/h/d/p decide", rank: 2),
                bind(chars("h"), "h", .decide(.hold), "decide hold"),
                bind(chars("d"), "d", .decide(.demote), "decide demote (Tier 1 asks for a note)"),
                bind(chars("p"), "p", .decide(.promote), "decide promote"),
                bind(
                    chars("n"), "n", .meetingNote, "a note (before deciding: goes with the decision)", footer: "n note",
                    rank: 3),
                bind(chars("s"), "s", .skip, "skip the account", footer: "s skip", rank: 4),
                bind(chars("e"), "e", .evidence, "the full evidence (again: the card)", footer: "e evidence", rank: 5),
                bind(chars("b"), "b", .previousAccount, "back one account", footer: "b back", rank: 7),
                bind(chars("u"), "u", .meetingUndo, "undo the meeting's decision", footer: "u undo", rank: 8),
            ] + movement("scroll", footer: "j/k scroll", rank: 60) + [
                bind(
                    [.escape] + chars("q"), "Esc q", .endMeeting, "end the meeting on its summary", footer: "Esc end",
                    ending: true)
            ] + everywhere
        case .meetingSummary:
            return [
                bind(
                    chars("b"), "b", .previousAccount, "back to the last account", footer: "b back to the last account")
            ]
                + movement("scroll", footer: "j/k scroll") + [
                    bind(
                        [.escape] + chars("q"), "Esc q", .endMeeting, "leave the meeting", footer: "Esc/q the board",
                        ending: true)
                ] + everywhere
        case .help:
            return movement("scroll", footer: "j/k scroll") + [
                bind([.escape] + chars("q"), "Esc q", .back, "back", footer: "Esc back", ending: true)
            ] + everywhere.filter { $0.action != .help }
        }
    }

    /// The tables, computed once.
    private static let tables: [Context: [Binding]] = Dictionary(
        uniqueKeysWithValues: Context.allCases.map { ($0, bindings($0)) })

    /// What `key` does in `context`, if anything.
    public static func action(for key: Key, in context: Context) -> KeyAction? {
        tables[context]?.first { $0.keys.contains(key) }?.action
    }

    /// The context a state's keys go to.
    public static func context(of state: BoardState) -> Context {
        switch state.screen {
        case .board: return state.filter.drill == nil ? .board : .drill
        case .detail: return .card
        case .health: return .health
        case .changes: return .changes
        case .help: return .help
        case .meeting: return state.meeting?.ended ?? true ? .meetingSummary : .meeting
        }
    }

    /// The mouse, for help.
    public static let mouse: [(shown: String, help: String)] = [
        ("click", "select a row or number (again: open it)"), ("wheel", "scroll"),
    ]

    /// The footer for what is on screen: the input or menu's own keys, or the screen's
    /// bindings that have footer words, as many as fit, then the ending ones.
    public static func footer(for state: BoardState) -> String {
        if state.form != nil { return "↑/↓ field · ←/→ choose · type topic and note · Enter log · Esc cancel" }
        if let menu = state.menu {
            if case .filterValues = menu.purpose { return "j/k move · Enter on/off · Esc done" }
            return "j/k move · Enter choose · Esc close"
        }
        let table = tables[context(of: state)] ?? []
        let keys = table.enumerated().filter { !$0.element.ending && $0.element.footer != nil }
            .sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.compactMap(\.element.footer)
        return fitted(keys, ending: table.filter(\.ending).compactMap(\.footer), width: state.width)
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
