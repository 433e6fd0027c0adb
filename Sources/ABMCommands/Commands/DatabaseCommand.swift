import ABMPostgresStore
import ABMSQLiteStore
import ABMStore
import ArgumentParser

/// `abmboard db`: a store's upkeep — a PostgreSQL schema's migrations, a SQLite file's backup
/// and check.
public struct DatabaseCommand: ParsableCommand {
    /// Name, help and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Back up or check a SQLite store; migrate a PostgreSQL schema.",
        subcommands: [BackupCommand.self, CheckCommand.self, MigrateCommand.self])

    /// Creates the command (argument-parser fills it in).
    public init() {}
}

/// `abmboard db migrate --db postgres://…`: brings the schema to this abmboard's version.
public struct MigrateCommand: ParsableCommand {
    /// Name and help.
    public static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or upgrade the abmboard schema in a PostgreSQL database (as the database's owner).",
        discussion: """
            Each migration runs in a transaction of its own; running it again changes nothing. A \
            database made by a newer abmboard is refused with the version it needs.
            """)

    /// Store, playbook, as-of.
    @OptionGroup public var global: GlobalOptions

    /// Creates the command (argument-parser fills it in).
    public init() {}

    /// Migrates and says what it did.
    public func run() throws {
        guard case .postgres(let url) = global.storeTarget else {
            throw CommandFailure(
                "db migrate is for a PostgreSQL store: give --db postgres://USER@HOST:PORT/DATABASE (a SQLite file is migrated when opened)",
                status: CommandFailure.usage)
        }
        let location = try PostgresTarget.location(url: url)
        let outcome = try PostgresMigrator.migrate(location: location, abmboardVersion: AbmboardCommand.version)
        if outcome.from == outcome.to {
            writeOutput("\(location.redacted): the schema is at version \(outcome.to) already\n")
        } else {
            writeOutput("\(location.redacted): the schema moved from version \(outcome.from) to \(outcome.to)\n")
        }
    }
}

/// The SQLite store `global` names, opened as it is (never created); a PostgreSQL store is
/// refused with `why`.
private func openSQLite(_ global: GlobalOptions, for command: String, postgres why: String) throws -> SQLiteStore {
    switch global.storeTarget {
    case .postgres: throw CommandFailure("db \(command) is for a SQLite store; \(why)", status: CommandFailure.usage)
    case .sqlite(let path):
        do {
            return try SQLiteStore(path: path, create: false)
        } catch .incompatible(let location, let reason) {
            // Not a store, damaged, or a newer abmboard's: bad data, as SPEC §7.9 counts it.
            throw CommandFailure(
                StoreErrorText.line(.incompatible(location: location, reason: reason)), status: CommandFailure.badData)
        }
    }
}

/// `abmboard db backup FILE`: a consistent copy of the store, taken while others work.
public struct BackupCommand: ParsableCommand {
    /// Name and help.
    public static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the store to FILE with SQLite's online backup (consistent while others mark and import).",
        discussion: """
            FILE must not exist. The copy is written beside it and renamed into place when \
            complete, so a failed backup leaves nothing behind. To restore: stop the boards, \
            move the store away and put the backup in its place (abmboard db check it first).
            """)

    /// Store, playbook, as-of.
    @OptionGroup public var global: GlobalOptions
    /// Where the copy goes.
    @Argument(help: "The backup file to write (it must not exist).") public var file: String

    /// Creates the command (argument-parser fills it in).
    public init() {}

    /// Backs up and says where.
    public func run() throws {
        let store = try openSQLite(
            global, for: "backup", postgres: "back up a PostgreSQL store with pg_dump (pg_dump -Fc DATABASE > FILE)")
        try store.backup(to: file)
        let check = try? SQLiteStore(path: file, create: false).check()
        writeOutput(
            "\(store.name): backed up to \(file)"
                + (check.map { " (\($0.accounts) accounts, revision \($0.revision))" } ?? "")
                + "\n")
    }
}

/// `abmboard db check`: the store file's integrity and schema version.
public struct CheckCommand: ParsableCommand {
    /// Name and help.
    public static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the store file's integrity (PRAGMA integrity_check) and schema version.",
        discussion: "Exits 0 when the file is sound, 65 when it is damaged (restore it from a backup).")

    /// Store, playbook, as-of.
    @OptionGroup public var global: GlobalOptions

    /// Creates the command (argument-parser fills it in).
    public init() {}

    /// Checks and reports.
    public func run() throws {
        let store = try openSQLite(global, for: "check", postgres: "PostgreSQL checks its own pages (see amcheck)")
        let check: StoreCheck
        do {
            check = try store.check()
        } catch {
            throw CommandFailure(StoreErrorText.line(error), status: CommandFailure.badData)
        }
        guard check.isSound else {
            let problems = check.integrity.prefix(5).joined(separator: "; ")
            throw CommandFailure(
                "\(store.name): damaged: restore from a backup (\(problems))", status: CommandFailure.badData)
        }
        writeOutput(
            "\(store.name): ok · integrity ok · schema version \(check.schemaVersion) of \(check.currentVersion) · "
                + "\(check.accounts) accounts · revision \(check.revision)\n")
    }
}
