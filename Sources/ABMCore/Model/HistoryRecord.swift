/// One entry of an account's append-only history (SPEC §3): a mark, an undo, a note on the
/// latest mark, or a re-import that changed the tier.
public struct HistoryRecord: Sendable, Hashable {
    /// The account the record is about.
    public var accountId: String
    /// When it was recorded (its stamp).
    public var at: Instant
    /// Who recorded it (for a re-import, the person or process that imported).
    public var by: String
    /// What happened.
    public var event: HistoryEvent

    /// Creates a history record.
    public init(accountId: String, at: Instant, by: String, event: HistoryEvent) {
        self.accountId = accountId
        self.at = at
        self.by = by
        self.event = event
    }
}

/// What a history record says happened.
public enum HistoryEvent: Sendable, Hashable {
    /// A decision for the week, with the note given with it (demote and promote move the tier).
    case mark(MarkAction, note: String?)
    /// Takes back the latest mark not yet taken back, with its tier change.
    case undo
    /// A note added to the latest mark not taken back (SPEC §7.3).
    case note(String)
    /// A re-import that set a different tier; it cannot be undone.
    case retier(Tier)
}

extension HistoryEvent {
    /// The event's name as files and the store spell it: the mark's action, `undo`, `note` or
    /// `retier`.
    public var name: String {
        switch self {
        case .mark(let action, _): action.rawValue
        case .undo: "undo"
        case .note: "note"
        case .retier: "retier"
        }
    }

    /// The note a mark was given with, or a note's text.
    public var text: String? {
        switch self {
        case .mark(_, let note): note
        case .note(let text): text
        case .undo, .retier: nil
        }
    }
}
