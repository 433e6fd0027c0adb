import ABMCore

/// Why an export cannot be made as asked: a bad `--columns` list or `--week` (usage errors,
/// exit 64). Each message quotes the bad value and says what to give instead.
public enum ExportError: Error, Hashable, CustomStringConvertible {
    /// A column name the export does not have; `suggestions` are the closest names, `valid`
    /// every name in order.
    case unknownColumn(name: String, suggestions: [String], valid: [String])
    /// A column named twice.
    case repeatedColumn(String)
    /// `--columns` names no column.
    case noColumns
    /// `--week` is not an ISO week label.
    case badWeek(String)
    /// `--week` names a week that begins after the present (`--as-of`, else now).
    case weekNotStarted(week: ReviewWeek, present: Instant)

    /// What is wrong and how to fix it, on one line.
    public var description: String {
        switch self {
        case .unknownColumn(let name, let suggestions, let valid):
            let hint =
                suggestions.isEmpty
                ? "" : " (did you mean " + suggestions.map { "\"\($0)\"" }.joined(separator: ", ") + "?)"
            return "--columns: no column \"\(name)\"\(hint); the columns are "
                + valid.joined(separator: ", ") + " (or all)"
        case .repeatedColumn(let name):
            return "--columns: \"\(name)\" is given twice; give each column once"
        case .noColumns:
            return "--columns names no column: give a comma-separated list such as account_id,name,tier (or all)"
        case .badWeek(let text):
            return "--week \"\(text)\" is not a review week: give an ISO week such as 2026-W47"
        case .weekNotStarted(let week, let present):
            let current = ReviewWeek(containing: present).label
            return "--week \(week.label) has not begun as of \(present.iso8601): give \(current) or an earlier week"
        }
    }
}
