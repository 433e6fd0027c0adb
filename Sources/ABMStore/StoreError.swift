import ABMCore
import ABMImport

/// Why a store operation failed. Each case carries what the command line or the board needs
/// to say it in one line; `description` is the store's own wording, without advice about any
/// command's flags (the commands add that).
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// No store at the location (a missing file, or a database without abmboard's schema).
    case noStore(location: String)
    /// The account id is unknown; `suggestions` are the closest ids.
    case unknownAccount(id: String, suggestions: [String])
    /// A contact given with a touch is unknown, or belongs to another account.
    case badContact(id: String, account: String, problem: ContactProblem)
    /// SPEC §3 refuses the mark, undo or note (nothing recorded).
    case refused(MarkRefusal)
    /// Rows of a file refused as a whole (a marks file's refusals, a re-import stamped too early).
    case badRows(ImportProblems)
    /// The store is from a newer abmboard, or not an abmboard store.
    case incompatible(location: String, reason: String)
    /// The database refused the write for the member's role: who, what, which account and why
    /// in one line (`dana (ae) may not demote A-0123: its owner is tom`).
    case notPermitted(String)
    /// The store's server cannot be reached, or the connection to it was lost.
    case unavailable(String)
    /// The database or the file system failed.
    case database(String)

    /// What is wrong with a contact given with a touch.
    public enum ContactProblem: Sendable, Hashable {
        /// No contact has the id.
        case unknown
        /// The contact works for another account.
        case otherAccount
    }

    /// One line (or one per bad row).
    public var description: String {
        switch self {
        case .noStore(let location):
            return "no store at \(location)"
        case .unknownAccount(let id, let suggestions):
            let hint =
                suggestions.isEmpty
                ? ""
                : "; did you mean " + suggestions.map { "\"\($0)\"" }.joined(separator: ", ") + "?"
            return "no account \"\(id)\" in the store (ids are case-sensitive)\(hint)"
        case .badContact(let id, let account, let problem):
            switch problem {
            case .unknown: return "contact \"\(id)\" is not a contact of account \"\(account)\""
            case .otherAccount:
                return "contact \"\(id)\" is a contact of another account, not of account \"\(account)\""
            }
        case .refused(let refusal):
            return refusal.description
        case .badRows(let problems):
            return problems.description
        case .incompatible(let location, let reason):
            return "\(location) is not a store this abmboard can open: \(reason)"
        case .notPermitted(let message):
            return message
        case .unavailable(let message):
            return message
        case .database(let message):
            return "the store failed: \(message)"
        }
    }
}
