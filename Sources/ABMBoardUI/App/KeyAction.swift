import ABMCore

/// What a key (or a `:` command) asks the board to do. The key map says which key does which
/// action on which screen; `BoardState.perform` does it.
public enum KeyAction: Sendable, Hashable {
    /// Down, up, to the top or bottom, a page down or up: the selection on the board, the
    /// cursor on tier health and "since last week", the scroll on the card and help.
    case down, up, top, bottom, pageDown, pageUp
    /// Enter: the selected account's card, the accounts behind a health number, a change's card.
    case open
    /// Esc: back one step (a search, a drill-down, a screen).
    case back
    /// Leave the board.
    case quit
    /// Tier health.
    case health
    /// What changed since last week.
    case changes
    /// The help screen.
    case help
    /// The board as of the end of the previous or next review week.
    case weekBack, weekForward
    /// The meeting's scope menu.
    case meeting
    /// Mark the account shown.
    case mark(MarkAction)
    /// Take back the account's latest mark.
    case undo
    /// A note on the account's latest mark.
    case note
    /// The log-a-touch form.
    case logTouch
    /// The search prompt.
    case search
    /// The filter menu.
    case filter
    /// The sort menu.
    case sort
    /// Only my accounts (again: everyone's).
    case onlyMine
    /// The saved views menu.
    case views
    /// The `:` prompt.
    case command
    /// The account's id, or its row, to the clipboard.
    case copyId, copyRow
    /// The card's full evidence (again: the card).
    case evidence
    /// In the meeting: accept the recommendation.
    case accept
    /// In the meeting: decide otherwise.
    case decide(MarkAction)
    /// In the meeting: a note (before the decision: kept for it).
    case meetingNote
    /// In the meeting: skip the account.
    case skip
    /// In the meeting: back one account.
    case previousAccount
    /// In the meeting: undo the meeting's decision on the account.
    case meetingUndo
    /// In the meeting: end it on its summary (on the summary: leave it).
    case endMeeting
}
