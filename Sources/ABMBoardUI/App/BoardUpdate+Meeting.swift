import ABMCore

/// The weekly meeting (`m`): choosing whom it covers, its keys, and following the records it
/// makes and the decisions others make meanwhile.
extension BoardState {
    /// The scopes `m` offers: everyone on the board, each tier, each owner, with how many of
    /// their accounts on the board still need a decision.
    /// Counted in one pass over the board.
    var meetingScopes: [(scope: MeetingScope, label: String)] {
        var everyone = 0
        var byTier = [Int](repeating: 0, count: Tier.allCases.count)
        var byOwner: [String: Int] = [:]
        for account in order {
            let row = data.rows[account]
            let owner = data.programme.accounts[account].owner ?? ""
            let left = row.decision == nil ? 1 : 0
            everyone += left
            if let tier = row.tier { byTier[tier.rawValue - 1] += left }
            byOwner[owner, default: 0] += left
        }
        var scopes = [(MeetingScope.everyone, "everyone on the board · \(everyone) to decide")]
        scopes += Tier.allCases.map { (.tier($0), "\($0.label) · \(byTier[$0.rawValue - 1]) to decide") }
        scopes += byOwner.keys.sorted(by: codePointPrecedes).map { owner in
            let scope = MeetingScope.owner(owner)
            return (scope, "\(scope.label) · \(byOwner[owner] ?? 0) to decide")
        }
        return scopes
    }

    /// `m`: opens the menu of whom the meeting covers (this week only); the scopes are kept
    /// with it, so the item chosen is the scope shown even if the board changes meanwhile.
    mutating func openMeetingMenu() {
        if refusedInPast() { return }
        let scopes = meetingScopes
        meetingScopeChoices = scopes.map(\.scope)
        menu = Menu(
            purpose: .meetingScope, title: "run the meeting for (the accounts on the board)",
            items: scopes.map(\.label))
    }

    /// Starts the meeting over the accounts on the board in `scope`.
    mutating func startMeeting(_ scope: MeetingScope) {
        let started = Meeting(scope: scope, rows: order.map { data.rows[$0] }, programme: data.programme)
        meeting = started
        open(.meeting)
        message = started.ended ? ("nothing left to decide for \(scope.label) this week", false) : nil
    }

    /// A meeting's own action on its current account (or, on the summary, going back or
    /// leaving).
    mutating func performInMeeting(_ action: KeyAction) -> [BoardEffect] {
        guard var current = meeting else { return [] }
        switch action {
        case .endMeeting:
            if current.ended {
                meeting = nil
                open(.board)
            } else {
                current.end()
                meeting = current
                scroll = 0
            }
        case .previousAccount:
            current.goBack()
            meeting = current
            scroll = 0
        case .skip:
            guard !current.ended else { return [] }
            current.skip()
            meeting = current
            scroll = 0
        case .accept:
            guard let account = current.current else { return [] }
            let recommendation = data.rows[account].recommendation
            guard let action = MarkAction(rawValue: recommendation.rawValue) else {
                message = ("no recommendation to accept on \(data.programme.accounts[account].id)", true)
                return []
            }
            return decide(action)
        case .decide(let markAction): return decide(markAction)
        case .meetingNote:
            guard let account = current.current else { return [] }
            prompt = Prompt(purpose: .meetingNote(accountId: data.programme.accounts[account].id), text: "")
        case .meetingUndo:
            guard let account = current.current else { return [] }
            let id = data.programme.accounts[account].id
            guard current.decision(of: account) != nil else {
                message = ("this meeting has not decided \(id); nothing to undo", true)
                return []
            }
            return [.record(.undo, accountId: id)]
        default: break
        }
        return []
    }

    /// Decides the current account: records the mark, with the note typed before it; a Tier 1
    /// demotion without one asks for it first.
    private mutating func decide(_ action: MarkAction) -> [BoardEffect] {
        guard let current = meeting, let account = current.current, !refusedInPast() else { return [] }
        let id = data.programme.accounts[account].id
        let note = current.pendingNote
        if action == .demote && data.rows[account].tier == .one && note == nil {
            prompt = Prompt(purpose: .demoteNote(accountId: id), text: "")
            return []
        }
        return [.record(.mark(action, note: note), accountId: id)]
    }

    /// The note typed in the meeting: added to the account's decision this week when it has
    /// one, else kept for the decision to come.
    mutating func meetingNote(_ text: String, accountId id: String) -> [BoardEffect] {
        guard !text.isEmpty, let index = data.programme.index(ofAccount: id) else { return [] }
        if data.rows[index].decision != nil { return [.record(.note(text), accountId: id)] }
        meeting?.holdNote(text)
        message = ("the note goes with \(id)'s decision", false)
        return []
    }

    /// Follows a record this board made while the meeting is on: a decision moves on to the
    /// next account, a note or an undo is kept for the summary.
    mutating func meetingRecorded(_ record: HistoryRecord) {
        guard var current = meeting, screen == .meeting,
            let index = data.programme.index(ofAccount: record.accountId)
        else { return }
        switch record.event {
        case .mark(let action, _):
            current.decided(index, action: action, note: data.rows[index].decision?.note)
            if current.current == index {
                current.advance()
                scroll = 0
            }
        case .note(let text): current.noted(index, note: text)
        case .undo: current.undone(index)
        case .retier: break
        }
        current.recount(data.rows)
        meeting = current
    }

    /// Drops from the meeting's queue the accounts others decided meanwhile, saying so when it
    /// was the one on screen.
    mutating func meetingFollowOthers() {
        guard var current = meeting else { return }
        let rows = data.rows
        current.recount(rows)
        if let dropped = current.dropDecided({ rows[$0].decision != nil }), let decision = rows[dropped].decision {
            message = (
                "\(data.programme.accounts[dropped].id) was decided meanwhile: \(decision.action.rawValue) by "
                    + "\(decision.by); on to the next", false
            )
            scroll = 0
        }
        meeting = current
    }
}
