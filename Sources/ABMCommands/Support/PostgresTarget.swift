import ABMPostgresStore
import ABMStore
import Foundation

/// Opening a team store from a `--db postgres://…` value and libpq's environment.
enum PostgresTarget {
    /// Whether the value names a PostgreSQL database.
    static func isPostgres(_ value: String) -> Bool { PostgresLocation.isPostgres(value) }

    /// The location the URL and the environment give.
    /// - Throws: `CommandFailure` (64) for a malformed URL.
    static func location(url: String) throws -> PostgresLocation {
        let environment = ProcessInfo.processInfo.environment
        do {
            return try PostgresLocation.resolve(
                url, environment: environment, pgpassContents: PostgresLocation.pgpassContents(environment: environment)
            )
        } catch {
            throw CommandFailure(error.description, status: CommandFailure.usage)
        }
    }

    /// Opens the store at the URL.
    static func open(url: String) throws -> PostgresStore {
        try PostgresStore(location: try location(url: url))
    }
}
