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
    /// The weekly meeting (`m`) and, when it ends, its summary.
    case meeting
    /// What changed since last week (`c`).
    case changes
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
        /// A note in the meeting: on the account's decision, or kept for the decision to come.
        case meetingNote(accountId: String)
        /// A `:` command (`BoardCommand`).
        case command
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
        case .meetingNote(let id): return "Note on \(id)'s decision: "
        case .command: return ":"
        }
    }
}

/// Everything the board's screens show; changed only by `update`.
public struct BoardState: Sendable {
    /// The loaded data.
    public internal(set) var data: BoardData {
        didSet {
            ranked = nil
            cardIsStale = true
        }
    }
    /// Every account on the board (not removed) in the sort's order, before the search, the
    /// filter and "only mine": a keystroke in the search only filters it. Forgotten whenever the
    /// data or the sort change.
    private var ranked: [Int]?
    /// Who is using the board (marks are recorded as them; "only mine" means their accounts).
    public let user: String
    /// The screen shown.
    public internal(set) var screen: BoardScreen = .board
    /// Terminal size.
    public internal(set) var width: Int
    /// Terminal rows.
    public internal(set) var height: Int
    /// The account indexes on the board, in board order after search, filter and "only mine".
    public internal(set) var order: [Int] = []
    /// How many accounts on the board have a decision this week (kept up to date by the
    /// reducer, so the status bar does not count 50,000 rows for every frame).
    public internal(set) var decidedOnBoard = 0
    /// The selected account's index (kept when rows re-sort or data reloads).
    public internal(set) var selected: Int?
    /// The first board row shown.
    public internal(set) var top = 0
    /// The first line shown on the detail and help screens.
    public internal(set) var scroll = 0
    /// The search text (empty: none).
    public internal(set) var search = ""
    /// The `:` commands run, oldest first (↑ and ↓ in the prompt go through them).
    public internal(set) var commandHistory: [String] = []
    /// Which of `commandHistory` the prompt shows (`nil`: what is being typed).
    var commandHistoryPosition: Int?
    /// Only the user's own accounts.
    public internal(set) var onlyMine = false
    /// The filter (`f`) and any drill-down from tier health.
    public internal(set) var filter = BoardFilter()
    /// The filter to return to when a drill-down is left.
    var filterBeforeDrill: BoardFilter?
    /// The sort (`s`).
    public internal(set) var sort = BoardSort() {
        didSet { ranked = nil }
    }
    /// Input being typed, if any.
    public internal(set) var prompt: Prompt?
    /// A menu open over the screen (sort, filter), if any.
    public internal(set) var menu: Menu?
    /// The log-a-touch form, if open.
    public internal(set) var form: TouchForm?
    /// The status bar's message and whether it is an error or refusal.
    public internal(set) var message: (text: String, isError: Bool)?
    /// Tier health as of the data and every account's state at the start of the week, kept
    /// while the health screen (or a drill-down from it) is open: computing them means
    /// evaluating every account, too much to do for each frame.
    public internal(set) var health: HealthReport?
    /// Every account's demand state at the start of the review week, while `health` is kept.
    var weekStartStates: [DemandState]?
    /// The number selected on the health screen (an index into `HealthView.targets`).
    public internal(set) var healthCursor = 0
    /// Accounts changed by others at the last reload, highlighted for a moment.
    public internal(set) var highlighted: Set<Int> = []
    /// Score sparklines already computed, by account (the rows on screen at least).
    public internal(set) var sparklines: [Int: [Int]] = [:]
    /// The as-of the board comes back to from a past week: the live board's "now" (moved on
    /// by `clockMoved`) or the fixed `--as-of`.
    public internal(set) var present: Instant
    /// The past review week shown (`[`), as of its Sunday 23:59:59; `nil` at the present.
    public internal(set) var viewedWeek: ReviewWeek?
    /// The meeting under way, if any.
    public internal(set) var meeting: Meeting?
    /// The scopes of the open meeting menu, by item.
    var meetingScopeChoices: [MeetingScope] = []
    /// What changed since the start of the review week, kept while that screen is open.
    public internal(set) var changes: WeekChanges?
    /// The account line selected on the "since last week" screen (an index into its accounts).
    public internal(set) var changesCursor = 0
    /// The card of the account shown (the detail, the meeting's account), built when it opens
    /// and again when the data changes (`refreshCard`).
    public internal(set) var card: AccountCard?
    /// Whether the data changed since the card was built.
    private var cardIsStale = false
    /// Whether the card's full evidence (`e`) is shown instead of the card.
    public internal(set) var evidenceShown = false
    /// The full evidence's lines while they are shown (made once, not for each frame).
    public internal(set) var evidencePage: [String]?
    /// The screen Esc on the detail goes back to (the board, or "since last week").
    var detailReturn: BoardScreen = .board
    /// Whether the board is live (polling the store).
    public let live: Bool
    /// The board's columns in order (the config file's `columns`).
    public internal(set) var columns: [ColumnID]
    /// The saved views (`config.toml`'s `[views.NAME]`), by name.
    public internal(set) var views: [String: SavedView]

