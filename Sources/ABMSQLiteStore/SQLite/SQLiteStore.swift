import ABMCore
import ABMImport
import ABMStore
import Foundation
import GRDB

/// The embedded store: one SQLite file through GRDB, in WAL mode so that readers never wait,
/// with a busy timeout so that writers from several processes queue instead of failing, and
/// foreign keys on.
public final class SQLiteStore: ProgrammeStore {
    /// The file's path, shown in messages.
    public let name: String
    let pool: DatabasePool
    let clock: @Sendable () -> Instant

    /// How long a write waits for another process's write (a long import) before failing.
    public static let busyTimeout: TimeInterval = 600

    /// Opens the store at `path`, creating it (and its schema) when `create` is true.
    /// - Throws: `StoreError.noStore` when it does not exist and `create` is false.
    public init(path: String, create: Bool, clock: @escaping @Sendable () -> Instant = SystemClock.now)
        throws(StoreError)
    {
        let exists = FileManager.default.fileExists(atPath: path)
        if !create && !exists { throw .noStore(location: path) }
        // A new store is private by default: the user's umask, and never world-writable.
        // (Another process creating it at the same moment is fine: both then open one file.)
        if !exists { try? StoreFile.createPrivate(at: path) }
        name = path
        self.clock = clock
        var configuration = Configuration()
        configuration.busyMode = .timeout(SQLiteStore.busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(
                sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824")
        }
        // Several processes may create the same new store at once: switching it to WAL and
        // creating the schema can then meet a lock that the busy timeout does not cover, so the
        // open is retried for a while (the migrations are transactional and idempotent).
        var attempt = 0
        while true {
            do {
                // Looked at read-only first: opening a pool switches the file to WAL, which would
                // already change a file that is not ours.
                if exists {
                    var lookOnly = Configuration()
                    lookOnly.readonly = true
                    lookOnly.busyMode = .timeout(SQLiteStore.busyTimeout)
                    let look = try DatabaseQueue(path: path, configuration: lookOnly)
                    let refusal = try look.read(SQLiteStore.refusal)
                    try look.close()
                    if let refusal { throw StoreError.incompatible(location: path, reason: refusal) }
                }
                let opened = try DatabasePool(path: path, configuration: configuration)
                try Schema.migrator.migrate(opened)
                pool = opened
                break
            } catch let error as StoreError {
                throw error
            } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
                throw .incompatible(location: path, reason: "not an abmboard store (not an SQLite database at all)")
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
                throw .incompatible(
                    location: path, reason: "damaged: restore from a backup")
            } catch let error as DatabaseError where SQLiteStore.isCreationRace(error) && attempt < 100 {
                attempt += 1
                usleep(50_000)
            } catch {
                throw .database("\(path): \(error)")
            }
        }
    }

    /// Why the file `db` reads must not be opened as a store, if it must not: it holds another
    /// program's tables (migrating would add abmboard's to them), or a newer abmboard's schema
    /// (this one would misread it). An empty file is a new store.
    static func refusal(_ db: Database) throws -> String? {
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        guard !tables.isEmpty else { return nil }
        let shown = tables.prefix(3).joined(separator: ", ") + (tables.count > 3 ? ", …" : "")
        // (Another process creating the store commits the migrations' table first.)
        guard tables.contains("grdb_migrations") else {
            return "not an abmboard store (it holds other tables: \(shown))"
        }
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        let known = Set(Schema.identifiers)
        if !applied.isEmpty && !applied.contains(Schema.identifiers[0]) {
            return "not an abmboard store (another program's migrations: \(applied.prefix(3).joined(separator: ", ")))"
        }
        if applied.contains(where: { !known.contains($0) }) {
            return "written by a newer abmboard (schema version \(applied.count)); this one reads up to version "
                + "\(Schema.versions): install the newer abmboard"
        }
        return nil
    }

