import ABMCore

/// What happened, as the board learns it.
public enum BoardEvent: Sendable {
    /// A key was pressed.
    case keyPressed(Key)
    /// The mouse was clicked or its wheel turned.
    case mouse(Mouse)
    /// The terminal changed size.
    case resized(width: Int, height: Int)
    /// The store changed (another process) and was read again whole, as of the instant shown;
    /// `changed` are the accounts whose rows differ.
    case storeReloaded(BoardData, changed: Set<Int>)
    /// Another process recorded marks or logged touches, read from the store without
    /// reading everything again.
    case changesArrived(StoreDelta)
    /// A record this board asked for was stored.
    case recorded(HistoryRecord, summary: String)
    /// A touch this board asked for was logged.
    case touchLogged(Touch, summary: String)
    /// Something asked for was refused or failed (a record, the chosen theme); the message
    /// says why.
    case refused(String)
    /// The live board's clock reached a new minute: everything is evaluated as of `Instant`.
    case clockMoved(Instant)
    /// Time passed (clears highlights).
    case ticked
    /// The board was started on the saved view of that name (`--view`).
    case startedOnView(String)
    /// A view this board asked to save was written to the config file at `path`.
    case viewSaved(name: String, view: SavedView, path: String)
    /// The board this board asked to export was written: `accounts` rows to `path`.
    case exported(path: String, accounts: Int)
    /// The board draws with the theme `name` now.
    case themeChanged(String)
}

/// Marks and touches other processes stored since the board last looked.
public struct StoreDelta: Sendable {
    /// New history records, in the order they were stored.
    public var records: [HistoryRecord]
    /// Touches logged or changed, with the account each was on before when it moved.
    public var touches: [(touch: Touch, previousAccount: String?)]

    /// A delta.
    public init(records: [HistoryRecord], touches: [(touch: Touch, previousAccount: String?)]) {
        self.records = records
        self.touches = touches
    }
}

/// What the board asks its host to do.
public enum BoardEffect: Sendable, Hashable {
    /// Record a mark, undo or note on an account, as the board's user.
    case record(HistoryEvent, accountId: String)
    /// Log a touch, as the board's user.
    case logTouch(TouchRequest)
    /// Put text on the clipboard through the terminal (OSC 52, which works over SSH).
    case copy(String)
    /// Keep `view` in the config file as `[views.NAME]`.
    case saveView(name: String, view: SavedView)
    /// Write the board as shown (its accounts in its order) to the file at `path`, as
    /// `abmboard export board` would: JSON for a `.json` name, CSV otherwise.
    case exportBoard(path: String)
    /// Draw with the theme `name` names (as `--theme` takes it) from now on.
    case useTheme(String)
    /// Leave the board.
    case quit
}

extension BoardState {
    /// The board's one update function: the new state and what to do, for an event.
    public static func update(_ state: BoardState, _ event: BoardEvent) -> (BoardState, [BoardEffect]) {
        var next = state
        let effects = next.handle(event)
        return (next, effects)
    }

    /// Applies `event` and returns the effects to run.
    public mutating func handle(_ event: BoardEvent) -> [BoardEffect] {
        let effects = apply(event)
        fillSparklines()
        return effects
    }

    private mutating func apply(_ event: BoardEvent) -> [BoardEffect] {
        switch event {
        case .keyPressed(let key):
            if form != nil { return fill(key) }
            if menu != nil {
                choose(key)
                return []
            }
            return prompt == nil ? press(key) : type(key)
        case .mouse(let mouse):
            return click(mouse)
        case .resized(let newWidth, let newHeight):
            width = max(newWidth, 0)
            height = max(newHeight, 0)
            keepSelectionVisible()
        case .storeReloaded(let newData, let changed):
            data = newData
            highlighted = changed
            sparklines = [:]
            reorder()
            refreshHealth()
            meetingFollowOthers()
        case .changesArrived(let delta):
            var touched: Set<Int> = []
            for record in delta.records {
                do {
                    touched.formUnion(
                        try changeRows(of: [record.accountId]) { data throws(ProgrammeError) in
                            try data.apply(record)
                        })
                } catch {
                    message = ("\(error)", true)
                }
            }
            for (touch, previous) in delta.touches {
                do {
                    let indexes = try changeRows(of: [touch.accountId] + [previous].compactMap(\.self)) {
                        data throws(ProgrammeError) in try data.apply(touch, previousAccount: previous)
                    }
                    for index in indexes { sparklines[index] = nil }
                    touched.formUnion(indexes)
                } catch {
                    message = ("\(error)", true)
                }
            }
            highlighted = touched
            settleSelection()
            refreshHealth(weekStartChanged: !delta.touches.isEmpty)
            meetingFollowOthers()
        case .recorded(let record, let summary):
            do {
                try changeRows(of: [record.accountId]) { data throws(ProgrammeError) in try data.apply(record) }
                message = (summary, false)
                meetingRecorded(record)
            } catch {
                message = ("\(error)", true)
            }
            refreshHealth(weekStartChanged: false)
        case .touchLogged(let touch, let summary):
            do {
                let indexes = try changeRows(of: [touch.accountId]) { data throws(ProgrammeError) in
                    try data.apply(touch)
                }
                for index in indexes { sparklines[index] = nil }
                message = (summary, false)
            } catch {
                message = ("\(error)", true)
            }
            refreshHealth()
        case .refused(let text):
            message = (text, true)
        case .clockMoved(let instant):
            present = instant
            if viewedWeek == nil { show(asOf: instant) }
        case .ticked:
            highlighted = []
        case .startedOnView(let name):
            openView(name)
        case .themeChanged(let name):
            message = ("theme \(name)", false)
        case .exported(let path, let accounts):
            message = ("exported \(accounts) account\(accounts == 1 ? "" : "s") (the board as shown) to \(path)", false)
        case .viewSaved(let name, let view, let path):
            views[name] = view
            message = ("saved view \(name) in \(path) (:view \(name), v, --view \(name))", false)
        }
        return []
    }

