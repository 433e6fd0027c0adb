import ABMCore
import ABMSQLiteStore
import ABMStore
import Foundation

/// Which store a `--db` value names: a SQLite file, or a PostgreSQL database by URL.
enum StoreTarget: Sendable, Equatable {
    /// A SQLite file at the path.
    case sqlite(path: String)
    /// A PostgreSQL database at the URL (`postgres://…`), with libpq's environment.
    case postgres(url: String)

    /// The target a `--db` value (or `ABMBOARD_DB`) names.
    init(_ value: String) {
        self = PostgresTarget.isPostgres(value) ? .postgres(url: value) : .sqlite(path: value)
    }
}

extension GlobalOptions {
    /// The store `--db` names.
    var storeTarget: StoreTarget { StoreTarget(storePath) }

    /// Opens the store, which must exist (a SQLite file, or a migrated database).
    /// - Throws: `StoreError.noStore` when there is none, and the store's errors.
    public func openStore() throws -> any ProgrammeStore {
        switch storeTarget {
        case .sqlite(let path): return try SQLiteStore(path: path, create: false)
        case .postgres(let url): return try PostgresTarget.open(url: url)
        }
    }

    /// Whether the store exists yet: an import creates a SQLite file, but a database's schema
    /// is made only by `abmboard db migrate`.
    func storeExists() -> Bool {
        switch storeTarget {
        case .sqlite(let path): return FileManager.default.fileExists(atPath: path)
        case .postgres: return true
        }
    }

    /// Creates the store (a new SQLite file with its schema), or opens the database.
    func createStore() throws -> any ProgrammeStore {
        switch storeTarget {
        case .sqlite(let path): return try SQLiteStore(path: path, create: true)
        case .postgres(let url): return try PostgresTarget.open(url: url)
        }
    }
}
