import ABMStore

/// A store's error as the command line and the board say it: the store's own words, with the
/// advice that names this program's commands and flags.
enum StoreErrorText {
    /// One line (or one per bad row) for standard error or the status bar.
    static func line(_ error: StoreError) -> String {
        switch error {
        case .noStore(let location):
            if PostgresTarget.isPostgres(location) {
                return
                    "\(error): create its schema first (abmboard db migrate --db URL, as the database's owner)"
            }
            return
                "\(error): import data first (abmboard import accounts FILE), or give --db PATH or ABMBOARD_DB"
        case .unknownAccount(_, let suggestions) where suggestions.isEmpty:
            return "\(error); abmboard board lists the accounts"
        case .badContact:
            return "\(error); give a contact of that account or leave out --contact"
        default:
            return error.description
        }
    }

    /// Any error a store call threw, in one line.
    static func line(_ error: Error) -> String {
        if let store = error as? StoreError { return line(store) }
        return CommandFailure.from(error).message
    }
}