    /// Whether opening failed only because another process is creating the same store: the
    /// WAL switch met its lock, or its schema appeared between our check and our migration.
    private static func isCreationRace(_ error: DatabaseError) -> Bool {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return true
        case .SQLITE_ERROR: return error.message?.contains("already exists") ?? false
        default: return false
        }
    }

    /// The current revision (`meta.revision`).
    public func revision() throws(StoreError) -> Int64 {
        try read { db in try SQLiteStore.revision(db) }
    }

    /// The revision as seen by `db`'s transaction.
    static func revision(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'revision'") ?? 0
    }

    /// A read in one consistent snapshot, with errors turned into `StoreError`.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try SQLiteStore.read(pool, location: name, body)
    }

    /// A read in one consistent snapshot of `pool` (from any thread).
    static func read<T>(_ pool: DatabasePool, location: String, _ body: (Database) throws -> T) throws(StoreError) -> T
    {
        do {
            return try pool.read(body)
        } catch {
            throw storeError(error, location: location)
        }
    }

    /// `error` as the store reports it: a damaged file says so and what to do.
    static func storeError(_ error: any Error, location: String) -> StoreError {
        switch error {
        case let error as StoreError: return error
        case let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB:
            return .incompatible(location: location, reason: "damaged: restore from a backup")
        default: return .database("\(error)")
        }
    }

    /// A write transaction that starts by taking the write lock (BEGIN IMMEDIATE, waiting up to
    /// the busy timeout), so that what it reads cannot change before it writes. `body` returns
    /// its result and the accounts it changed; when it changed any, the revision moves on.
    func write<T>(_ body: (Database) throws -> (T, changed: [Int32])) throws(StoreError) -> T {
        do {
            return try pool.writeWithoutTransaction { db -> T in
                var result: T?
                try db.inTransaction(.immediate) {
                    let (value, changed) = try body(db)
                    result = value
                    if !changed.isEmpty { try bumpRevision(db, changed: changed) }
                    return .commit
                }
                guard let result else { throw StoreError.database("a write returned no result") }
                return result
            }
        } catch {
            throw SQLiteStore.storeError(error, location: name)
        }
    }

    /// Moves the revision on and notes which accounts changed in it.
    private func bumpRevision(_ db: Database, changed: [Int32]) throws {
        try db.execute(sql: "UPDATE meta SET value = value + 1 WHERE key = 'revision'")
        let revision = try SQLiteStore.revision(db)
        let insert = try db.makeStatement(
            sql: "INSERT OR IGNORE INTO changed_account (revision, account) VALUES (?, ?)")
        for account in Set(changed) { try insert.execute(arguments: [revision, account]) }
    }

    /// The accounts changed after revision `since`, by number (for reloading only what changed).
    public func accountsChanged(since: Int64) throws(StoreError) -> [String] {
        try read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT a.account_id FROM changed_account c JOIN account a ON a.number = c.account
                    WHERE c.revision > ? ORDER BY a.account_id
                    """, arguments: [since])
        }
    }

    /// The ids an import may refer to.
    public func catalog() throws(StoreError) -> ImportCatalog {
        try read { db in
            var accounts: [String: Int32] = [:]
            let accountRows = try Row.fetchCursor(db, sql: "SELECT account_id, number FROM account")
            while let row = try accountRows.next() { accounts[row[0]] = row[1] }
            var contacts: [String: ImportCatalog.ContactEntry] = [:]
            let contactRows = try Row.fetchCursor(db, sql: "SELECT contact_id, number, account FROM contact")
            while let row = try contactRows.next() {
                contacts[row[0]] = ImportCatalog.ContactEntry(number: row[1], account: row[2])
            }
            return ImportCatalog(accounts: accounts, contacts: contacts)
        }
    }

    /// The stored account, or `unknownAccount` with the closest ids.
    func storedAccount(_ db: Database, id: String) throws -> StoredAccount {
        if let stored = try StoredAccount.fetch(db, id: id) { return stored }
        let ids = try String.fetchAll(db, sql: "SELECT account_id FROM account")
        throw StoreError.unknownAccount(id: id, suggestions: Suggestions.closest(to: id, among: ids))
    }

    /// Checks the whole file (`PRAGMA integrity_check`); "ok" when sound.
    public func integrityCheck() throws(StoreError) -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }

    /// Row counts per table, for tests and `abmboard` diagnostics.
    public func rowCounts() throws(StoreError) -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for table in ["account", "contact", "touch_key", "touch_block", "intent_block", "opportunity", "history"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            counts["touches"] = try Int.fetchOne(db, sql: "SELECT coalesce(sum(touches), 0) FROM touch_block") ?? 0
            counts["intent"] = try Int.fetchOne(db, sql: "SELECT coalesce(sum(records), 0) FROM intent_block") ?? 0
            return counts
        }
    }
}
