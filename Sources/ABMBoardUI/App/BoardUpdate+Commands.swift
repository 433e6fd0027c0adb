import ABMCore

/// The `:` command line: completion (Tab), history (↑ ↓) and carrying out a command.
extension BoardState {
    /// Tab, ↑ and ↓ in the command prompt; `nil` for the keys the prompt handles as text.
    mutating func typeCommand(_ key: Key) -> [BoardEffect]? {
        guard var current = prompt else { return nil }
        switch key {
        case .tab:
            let completion = BoardCommand.complete(current.text)
            current.text = completion.text
            prompt = current
            if !completion.candidates.isEmpty { message = (completion.candidates.joined(separator: "  "), false) }
            return []
        case .up:
            guard !commandHistory.isEmpty else { return [] }
            let position = max((commandHistoryPosition ?? commandHistory.count) - 1, 0)
            commandHistoryPosition = position
            current.text = commandHistory[position]
            prompt = current
            return []
        case .down:
            guard let position = commandHistoryPosition else { return [] }
            if position + 1 < commandHistory.count {
                commandHistoryPosition = position + 1
                current.text = commandHistory[position + 1]
            } else {
                commandHistoryPosition = nil
                current.text = ""
            }
            prompt = current
            return []
        default:
            return nil
        }
    }

    /// Carries out the command `text` (what follows the `:`), keeping it in the history.
    mutating func runCommand(_ text: String) -> [BoardEffect] {
        let words = BoardCommand.words(text)
        guard let name = words.first else { return [] }
        if commandHistory.last != text { commandHistory.append(text) }
        commandHistoryPosition = nil
        guard let command = BoardCommand.named(name) else {
            let hint = BoardCommand.closest(to: name).map { ": did you mean :\($0)?" } ?? ""
            message = ("unknown command :\(name)\(hint) (:help lists them)", true)
            return []
        }
        let arguments = Array(words.dropFirst())
        let rest = arguments.joined(separator: " ")
        if screen == .meeting, meeting != nil, let effects = runInMeeting(command, arguments) { return effects }
        switch command.name {
        case "mark":
            guard let word = arguments.first, let action = MarkAction(rawValue: word.lowercased()) else {
                return refuse(command, "give an action: work, hold, demote or promote")
            }
            let note = arguments.dropFirst().joined(separator: " ")
            return mark(action, note: note.isEmpty ? nil : note)
        case "undo": return perform(.undo)
        case "note":
            guard !rest.isEmpty else { return refuse(command, "give the note's text") }
            guard let id = markableAccountId, !refusedInPast() else { return [] }
            return [.record(.note(rest), accountId: id)]
        case "week":
            switch arguments.first?.lowercased() {
            case "prev": return perform(.weekBack)
            case "next": return perform(.weekForward)
            default: return goToWeek(arguments.first)
            }
        case "open": return screen == .board ? perform(.open) : []
        case "evidence":
            guard cardAccount != nil else { return refuse(command, "open an account's card first (Enter)") }
            return perform(.evidence)
        case "accept", "skip", "back", "end":
            message = (":\(command.name) works in the meeting (m starts one)", true)
        case "touch": return perform(.logTouch)
        case "meeting": return screen == .board ? perform(.meeting) : []
        case "search":
            guard screen == .board else { return [] }
            search = rest
            reorder()
        case "filter": return applyFilter(arguments, command: command)
        case "sort": return applySort(arguments, command: command)
        case "mine": return screen == .board ? perform(.onlyMine) : []
        case "health": return perform(.health)
        case "changes": return perform(.changes)
        case "copy":
            if let word = arguments.first, word.lowercased() != "row" {
                return refuse(command, "give nothing (the id) or row")
            }
            return perform(arguments.isEmpty ? .copyId : .copyRow)
        case "view": return viewCommand(arguments, command: command)
        case "theme":
            guard arguments.count == 1 else { return refuse(command, "give a theme's name or a .toml file") }
            return [.useTheme(arguments[0])]
        case "export":
            guard arguments.count == 2, arguments[0].lowercased() == "board" else {
                return refuse(command, "give board and a file")
            }
            return [.exportBoard(path: arguments[1])]
        case "help": return perform(.help)
        case "q": return [.quit]
        default: break
        }
        return []
    }

