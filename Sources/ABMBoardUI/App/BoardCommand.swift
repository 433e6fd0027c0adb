import ABMCore

/// The board's `:` commands (as in k9s): each names what a key does, or does it with an
/// argument the key would ask for. `BoardState.runCommand` carries them out.
public struct BoardCommand: Sendable, Hashable {
    /// The command's name, as typed after `:`.
    public var name: String
    /// Its arguments, as help shows them (`ACTION [NOTE]`).
    public var usage: String
    /// What it does, for help.
    public var summary: String

    /// Every command, in the order help lists them.
    public static let all: [BoardCommand] = [
        BoardCommand(name: "mark", usage: "work|hold|demote|promote [NOTE]", summary: "mark the selected account"),
        BoardCommand(name: "undo", usage: "", summary: "undo the selected account's latest mark"),
        BoardCommand(name: "note", usage: "TEXT", summary: "add a note to the latest mark"),
        BoardCommand(
            name: "week", usage: "[2026-W46 | prev | next]",
            summary: "the board at that week's end, as [ and ] (none: this week)"),
        BoardCommand(name: "open", usage: "", summary: "the selected account's card, as Enter"),
        BoardCommand(name: "evidence", usage: "", summary: "on a card: its full evidence (again: the card), as e"),
        BoardCommand(name: "touch", usage: "", summary: "log a touch on the selected account, as l"),
        BoardCommand(name: "meeting", usage: "", summary: "the weekly meeting, as m"),
        BoardCommand(name: "accept", usage: "", summary: "in the meeting: accept the recommendation, as Enter"),
        BoardCommand(name: "skip", usage: "", summary: "in the meeting: skip the account, as s"),
        BoardCommand(name: "back", usage: "", summary: "in the meeting: back one account, as b"),
        BoardCommand(
            name: "end", usage: "", summary: "in the meeting: end it on its summary (again: leave it), as Esc"),
        BoardCommand(name: "search", usage: "[TEXT | !TEXT]", summary: "search as / does (none: clear it)"),
        BoardCommand(
            name: "filter", usage: "[tier=1,2 owner=dana state=engaged decision=work sla=late surging]",
            summary: "show only those accounts (none: everyone)"),
        BoardCommand(name: "sort", usage: "COLUMN [reverse]", summary: "sort by a column (board, account, score, …)"),
        BoardCommand(name: "mine", usage: "", summary: "only my accounts (again: everyone's)"),
        BoardCommand(name: "health", usage: "", summary: "tier health"),
        BoardCommand(name: "changes", usage: "", summary: "what changed since last week"),
        BoardCommand(name: "copy", usage: "[row]", summary: "copy the account's id (row: its row) to the clipboard"),
        BoardCommand(
            name: "theme", usage: "NAME", summary: "draw with another theme: default, light, high-contrast, mono, yours"
        ),
        BoardCommand(
            name: "export", usage: "board FILE",
            summary: "write the board as shown to FILE (.json: JSON, else CSV), as abmboard export board does"),
        BoardCommand(
            name: "view", usage: "[NAME | save NAME]",
            summary: "open a saved view, or save the search, filter, sort and columns (none: list them)"),
        BoardCommand(name: "help", usage: "", summary: "every key and command"),
        BoardCommand(name: "q", usage: "", summary: "quit (also :quit)"),
    ]

    /// Other names a command answers to.
    static let aliases: [String: String] = ["quit": "q", "m": "mark", "h": "help"]

    /// The words of `text` after the `:` (split at spaces), lowercased command name first.
    static func words(_ text: String) -> [String] {
        text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    }

    /// The command named `name` (or an alias of it).
    static func named(_ name: String) -> BoardCommand? {
        let lowered = name.lowercased()
        let resolved = aliases[lowered] ?? lowered
        return all.first { $0.name == resolved }
    }

    /// The closest command name to `name`, when one is near (`Suggestions`).
    static func closest(to name: String) -> String? {
        let names = all.map(\.name) + aliases.keys.sorted()
        return Suggestions.closest(to: name, among: names, limit: 1).first.map { aliases[$0] ?? $0 }
    }

    /// The values a command's argument can take, for completion.
    static func argumentChoices(of command: String) -> [String] {
        switch command {
        case "mark": return MarkAction.allCases.map(\.rawValue)
        case "sort": return BoardSort.Column.allCases.map(\.commandName)
        case "copy": return ["row"]
        case "export": return ["board"]
        case "week": return ["prev", "next"]
        case "theme": return BuiltInTheme.allCases.map(\.name)
        case "filter": return ["tier=", "owner=", "state=", "decision=", "sla=", "surging"]
        default: return []
        }
    }

    /// How `text` completes: the longest text all candidates share, and the candidates when
    /// several are left.
    static func complete(_ text: String) -> (text: String, candidates: [String]) {
        var words = Self.words(text)
        let finished = text.hasSuffix(" ") || text.isEmpty
        if finished { words.append("") }
        guard let last = words.last else { return (text, []) }
        let pool: [String]
        if words.count == 1 {
            pool = all.map(\.name)
        } else {
            let name = aliases[words[0].lowercased()] ?? words[0].lowercased()
            pool = argumentChoices(of: name)
        }
        let candidates = pool.filter { $0.hasPrefix(last.lowercased()) }
        guard let first = candidates.first else { return (text, []) }
        var shared = first
        for candidate in candidates.dropFirst() {
            shared = String(zip(shared, candidate).prefix { $0 == $1 }.map(\.0))
        }
        let done = candidates.count == 1 && !shared.hasSuffix("=")
        let completed = (words.dropLast() + [shared]).joined(separator: " ") + (done ? " " : "")
        return (completed, candidates.count == 1 ? [] : candidates)
    }
}
