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
    /// A mark, undo or note this board asked for was stored.
    case recorded(RecordedMark)
    /// A touch this board asked for was logged.
    case touchLogged(Touch)
    /// A record or touch this board asked for was refused or could not be stored: why.
    case writeFailed(String)
    /// The settings (config, theme file) have a problem; the board runs on defaults for it.
    case settingsProblem(String)
    /// The theme asked for was not found or is broken: the problem; the theme stays.
    case themeProblem(String)
    /// `NO_COLOR` is set, so a theme asked for was not used.
    case noColourSet
    /// The view asked to be saved could not be written: why.
    case viewNotSaved(String)
    /// The board asked to export could not be written: why.
    case exportFailed(String)
    /// The store's connection dropped; the board is reconnecting.
    case connectionLost
    /// The store's connection is back, and the board has caught up.
    case reconnected
    /// The live board's clock reached a new minute: everything is evaluated as of `Instant`.
    case clockMoved(Instant)
    /// The moment rows changed by others are highlighted for has passed.
    case highlightExpired
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
    /// The board's one update function: applies `event` to the state in place (a board of
    /// 50,000 rows is not copied for each key) and returns what its host should do.
    @discardableResult
    public mutating func update(_ event: BoardEvent) -> [BoardEffect] {
        let effects = apply(event)
        fillSparklines()
        refreshCard()
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
        case .recorded(let recorded):
            do {
                try changeRows(of: [recorded.record.accountId]) { data throws(ProgrammeError) in
                    try data.apply(recorded.record)
                }
                message = (RecordText.line(recorded), false)
                meetingRecorded(recorded.record)
            } catch {
                message = ("\(error)", true)
            }
            refreshHealth(weekStartChanged: false)
        case .touchLogged(let touch):
            do {
                let indexes = try changeRows(of: [touch.accountId]) { data throws(ProgrammeError) in
                    try data.apply(touch)
                }
                for index in indexes { sparklines[index] = nil }
                message = ("logged \(touch.id): \(touch.channel.rawValue) on \(touch.accountId)", false)
            } catch {
                message = ("\(error)", true)
            }
            refreshHealth()
        case .writeFailed(let reason), .settingsProblem(let reason), .themeProblem(let reason):
            message = (reason, true)
        case .noColourSet:
            message = ("NO_COLOR is set: the board stays without colour", true)
        case .viewNotSaved(let reason):
            message = ("view not saved: \(reason)", true)
        case .exportFailed(let reason):
            message = ("not exported: \(reason)", true)
        case .connectionLost:
            message = ("reconnecting… to \(data.storeName)", true)
        case .reconnected:
            message = ("reconnected to \(data.storeName): caught up", false)
        case .clockMoved(let instant):
            present = instant
            if viewedWeek == nil { show(asOf: instant) }
        case .highlightExpired:
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

    /// A key pressed on a screen: what the key map says it does there.
    mutating func press(_ key: Key) -> [BoardEffect] {
        message = nil
        guard let action = KeyMap.action(for: key, in: KeyMap.context(of: self)) else { return [] }
        return perform(action)
    }

    /// Does `action` (from a key or a `:` command) on the screen shown.
    mutating func perform(_ action: KeyAction) -> [BoardEffect] {
        switch action {
        case .down: step(by: 1)
        case .up: step(by: -1)
        case .pageDown: step(by: visibleRows)
        case .pageUp: step(by: -visibleRows)
        case .top: step(by: Int.min / 2)
        case .bottom: step(by: Int.max / 2)
        case .open:
            switch screen {
            case .board: if selected != nil { open(.detail) }
            case .health: drill(into: healthCursor)
            case .changes: openChangedAccount()
            default: break
            }
        case .back: back()
        case .quit: return [.quit]
        case .health: open(.health)
        case .changes: open(.changes)
        case .help: open(.help)
        case .weekBack: moveWeek(by: -1)
        case .weekForward: moveWeek(by: 1)
        case .meeting: openMeetingMenu()
        case .onlyMine:
            onlyMine.toggle()
            reorder()
            message = (onlyMine ? "only \(user)'s accounts" : "everyone's accounts", false)
        case .search: prompt = Prompt(purpose: .search, text: search)
        case .views: openViewsMenu()
        case .command:
            prompt = Prompt(purpose: .command, text: "")
            commandHistoryPosition = nil
        case .sort: openSortMenu()
        case .filter: openFilterMenu()
        case .logTouch: if !refusedInPast() { openTouchForm() }
        case .mark(let markAction): return mark(markAction)
        case .undo:
            if let id = markableAccountId, !refusedInPast() { return [.record(.undo, accountId: id)] }
        case .note:
            if let id = markableAccountId, !refusedInPast() {
                prompt = Prompt(purpose: .note(accountId: id), text: "")
            }
        case .copyId, .copyRow:
            guard let id = markableAccountId, let selected else { break }
            let text = action == .copyId ? id : BoardView.copyText(of: selected, in: self)
            message = ("copied \(action == .copyId ? id : "\(id)'s row") to the clipboard (OSC 52)", false)
            return [.copy(text)]
        case .evidence: toggleEvidence()
        case .accept, .decide, .meetingNote, .skip, .previousAccount, .meetingUndo, .endMeeting:
            return performInMeeting(action)
        }
        return []
    }

    /// Moves what the screen moves by `delta`: the selection on the board, the cursor on
    /// tier health and "since last week", the scroll elsewhere.
    mutating func step(by delta: Int) {
        switch screen {
        case .health:
            let last = max(HealthView.targets(health).count - 1, 0)
            healthCursor = min(max(healthCursor.addingReportingOverflow(delta).partialValue, 0), last)
        case .changes:
            let last = max((changes.map(ChangesView.accounts)?.count ?? 0) - 1, 0)
            changesCursor = min(max(changesCursor.addingReportingOverflow(delta).partialValue, 0), last)
        default: move(by: delta)
        }
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

    /// `e` on a card: its full evidence, every number traced (again: the card).
    mutating func toggleEvidence() {
        guard let card else { return }
        evidenceShown.toggle()
        evidencePage = evidenceShown ? card.evidenceLines(data: data) : nil
        scroll = 0
    }

    /// Moves the selection (board) or scrolls (detail, help) by `delta` rows.
    mutating func move(by delta: Int) {
        if screen != .board {
            scroll = min(max(0, scroll.addingReportingOverflow(delta).partialValue), lastScroll)
            return
        }
        guard !order.isEmpty else { return }
        let position = selected.flatMap { order.firstIndex(of: $0) } ?? 0
        let target = min(max(position.addingReportingOverflow(delta).partialValue, 0), order.count - 1)
        selected = order[target]
        keepSelectionVisible()
    }

    /// The furthest the page on screen scrolls: until its last line is at the bottom.
    var lastScroll: Int {
        let rows: Int
        let count: Int
        switch screen {
        case .help:
            rows = height - 2
            count = HelpView.lines().count
        case .detail, .meeting:
            if screen == .meeting, let meeting, meeting.ended {
                rows = height - 2
                count = MeetingView.summaryLines(meeting, state: self).count
            } else if let page = evidencePage {
                rows = ScreenView.cardHeight(self)
                count = page.count
            } else if let card {
                let wide = CardView.isWide(width: width, height: height)
                rows = CardView.layout(card, width: width, height: ScreenView.cardHeight(self), wide: wide).timelineRows
                count = card.timelineCount
            } else {
                return 0
            }
        default: return 0
        }
        return max(count - rows, 0)
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
