import ABMCore

/// What happened, as the board learns it.
public enum BoardEvent: Sendable {
    /// A key was pressed.
    case keyPressed(Key)
    /// The terminal changed size.
    case resized(width: Int, height: Int)
    /// The store changed (another process) and was read again; `changed` are the accounts
    /// whose rows differ.
    case storeReloaded(BoardData, changed: Set<Int>)
    /// A record this board asked for was stored.
    case recorded(HistoryRecord, summary: String)
    /// A record was refused or failed; the message says why.
    case refused(String)
    /// Time passed (clears highlights).
    case ticked
}

/// What the board asks its host to do.
public enum BoardEffect: Sendable, Hashable {
    /// Record a mark, undo or note on an account, as the board's user.
    case record(HistoryEvent, accountId: String)
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
        switch event {
        case .keyPressed(let key):
            return prompt == nil ? press(key) : type(key)
        case .resized(let newWidth, let newHeight):
            width = max(newWidth, 0)
            height = max(newHeight, 0)
            keepSelectionVisible()
        case .storeReloaded(let newData, let changed):
            data = newData
            highlighted = changed
            reorder()
            refreshHealth()
        case .recorded(let record, let summary):
            do {
                try data.apply(record)
                message = (summary, false)
            } catch {
                message = ("\(error)", true)
            }
            reorder()
            refreshHealth()
        case .refused(let text):
            message = (text, true)
        case .ticked:
            highlighted = []
        }
        return []
    }

    private mutating func press(_ key: Key) -> [BoardEffect] {
        message = nil
        switch key {
        case .down, .character("j"): move(by: 1)
        case .up, .character("k"): move(by: -1)
        case .pageDown: move(by: screen == .board ? visibleRows : max(height - 3, 1))
        case .pageUp: move(by: screen == .board ? -visibleRows : -max(height - 3, 1))
        case .home, .character("g"): move(by: Int.min / 2)
        case .end, .character("G"): move(by: Int.max / 2)
        case .enter:
            if screen == .board && selected != nil { open(.detail) }
        case .escape: back()
        case .character("q"), .interrupt:
            if screen == .board || key == .interrupt { return [.quit] }
            back()
        case .character("t"): open(.health)
        case .character("?"): open(.help)
        case .character("o"):
            guard screen == .board else { break }
            onlyMine.toggle()
            reorder()
            message = (onlyMine ? "only \(user)'s accounts" : "everyone's accounts", false)
        case .character("/"):
            if screen == .board { prompt = Prompt(purpose: .search, text: search) }
        case .character("w"): return mark(.work)
        case .character("h"): return mark(.hold)
        case .character("d"): return mark(.demote)
        case .character("p"): return mark(.promote)
        case .character("u"):
            if let id = markableAccountId { return [.record(.undo, accountId: id)] }
        case .character("n"):
            if let id = markableAccountId { prompt = Prompt(purpose: .note(accountId: id), text: "") }
        default: break
        }
        return []
    }

    /// Typing into the prompt.
    private mutating func type(_ key: Key) -> [BoardEffect] {
        guard var current = prompt else { return [] }
        switch key {
        case .character(let character):
            current.text.append(character)
            prompt = current
            if current.purpose == .search { applySearch(current.text) }
        case .backspace:
            if !current.text.isEmpty { current.text.removeLast() }
            prompt = current
            if current.purpose == .search { applySearch(current.text) }
        case .escape, .interrupt:
            prompt = nil
            if current.purpose == .search { applySearch("") }
        case .enter:
            prompt = nil
            let text = current.text.trimmingCharacters(in: " ")
            switch current.purpose {
            case .search: break
            case .demoteNote(let id):
                guard !text.isEmpty else {
                    message = ("demoting a Tier 1 account needs a note; nothing recorded", true)
                    return []
                }
                return [.record(.mark(.demote, note: text), accountId: id)]
            case .note(let id):
                guard !text.isEmpty else { return [] }
                return [.record(.note(text), accountId: id)]
            }
        default: break
        }
        return []
    }

    private mutating func applySearch(_ text: String) {
        search = text
        reorder()
    }

    /// The account a mark applies to: the selected one, on the board or its detail.
    private var markableAccountId: String? {
        guard screen == .board || screen == .detail, let selected else { return nil }
        return data.programme.accounts[selected].id
    }

    private mutating func mark(_ action: MarkAction) -> [BoardEffect] {
        guard let id = markableAccountId, let row = selectedRow else { return [] }
        if action == .demote && row.tier == .one {
            prompt = Prompt(purpose: .demoteNote(accountId: id), text: "")
            return []
        }
        return [.record(.mark(action, note: nil), accountId: id)]
    }

    private mutating func move(by delta: Int) {
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

    private mutating func open(_ target: BoardScreen) {
        screen = target
        scroll = 0
        refreshHealth()
    }

    private mutating func back() {
        open(.board)
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