    /// A message on how to use `command`.
    /// A command in the meeting: the meeting's own actions on its account (`:mark` decides,
    /// `:note` and `:undo` act on the meeting's decision), what does not leave it (copy,
    /// theme, export, help, quit) as anywhere (`nil`), and a refusal for the rest, which would
    /// take the board away from the meeting's account.
    private mutating func runInMeeting(_ command: BoardCommand, _ arguments: [String]) -> [BoardEffect]? {
        let rest = arguments.joined(separator: " ")
        switch command.name {
        case "mark":
            guard let word = arguments.first, let action = MarkAction(rawValue: word.lowercased()) else {
                return refuse(command, "give an action: work, hold, demote or promote")
            }
            let note = arguments.dropFirst().joined(separator: " ")
            if !note.isEmpty { meeting?.holdNote(note) }
            return performInMeeting(.decide(action))
        case "note":
            guard !rest.isEmpty else { return refuse(command, "give the note's text") }
            guard let account = meeting?.current else { return [] }
            return meetingNote(rest, accountId: data.programme.accounts[account].id)
        case "undo": return performInMeeting(.meetingUndo)
        case "accept": return performInMeeting(.accept)
        case "skip": return performInMeeting(.skip)
        case "back": return performInMeeting(.previousAccount)
        case "end": return performInMeeting(.endMeeting)
        case "evidence": return perform(.evidence)
        case "copy", "theme", "export", "help", "q": return nil
        default:
            message = (":\(command.name) would leave the meeting's account: end the meeting first (Esc)", true)
            return []
        }
    }

    private mutating func refuse(_ command: BoardCommand, _ what: String) -> [BoardEffect] {
        message = (":\(command.name): \(what) (:\(command.name) \(command.usage))", true)
        return []
    }

    /// `:week LABEL`: the board at that review week's end; no label: this week.
    private mutating func goToWeek(_ label: String?) -> [BoardEffect] {
        let presentWeek = ReviewWeek(containing: present)
        guard let label else {
            if viewedWeek != nil { moveWeek(by: 1_000) }
            return []
        }
        guard let week = ReviewWeek(label: label.uppercased()) else {
            message = (":week: expected a week such as \(presentWeek.label), found \"\(label)\"", true)
            return []
        }
        let current = viewedWeek ?? presentWeek
        let delta = Int((week.start.seconds - current.start.seconds) / (7 * 86_400))
        if delta != 0 || week >= presentWeek { moveWeek(by: delta) }
        return []
    }

    /// `:filter DIMENSION=VALUE[,VALUE] … [surging]`: the filter those make (none: no filter).
    private mutating func applyFilter(_ arguments: [String], command: BoardCommand) -> [BoardEffect] {
        switch BoardFilter.parse(words: arguments) {
        case .failure(let error): return refuse(command, "\"\(error.word)\" is not a filter")
        case .success(let chosen):
            filter = chosen
            reorder()
            message = (chosen.isEmpty ? "no filter" : "filter: \(chosen.summary)", false)
            return []
        }
    }

    /// `:view NAME` opens a saved view, `:view save NAME` keeps the board's search, filter, sort
    /// and columns as one, `:view` lists them.
    private mutating func viewCommand(_ arguments: [String], command: BoardCommand) -> [BoardEffect] {
        guard let first = arguments.first else {
            openViewsMenu()
            return []
        }
        guard first.lowercased() == "save" else {
            openView(first)
            return []
        }
        guard arguments.count == 2, SavedView.isValidName(arguments[1]) else {
            return refuse(command, "give the view's name: letters, digits, - and _")
        }
        var kept = filter
        kept.drill = nil
        return [
            .saveView(name: arguments[1], view: SavedView(search: search, filter: kept, sort: sort, columns: columns))
        ]
    }

    /// Opens the saved view `name`: its search, filter, sort and columns.
    mutating func openView(_ name: String) {
        guard let view = views[name] else {
            let known = views.keys.sorted(by: codePointPrecedes)
            message = (
                "no view named \(name)"
                    + (known.isEmpty ? " (:view save NAME keeps one)" : "; saved: \(known.joined(separator: ", "))"),
                true
            )
            return
        }
        screen = .board
        search = view.search
        filter = view.filter
        filterBeforeDrill = nil
        sort = view.sort
        columns = view.columns
        reorder()
        message = ("view \(name)", false)
    }

    /// The menu of saved views (`v`).
    mutating func openViewsMenu() {
        let names = views.keys.sorted(by: codePointPrecedes)
        guard !names.isEmpty else {
            message = ("no saved views yet: :view save NAME keeps the search, filter, sort and columns", false)
            return
        }
        menu = Menu(purpose: .views, title: "views (Enter: open)", items: names, cursor: 0)
    }

    /// `:sort COLUMN [reverse]`.
    private mutating func applySort(_ arguments: [String], command: BoardCommand) -> [BoardEffect] {
        let choices = BoardSort.Column.allCases.map(\.commandName).joined(separator: ", ")
        guard let word = arguments.first?.lowercased(),
            let column = BoardSort.Column.allCases.first(where: { $0.commandName == word })
        else { return refuse(command, "give a column: \(choices)") }
        var chosen = BoardSort()
        chosen.column = column
        if let order = arguments.dropFirst().first?.lowercased() {
            guard order == "reverse" else { return refuse(command, "after the column only reverse") }
            chosen.reversed = true
        }
        sort = chosen
        reorder()
        message = (chosen.summary.isEmpty ? "board order" : chosen.summary, false)
        return []
    }
}
