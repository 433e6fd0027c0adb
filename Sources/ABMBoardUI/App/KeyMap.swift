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
    public static let bindings: [Binding] = [
        Binding(keys: "j ↓", action: "move down", group: "Move"),
        Binding(keys: "k ↑", action: "move up", group: "Move"),
        Binding(keys: "g Home", action: "top", group: "Move"),
        Binding(keys: "G End", action: "bottom", group: "Move"),
        Binding(keys: "PgUp PgDn", action: "page up / down", group: "Move"),
        Binding(keys: "Enter", action: "open the account's detail", group: "Views"),
        Binding(keys: "t", action: "tier health", group: "Views"),
        Binding(keys: "?", action: "this help", group: "Views"),
        Binding(keys: "Esc q", action: "back (q on the board quits)", group: "Views"),
        Binding(keys: "w", action: "mark work", group: "Decide"),
        Binding(keys: "h", action: "mark hold", group: "Decide"),
        Binding(keys: "d", action: "mark demote (Tier 1 asks for a note)", group: "Decide"),
        Binding(keys: "p", action: "mark promote", group: "Decide"),
        Binding(keys: "u", action: "undo the latest mark", group: "Decide"),
        Binding(keys: "n", action: "add a note to the latest mark", group: "Decide"),
        Binding(keys: "/", action: "search by name, id or domain", group: "Find"),
        Binding(keys: "o", action: "only my accounts (again: everyone's)", group: "Find"),
    ]

    /// The footer's short list for a screen.
    public static func footer(for screen: BoardScreen) -> String {
        switch screen {
        case .board:
            return
                "j/k move · Enter detail · w/h/d/p mark · u undo · n note · / search · o mine · t health · ? help · q quit"
        case .detail: return "j/k scroll · w/h/d/p mark · u undo · n note · Esc back · ? help"
        case .health, .help: return "j/k scroll · Esc back · q back"
        }
    }
}