    /// The board over `data`, for `user`, in a terminal of `width` × `height`, showing
    /// `columns` in that order.
    public init(
        data: BoardData, user: String, width: Int, height: Int, live: Bool,
        columns: [ColumnID] = ColumnID.defaultOrder, views: [String: SavedView] = [:]
    ) {
        self.data = data
        self.columns = columns
        self.views = views
        self.user = user
        self.width = width
        self.height = height
        self.live = live
        present = data.asOf
        reorder()
        selected = order.first
        fillSparklines()
    }

    /// Rows of the table that fit (the header, status bar and footer take three).
    public var visibleRows: Int { max(height - 3, 1) }

    /// The selected account's row.
    public var selectedRow: AccountEvaluation? { selected.map { data.rows[$0] } }

    /// The search as `SearchIndex` takes it, and whether it is inverted (`/!text`: the accounts
    /// that do not hold the text).
    var searchNeedle: (bytes: [UInt8], inverted: Bool) {
        search.hasPrefix("!")
            ? (SearchIndex.needle(String(search.dropFirst())), true) : (SearchIndex.needle(search), false)
    }

    /// Whether account `account` belongs on the board now, but for the search. (Its row and
    /// account are read in place: copying 50,000 of them would cost more than the rest.)
    func showsUnsearched(_ account: Int) -> Bool {
        guard data.rows[account].tier != nil else { return false }
        // A drill-down lists exactly the accounts behind its number, mine or not.
        if onlyMine && filter.drill == nil && data.programme.accounts[account].owner != user { return false }
        if !filter.isEmpty && !filter.matches(data.rows[account], owner: data.programme.accounts[account].owner) {
            return false
        }
        return true
    }

    /// Whether account `account` belongs on the board now.
    func shows(_ account: Int) -> Bool {
        guard showsUnsearched(account) else { return false }
        let needle = searchNeedle
        guard !needle.bytes.isEmpty else { return true }
        return data.searchIndex.matches(needle.bytes, account: account) != needle.inverted
    }

    /// Recomputes `order` from the rows, the search, the filter, "only mine" and the sort,
    /// keeping the selection on the same account when it is still shown. At 50,000 accounts
    /// this is one scan of the search index and one sort of small keys (`BoardSort.sorted`).
    mutating func reorder() {
        let needle = searchNeedle
        let found = needle.bytes.isEmpty ? nil : data.searchIndex.matches(needle.bytes)
        let all = ranked ?? sort.sorted(data.rows.indices.filter { data.rows[$0].tier != nil }, in: data)
        ranked = all
        order = all.filter { account in
            guard showsUnsearched(account) else { return false }
            guard let found else { return true }
            return found[account] != needle.inverted
        }
        decidedOnBoard = order.reduce(0) { $0 + (data.rows[$1].decision == nil ? 0 : 1) }
        settleSelection()
    }