    mutating func press(_ key: Key) -> [BoardEffect] {
        message = nil
        if screen == .health, pressOnHealth(key) { return [] }
        if screen == .meeting, let effects = pressInMeeting(key) { return effects }
        if screen == .changes, pressOnChanges(key) { return [] }
        switch key {
        case .down, .character("j"): move(by: 1)
        case .up, .character("k"): move(by: -1)
        case .pageDown: move(by: visibleRows)
        case .pageUp: move(by: -visibleRows)
        case .home, .character("g"): move(by: Int.min / 2)
        case .end, .character("G"): move(by: Int.max / 2)
        case .enter:
            if screen == .board && selected != nil { open(.detail) }
        case .escape: back()
        case .character("q"), .interrupt:
            if (screen == .board && filter.drill == nil) || key == .interrupt { return [.quit] }
            back()
        case .character("t"): open(.health)
        case .character("c"): open(.changes)
        case .character("["): moveWeek(by: -1)
        case .character("]"): moveWeek(by: 1)
        case .character("m"):
            if screen == .board { openMeetingMenu() }
        case .character("?"): open(.help)
        case .character("o"):
            guard screen == .board else { break }
            onlyMine.toggle()
            reorder()
            message = (onlyMine ? "only \(user)'s accounts" : "everyone's accounts", false)
        case .character("/"):
            if screen == .board { prompt = Prompt(purpose: .search, text: search) }
        case .character("v"):
            if screen == .board { openViewsMenu() }
        case .character(":"):
            prompt = Prompt(purpose: .command, text: "")
            commandHistoryPosition = nil
        case .character("s"):
            if screen == .board { openSortMenu() }
        case .character("f"):
            if screen == .board { openFilterMenu() }
        case .character("l"):
            if !refusedInPast() { openTouchForm() }
        case .character("w"): return mark(.work)
        case .character("h"): return mark(.hold)
        case .character("d"): return mark(.demote)
        case .character("p"): return mark(.promote)
        case .character("u"):
            if let id = markableAccountId, !refusedInPast() { return [.record(.undo, accountId: id)] }
        case .character("n"):
            if let id = markableAccountId, !refusedInPast() {
                prompt = Prompt(purpose: .note(accountId: id), text: "")
            }
        case .character("y"), .character("Y"):
            guard let id = markableAccountId, let selected else { break }
            let text = key == .character("y") ? id : BoardView.copyText(of: selected, in: self)
            message = ("copied \(key == .character("y") ? id : "\(id)'s row") to the clipboard (OSC 52)", false)
            return [.copy(text)]
        default: break
        }
        return []
    }

    /// The account a mark applies to: the selected one, on the board or its detail.
    var markableAccountId: String? {
        guard screen == .board || screen == .detail, let selected else { return nil }
        return data.programme.accounts[selected].id
    }

    /// A mark on the selected account, with `note` when given; demoting a Tier 1 account
    /// without one asks for it.
    mutating func mark(_ action: MarkAction, note: String? = nil) -> [BoardEffect] {
        guard let id = markableAccountId, let row = selectedRow, !refusedInPast() else { return [] }
        if action == .demote && row.tier == .one && note == nil {
            prompt = Prompt(purpose: .demoteNote(accountId: id), text: "")
            return []
        }
        return [.record(.mark(action, note: note), accountId: id)]
    }

    /// Moves the selection (board) or scrolls (detail, help) by `delta` rows.
    mutating func move(by delta: Int) {
        if screen != .board {
            scroll = max(0, scroll.addingReportingOverflow(delta).partialValue)
            return
        }
        guard !order.isEmpty else { return }
        let position = selected.flatMap { order.firstIndex(of: $0) } ?? 0
        let target = min(max(position.addingReportingOverflow(delta).partialValue, 0), order.count - 1)
        selected = order[target]
        keepSelectionVisible()
    }

    /// Shows `target` from its top.
    mutating func open(_ target: BoardScreen) {
        if target == .changes && screen != .changes && screen != .detail { changesCursor = 0 }
        screen = target
        scroll = 0
        detailReturn = .board
        if target == .board { settleSelection() }
        // A screen change changes no data: the week-start states, when kept, still hold.
        refreshHealth(weekStartChanged: false)
    }

    /// Esc: from a drill-down back to tier health, from a search back to the whole board,
    /// from any other screen back to the board.
    private mutating func back() {
        if screen == .board, filter.drill != nil {
            leaveDrill()
            return
        }
        if screen == .board, !search.isEmpty {
            search = ""
            reorder()
            return
        }
        if screen == .detail && detailReturn == .changes {
            // `changes` was kept up to date while the evidence was shown.
            screen = .changes
            scroll = 0
            detailReturn = .board
        } else {
            open(meeting != nil && screen == .help ? .meeting : .board)
        }
    }
}

extension String {
    /// The string without leading and trailing `character`.
    func trimmingCharacters(in character: Character) -> String {
        var copy = Substring(self)
        while copy.first == character { copy.removeFirst() }
        while copy.last == character { copy.removeLast() }
        return String(copy)
    }
}
