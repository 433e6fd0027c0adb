import ABMPostgresStore
import ABMStore
import ArgumentParser

/// `abmboard db migrate`: creates or upgrades a team store's schema.
public struct DatabaseCommand: ParsableCommand {
    /// Name, help and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Manage a team store's database (PostgreSQL).",
        subcommands: [MigrateCommand.self])

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
