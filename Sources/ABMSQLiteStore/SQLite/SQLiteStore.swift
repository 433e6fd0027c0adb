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
                let opened = try DatabasePool(path: path, configuration: configuration)
                try Schema.migrator.migrate(opened)
                pool = opened
                break
            } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
                throw .incompatible(location: path, reason: "it is not an SQLite database")
            } catch let error as DatabaseError where SQLiteStore.isCreationRace(error) && attempt < 100 {
                attempt += 1
                usleep(50_000)
            } catch {
                throw .database("\(path): \(error)")
            }
        }
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
        try SQLiteStore.read(pool, body)
    }

    /// A read in one consistent snapshot of `pool` (from any thread).
    static func read<T>(_ pool: DatabasePool, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database("\(error)")
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
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database("\(error)")
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