    /// Moves one account to its place after its row changed (a mark, a touch), without
    /// sorting the whole board: a search for the place, then one insertion. `wasDecided` is
    /// whether its row had a decision before the change.
    mutating func reposition(_ account: Int, wasDecided: Bool) {
        if let position = order.firstIndex(of: account) {
            order.remove(at: position)
            if wasDecided { decidedOnBoard -= 1 }
        }
        if account < data.rows.count, shows(account) {
            var low = 0
            var high = order.count
            while low < high {
                let middle = (low + high) / 2
                if sort.precedes(order[middle], account, in: data) { low = middle + 1 } else { high = middle }
            }
            order.insert(account, at: low)
            if data.rows[account].decision != nil { decidedOnBoard += 1 }
        }
        settleSelection()
    }

    /// Changes the rows of the accounts `ids` with `change` and moves each to its place;
    /// returns their indexes.
    @discardableResult
    mutating func changeRows(of ids: [String], _ change: (inout BoardData) throws(ProgrammeError) -> Void)
        throws(ProgrammeError) -> [Int]
    {
        var wasDecided: [Int: Bool] = [:]
        for id in ids {
            guard let index = data.programme.index(ofAccount: id), wasDecided[index] == nil else { continue }
            wasDecided[index] = data.rows[index].decision != nil
        }
        try change(&data)
        for (index, decided) in wasDecided { reposition(index, wasDecided: decided) }
        return Array(wasDecided.keys)
    }

    /// Keeps the selection on a shown account (the first when its own left the board) and
    /// on screen.
    mutating func settleSelection() {
        if let selected, !order.contains(selected) { self.selected = order.first }
        if selected == nil { selected = order.first }
        keepSelectionVisible()
    }

    /// Computes tier health when the health screen or a drill-down needs it, and drops it
    /// otherwise (and the changes since last week likewise, `refreshChanges`). The states at
    /// the start of the week are kept unless `weekStartChanged` (a reload, a new as-of); a mark
    /// does not change them.
    mutating func refreshHealth(weekStartChanged: Bool = true) {
        refreshChanges()
        guard screen == .health || filter.drill != nil else {
            health = nil
            weekStartStates = nil
            return
        }
        let weekStart: [DemandState]
        if !weekStartChanged, let known = weekStartStates {
            weekStart = known
        } else {
            weekStart = data.evaluator.weekStartStates(data.programme, asOf: data.asOf)
        }
        weekStartStates = weekStart
        health = data.evaluator.health(evaluations: data.rows, weekStartStates: weekStart, asOf: data.asOf)
        if weekStartChanged, var drill = filter.drill {
            drill.weekStartStates = weekStart
            filter.drill = drill
        }
        healthCursor = min(healthCursor, max(HealthView.targets(health).count - 1, 0))
    }

    /// The account whose card is on screen: the selected one on the detail, the current one
    /// in the meeting.
    var cardAccount: Int? {
        switch screen {
        case .detail: selected
        case .meeting: meeting?.current
        default: nil
        }
    }

    /// Builds the card of the account on screen when it is not built yet, and drops it when
    /// no card is on screen.
    mutating func refreshCard() {
        guard let account = cardAccount, account < data.rows.count else {
            card = nil
            evidenceShown = false
            evidencePage = nil
            return
        }
        if let card, card.account == account, !cardIsStale { return }
        if card?.account != account { evidenceShown = false }
        let built = AccountCard(account: account, data: data)
        card = built
        evidencePage = evidenceShown ? built.evidenceLines(data: data) : nil
        cardIsStale = false
    }

    /// Computes the sparklines of the rows on screen that are not known yet.
    mutating func fillSparklines() {
        guard screen == .board, top < order.count else { return }
        for account in order[top..<min(top + visibleRows, order.count)] where sparklines[account] == nil {
            sparklines[account] = data.evaluator.scoreHistory(account: account, in: data.programme, asOf: data.asOf)
        }
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
