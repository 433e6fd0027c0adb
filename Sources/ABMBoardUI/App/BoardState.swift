import ABMCore

/// The screens of the board.
public enum BoardScreen: Sendable, Hashable {
    /// The table of accounts.
    case board
    /// One account's evidence.
    case detail
    /// Tier health.
    case health
    /// Every key.
    case help
}

/// A line of input the board is asking for.
public struct Prompt: Sendable, Hashable {
    /// What the input is for.
    public enum Purpose: Sendable, Hashable {
        /// The note a Tier 1 demotion needs.
        case demoteNote(accountId: String)
        /// A note on the latest mark.
        case note(accountId: String)
        /// A search.
        case search
    }

    /// What the input is for.
    public var purpose: Purpose
    /// The text typed so far.
    public var text: String

    /// The question shown before the text.
    public var label: String {
        switch purpose {
        case .demoteNote(let id): return "Demoting \(id) from Tier 1 needs a note: "
        case .note(let id): return "Note on \(id)'s latest mark: "
        case .search: return "/"
        }
    }
}

/// Everything the board's screens show; changed only by `update`.
public struct BoardState: Sendable {
    /// The loaded data.
    public internal(set) var data: BoardData
    /// Who is using the board (marks are recorded as them; "only mine" means their accounts).
    public let user: String
    /// The screen shown.
    public internal(set) var screen: BoardScreen = .board
    /// Terminal size.
    public internal(set) var width: Int
    /// Terminal rows.
    public internal(set) var height: Int
    /// The account indexes on the board, in board order after search and "only mine".
    public internal(set) var order: [Int] = []
    /// The selected account's index (kept when rows re-sort or data reloads).
    public internal(set) var selected: Int?
    /// The first board row shown.
    public internal(set) var top = 0
    /// The first line shown on the detail, health and help screens.
    public internal(set) var scroll = 0
    /// The search text (empty: none).
    public internal(set) var search = ""
    /// Only the user's own accounts.
    public internal(set) var onlyMine = false
    /// Input being typed, if any.
    public internal(set) var prompt: Prompt?
    /// The status bar's message and whether it is an error or refusal.
    public internal(set) var message: (text: String, isError: Bool)?
    /// Tier health as of the data, kept while the health screen is open (computing it means
    /// evaluating every account, too much to do for each frame).
    public internal(set) var health: HealthReport?
    /// Accounts changed by others at the last reload, highlighted for a moment.
    public internal(set) var highlighted: Set<Int> = []
    /// Whether the board is live (polling the store).
    public let live: Bool
    /// The board's columns in order (the config file's `columns`).
    public var columns: [ColumnID] = ColumnID.defaultOrder

    /// The board over `data`, for `user`, in a terminal of `width` × `height`.
    public init(data: BoardData, user: String, width: Int, height: Int, live: Bool) {
        self.data = data
        self.user = user
        self.width = width
        self.height = height
        self.live = live
        reorder()
        selected = order.first
    }

    /// Rows of the table that fit (the header, status bar and footer take three).
    public var visibleRows: Int { max(height - 3, 1) }

    /// The selected account's row.
    public var selectedRow: AccountEvaluation? { selected.map { data.rows[$0] } }

    /// Recomputes `order` from the rows, the search and "only mine", keeping the selection
    /// on the same account when it is still shown.
    mutating func reorder() {
        let needle = search.lowercased()
        let kept = data.rows.filter { row in
            guard row.tier != nil else { return false }
            let account = data.programme.accounts[row.account]
            if onlyMine && account.owner != user { return false }
            if needle.isEmpty { return true }
            return account.name.lowercased().contains(needle) || account.id.lowercased().contains(needle)
                || (account.domain?.lowercased().contains(needle) ?? false)
        }
        order = BoardOrder.sorted(kept, in: data.programme).map(\.account)
        if let selected, !order.contains(selected) { self.selected = order.first }
        if selected == nil { selected = order.first }
        keepSelectionVisible()
    }

    /// Computes tier health when the health screen shows, and drops it otherwise.
    mutating func refreshHealth() {
        health = screen == .health ? data.evaluator.health(data.programme, asOf: data.asOf) : nil
    }

    /// Scrolls so that the selected row is on screen.
    mutating func keepSelectionVisible() {
        guard let selected, let position = order.firstIndex(of: selected) else {
            top = 0
            return
        }
        if position < top { top = position }
        if position >= top + visibleRows { top = position - visibleRows + 1 }
        top = max(0, min(top, max(order.count - visibleRows, 0)))
    }
}
