/// Why a mark, undo, note or re-import tier change is refused (SPEC §3); nothing is recorded.
public enum MarkRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// Promote on a Tier 1 account.
    case alreadyTierOne(account: String)
    /// Demote on a Tier 1 account without a note.
    case demoteTierOneNeedsNote(account: String)
    /// Work, hold or demote on an account removed from the programme.
    case removedAccount(account: String, action: MarkAction)
    /// Undo with no standing mark.
    case nothingToUndo(account: String)
    /// A note with no standing mark to add it to.
    case nothingToNote(account: String)
    /// A note with no text.
    case emptyNote(account: String)
    /// A stamp earlier than the account's latest record.
    case stampedBeforeLatest(account: String, stamp: Instant, latest: Instant)

    /// What was refused and how to proceed.
    public var description: String {
        switch self {
        case .alreadyTierOne(let account):
            return "\(account) is already Tier 1; there is no tier above it to promote to (nothing recorded)"
        case .demoteTierOneNeedsNote(let account):
            return "demoting \(account) out of Tier 1 needs a note saying why: add --note \"…\" (nothing recorded)"
        case .removedAccount(let account, let action):
            return
                "\(account) was removed from the programme, so it cannot be marked \(action.rawValue); promote brings it back at Tier 3 (nothing recorded)"
        case .nothingToUndo(let account):
            return "\(account) has no mark to take back (nothing recorded)"
        case .nothingToNote(let account):
            return "\(account) has no standing mark to add a note to; mark it first (nothing recorded)"
        case .emptyNote(let account):
            return "the note for \(account) is empty; write at least one non-space character (nothing recorded)"
        case .stampedBeforeLatest(let account, let stamp, let latest):
            return
                "\(account)'s latest record is stamped \(latest.iso8601); a new one may not be stamped earlier (\(stamp.iso8601)); use a later --as-of (nothing recorded)"
        }
    }
}
