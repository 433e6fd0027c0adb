import ABMCore

/// Typing into the prompt, choosing in a menu and filling the log-a-touch form.
extension BoardState {
    /// Typing into the prompt.
    mutating func type(_ key: Key) -> [BoardEffect] {
        guard var current = prompt else { return [] }
        if current.purpose == .command, let effects = typeCommand(key) { return effects }
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
            case .meetingNote(let id):
                return meetingNote(text, accountId: id)
            case .command:
                return runCommand(text)
            }
        default: break
        }
        return []
    }

    private mutating func applySearch(_ text: String) {
        search = text
        reorder()
    }

    // MARK: - Menus

    /// The owners on the programme, "" standing for accounts without one.
    var ownerNames: [String] { data.ownerNames }

    /// Opens the sort menu with the cursor on the current column.
    mutating func openSortMenu() {
        let columns = BoardSort.Column.allCases
        menu = Menu(
            purpose: .sort, title: "sort by (again: reverse)",
            items: columns.map { column in
                let mark = column == sort.column ? (sort.reversed ? " ↑" : " ↓") : ""
                return column.rawValue + mark
            }, cursor: columns.firstIndex(of: sort.column) ?? 0)
    }

    /// Opens (or refreshes) the filter menu.
    mutating func openFilterMenu(cursor: Int? = nil) {
        let owners = ownerNames
        var items = BoardFilter.Dimension.allCases.map { dimension -> String in
            let chosen = filter.values(of: dimension, ownerNames: owners).filter(\.chosen).map(\.label)
            if dimension == .surging { return "surging only: " + (filter.surgingOnly ? "yes" : "no") }
            return "\(dimension.rawValue): " + (chosen.isEmpty ? "any" : chosen.joined(separator: ", "))
        }
        items.append("clear every filter")
        menu = Menu(
            purpose: .filter, title: "filter (Enter: choose)", items: items, cursor: cursor ?? menu?.cursor ?? 0)
    }

    /// Opens (or refreshes) the values of one filter dimension.
    mutating func openFilterValues(_ dimension: BoardFilter.Dimension, cursor: Int = 0) {
        let items = filter.values(of: dimension, ownerNames: ownerNames).map {
            ($0.chosen ? "[x] " : "[ ] ") + $0.label
        }
        menu = Menu(
            purpose: .filterValues(dimension), title: "\(dimension.rawValue) (Enter: on/off, Esc: done)",
            items: items, cursor: cursor)
    }

    /// A key while a menu is open.
    mutating func choose(_ key: Key) {
        guard var current = menu else { return }
        switch key {
        case .down, .character("j"), .tab:
            current.cursor = min(current.cursor + 1, max(current.items.count - 1, 0))
            menu = current
        case .up, .character("k"):
            current.cursor = max(current.cursor - 1, 0)
            menu = current
        case .home, .character("g"):
            current.cursor = 0
            menu = current
        case .end, .character("G"):
            current.cursor = max(current.items.count - 1, 0)
            menu = current
        case .enter, .character(" "):
            pick(current.cursor, in: current)
        case .character("s") where current.purpose == .sort:
            pick(BoardSort.Column.allCases.firstIndex(of: sort.column) ?? 0, in: current)
        case .escape, .character("q"), .interrupt, .left, .character("f"):
            if case .filterValues(let dimension) = current.purpose {
                openFilterMenu(cursor: BoardFilter.Dimension.allCases.firstIndex(of: dimension) ?? 0)
            } else {
                menu = nil
            }
        default: break
        }
    }

    /// Chooses the item at `position` of `current`.
    mutating func pick(_ position: Int, in current: Menu) {
        switch current.purpose {
        case .views:
            let names = views.keys.sorted(by: codePointPrecedes)
            menu = nil
            if position < names.count { openView(names[position]) }
        case .meetingScope:
            let scopes = meetingScopeChoices
            menu = nil
            meetingScopeChoices = []
            if position < scopes.count { startMeeting(scopes[position]) }
        case .sort:
            let columns = BoardSort.Column.allCases
            guard position < columns.count else { return }
            if sort.column == columns[position] {
                sort.reversed.toggle()
            } else {
                sort = BoardSort()
                sort.column = columns[position]
            }
            menu = nil
            reorder()
            message = ("sorted by \(sort.column.rawValue)\(sort.reversed ? ", reversed" : "")", false)
        case .filter:
            let dimensions = BoardFilter.Dimension.allCases
            if position == dimensions.count {
                filter = BoardFilter()
                filterBeforeDrill = nil
                menu = nil
                reorder()
                message = ("every account shown", false)
            } else if position < dimensions.count {
                if dimensions[position] == .surging {
                    filter.surgingOnly.toggle()
                    reorder()
                    openFilterMenu(cursor: position)
                } else {
                    openFilterValues(dimensions[position])
                }
            }
        case .filterValues(let dimension):
            filter.toggle(dimension, at: position, ownerNames: ownerNames)
            reorder()
            openFilterValues(dimension, cursor: position)
        }
    }

    // MARK: - Log a touch

    /// Opens the log-a-touch form for the selected account.
    mutating func openTouchForm() {
        guard screen == .board || screen == .detail, let selected else { return }
        let programme = data.programme
        let contacts = programme.contactRows(of: selected).compactMap { row -> TouchForm.ContactChoice? in
            let contact = programme.contact(atRow: row)
            guard contact.active else { return nil }
            return TouchForm.ContactChoice(
                id: contact.id, label: "\(contact.id) \(contact.name) · \(contact.buyingRole.rawValue)")
        }
        let account = programme.accounts[selected]
        form = TouchForm(accountId: account.id, accountName: account.name, contacts: contacts)
    }

    /// A key while the form is open.
    mutating func fill(_ key: Key) -> [BoardEffect] {
        guard var current = form else { return [] }
        let fields = TouchForm.Field.allCases
        let typing = current.field == .topic || current.field == .note
        switch key {
        case .escape, .interrupt:
            form = nil
            message = ("no touch logged", false)
            return []
        case .enter:
            form = nil
            return [.logTouch(current.request)]
        case .tab, .down:
            current.field = fields[min(current.field.rawValue + 1, fields.count - 1)]
        case .up:
            current.field = fields[max(current.field.rawValue - 1, 0)]
        case .left where !typing: current.step(by: -1)
        case .right where !typing, .character(" ") where !typing: current.step(by: 1)
        case .backspace where typing:
            if current.field == .topic, !current.topic.isEmpty { current.topic.removeLast() }
            if current.field == .note, !current.note.isEmpty { current.note.removeLast() }
        case .character(let character) where typing:
            if current.field == .topic { current.topic.append(character) } else { current.note.append(character) }
        case .character(let character) where current.field == .channel:
            // A letter jumps to the next channel starting with it.
            let all = Channel.allCases
            let start = (all.firstIndex(of: current.channel) ?? 0) + 1
            if let found = (0..<all.count).map({ all[(start + $0) % all.count] }).first(where: {
                $0.rawValue.first == character
            }) {
                current.channel = found
            }
        case .character("i") where current.field == .direction: current.direction = .inbound
        case .character("o") where current.field == .direction: current.direction = .outbound
        default: break
        }
        form = current
        return []
    }
}
