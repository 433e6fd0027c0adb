import ABMCore

/// A column of `abmboard export history`: one row per mark, undo, note or re-import tier
/// change (SPEC §3), for audit.
public enum HistoryColumn: String, ExportColumn {
    /// The account's id.
    case accountId = "account_id"
    /// The company name.
    case accountName = "account_name"
    /// When the record was stamped.
    case at
    /// Who recorded it (for a re-import, who imported).
    case by
    /// `mark`, `undo`, `note` or `retier`.
    case kind
    /// For a mark: work, hold, demote or promote; `null` otherwise.
    case decision
    /// A mark's own note (as given with it) or a note record's text; `null` otherwise.
    case note
    /// The tier just before the record; `null` when the account was removed.
    case tierBefore = "tier_before"
    /// The tier just after it; `null` when the account is removed.
    case tierAfter = "tier_after"
    /// The review week the record falls in.
    case reviewWeek = "review_week"
    /// For a mark: whether an undo took it back (by the export's as-of); `null` otherwise.
    case takenBack = "taken_back"
    /// For a mark taken back: when the undo was stamped; `null` otherwise.
    case takenBackAt = "taken_back_at"

    /// Every column, in the order above.
    public static let defaults: [HistoryColumn] = allCases

    /// This column's value for `row` of `account`.
    public func value(of row: HistoryRow, account: Account) -> ExportValue {
        let record = row.entry.record
        let isMark: Bool
        if case .mark = record.event { isMark = true } else { isMark = false }
        switch self {
        case .accountId: return .text(account.id)
        case .accountName: return .text(account.name)
        case .at: return .time(record.at)
        case .by: return .text(record.by)
        case .kind: return .text(isMark ? "mark" : record.event.name)
        case .decision:
            if case .mark(let action, _) = record.event { return .text(action.rawValue) }
            return .null
        case .note:
            if case .mark(_, let note) = record.event { return .optional(MarkRules.meaningfulNote(note)) }
            return .optional(record.event.text)
        case .tierBefore: return .tier(row.entry.tierBefore)
        case .tierAfter: return .tier(row.entry.tierAfter)
        case .reviewWeek: return .text(ReviewWeek(containing: record.at).label)
        case .takenBack: return isMark ? .bool(row.takenBackAt != nil) : .null
        case .takenBackAt: return .optional(row.takenBackAt)
        }
    }
}
