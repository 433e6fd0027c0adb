import ABMStore
import Foundation
import PostgresNIO

/// Creates and upgrades the team store's schema (`abmboard db migrate`), and reads which
/// version a database holds.
public enum PostgresMigrator {
    /// A schema version and the abmboard that made it.
    struct Version: Sendable {
        var number: Int
        var abmboard: String
    }

    /// What a migration did: the version before (0: none) and after.
    public struct Outcome: Sendable, Hashable {
        /// The version before.
        public var from: Int
        /// The version after.
        public var to: Int
    }

    /// Brings the database at `location` to the latest schema, each migration in a transaction
    /// of its own, under an advisory lock so that two migrations never run at once.
    /// `abmboardVersion` is recorded with each (a newer schema names it when an older abmboard
    /// meets it).
    /// - Throws: `StoreError.incompatible` for a schema newer than this abmboard's,
    ///   `.notPermitted` when the login may not create it, `.unavailable` without a server.
    public static func migrate(location: PostgresLocation, abmboardVersion: String) throws(StoreError) -> Outcome {
        let link = PostgresLink(location: location)
        defer { link.close() }
        let name = location.redacted
        do {
            return try Blocking.run {
                let connection = try await link.open()
                let logger = PostgresLink.logger
                try await connection.query("SELECT pg_advisory_lock(4242001)", logger: logger)
                do {
                    let outcome = try await migrate(connection, name: name, abmboardVersion: abmboardVersion)
                    try await connection.query("SELECT pg_advisory_unlock(4242001)", logger: logger)
                    return outcome
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    _ = try? await connection.query("SELECT pg_advisory_unlock(4242001)", logger: logger)
                    throw error
                }
            }
        } catch {
            throw PostgresFailure.query(error, location: location)
        }
    }

    private static func migrate(_ connection: PostgresConnection, name: String, abmboardVersion: String) async throws
        -> Outcome
    {
        let logger = PostgresLink.logger
        let before = try await installedVersion(connection)?.number ?? 0
        if before > PostgresSchema.latest {
            throw StoreError.incompatible(
                location: name,
                reason: "its schema is version \(before), newer than this abmboard's \(PostgresSchema.latest)")
        }
        var version = before
        while version < PostgresSchema.latest {
            let migration = PostgresSchema.migrations[version]
            try await connection.query("BEGIN", logger: logger)
            for statement in SQLScript.statements(PostgresSchema.bookkeeping + "\n" + migration.sql) {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            let number = version + 1
            try await connection.query(
                """
                INSERT INTO abmboard.migration (version, name, abmboard_version)
                VALUES (\(number), \(migration.name), \(abmboardVersion))
                """, logger: logger)
            try await connection.query("COMMIT", logger: logger)
            version = number
        }
        return Outcome(from: before, to: version)
    }

    /// The schema's version in the database, or `nil` when it has none.
    static func installedVersion(_ link: PostgresLink) throws(StoreError) -> Version? {
        do {
            return try Blocking.run {
                try await installedVersion(try await link.open())
            }
        } catch {
            throw PostgresFailure.query(error, location: link.location)
        }
    }

    private static func installedVersion(_ connection: PostgresConnection) async throws -> Version? {
        let logger = PostgresLink.logger
        var exists = false
        for try await found in try await connection.query(
            "SELECT to_regclass('abmboard.migration') IS NOT NULL", logger: logger
        ).decode(Bool.self) {
            exists = found
        }
        guard exists else { return nil }
        for try await (number, made) in try await connection.query(
            "SELECT version, abmboard_version FROM abmboard.migration ORDER BY version DESC LIMIT 1", logger: logger
        ).decode((Int32, String).self) {
            return Version(number: Int(number), abmboard: made)
        }
        return nil
    }
}
