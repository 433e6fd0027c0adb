/// A small menu over the screen (`s` sort, `f` filter): items, one under the cursor; Enter
/// chooses, Esc closes.
public struct Menu: Sendable, Hashable {
    /// What the menu chooses.
    public enum Purpose: Sendable, Hashable {
        /// The sort column.
        case sort
        /// The filter's dimensions.
        case filter
        /// The values of one filter dimension, turned on and off.
        case filterValues(BoardFilter.Dimension)
        /// Whom the meeting covers (`BoardState.meetingScopes`).
        case meetingScope
        /// The saved views, by name (`v`).
        case views
    }

    /// What the menu chooses.
    public var purpose: Purpose
    /// The title line.
    public var title: String
    /// The items as shown.
    public var items: [String]
    /// The item under the cursor.
    public var cursor: Int

    /// A menu with the cursor on `cursor` (kept within the items).
    public init(purpose: Purpose, title: String, items: [String], cursor: Int = 0) {
        self.purpose = purpose
        self.title = title
        self.items = items
        self.cursor = min(max(cursor, 0), max(items.count - 1, 0))
    }
}
