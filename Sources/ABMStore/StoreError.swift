import ABMCore
import ABMImport

/// Why a store operation failed; each says what is wrong and how to fix it in one line (or one
/// line per bad row).
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// No store at the path.
    case noStore(path: String)
    /// The account id is unknown; `suggestions` are the closest ids.
    case unknownAccount(id: String, suggestions: [String])
    /// A contact given with a touch is unknown or belongs to another account.
    case badContact(id: String, account: String, reason: String)
    /// SPEC §3 refuses the mark, undo or note (nothing recorded).
    case refused(MarkRefusal)
    /// Rows of a file refused as a whole (a marks file's refusals, a re-import stamped too early).
    case badRows(ImportProblems)
    /// The file is from a newer abmboard, or not an abmboard store.
    case incompatible(path: String, reason: String)
    /// SQLite or the file system failed.
    case database(String)

    /// One line (or one per bad row) for standard error.
    public var description: String {
        switch self {
        case .noStore(let path):
            return
                "no store at \(path): import data first (abmboard import accounts FILE), or give --db PATH or ABMBOARD_DB"
        case .unknownAccount(let id, let suggestions):
            let hint =
                suggestions.isEmpty
                ? "; abmboard board lists the accounts"
                : "; did you mean " + suggestions.map { "\"\($0)\"" }.joined(separator: ", ") + "?"
            return "no account \"\(id)\" in the store (ids are case-sensitive)\(hint)"
        case .badContact(let id, let account, let reason):
            return
                "contact \"\(id)\" \(reason) of account \"\(account)\"; give a contact of that account or leave out --contact"
        case .refused(let refusal):
            return refusal.description
        case .badRows(let problems):
            return problems.description
        case .incompatible(let path, let reason):
            return "\(path) is not a store this abmboard can open: \(reason)"
        case .database(let message):
            return "the store failed: \(message)"
        }
    }
}
