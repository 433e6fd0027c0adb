import ABMStore
import Foundation
import GRDB

/// What `abmboard db check` found in a store.
public struct StoreCheck: Sendable, Hashable {
    /// `PRAGMA integrity_check`'s lines: `["ok"]` when the file is sound.
    public var integrity: [String]
    /// The migrations the file has, and how many this abmboard knows.
    public var schemaVersion: Int
    /// The schema version this abmboard writes.
    public var currentVersion: Int
    /// Accounts stored.
    public var accounts: Int
    /// The store's revision (committed changes).
    public var revision: Int64

    /// Whether the file is sound.
    public var isSound: Bool { integrity == ["ok"] }
}

extension SQLiteStore {
    /// Copies the store to a new file at `path` with SQLite's online backup: a consistent copy
    /// of one moment, taken while others go on reading and writing. The copy is written beside
    /// its destination and renamed into place only when complete, so a failed backup leaves no
    /// half-written file; an existing file is never overwritten.
    public func backup(to path: String) throws(StoreError) {
        if FileManager.default.fileExists(atPath: path) {
            throw .notPermitted("\(path) exists already: choose another name, or move it away first")
        }
        let partial = path + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            try StoreFile.createPrivate(at: partial)
            let destination = try DatabaseQueue(path: partial)
            try pool.backup(to: destination)
            try destination.close()
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw .database("the backup to \(path) failed, and nothing was written: \(error)")
        }
        guard rename(partial, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: partial)
            throw .database("the backup could not be put at \(path): \(reason)")
        }
    }

    /// The file's integrity (`PRAGMA integrity_check`), its schema version and a few counts.
    public func check() throws(StoreError) -> StoreCheck {
        try read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let applied = try Schema.migrator.appliedMigrations(db)
            return StoreCheck(
                integrity: integrity, schemaVersion: applied.count, currentVersion: Schema.versions,
                accounts: try Int.fetchOne(db, sql: "SELECT count(*) FROM account") ?? 0,
                revision: try SQLiteStore.revision(db))
        }
    }
}

/// Store files that are private by default.
enum StoreFile {
    /// Creates an empty file at `path` with the user's umask and never writable by others
    /// (SQLite gives its `-wal` and `-shm` files the same mode).
    static func createPrivate(at path: String) throws(StoreError) {
        let mask = umask(0)
        umask(mask)
        let mode = mode_t(0o666) & ~mask & ~mode_t(0o002)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else {
            throw .database("\(path) could not be created: \(String(cString: strerror(errno)))")
        }
        // The umask may leave other bits; world-writable never.
        fchmod(descriptor, mode)
        close(descriptor)
    }
}
