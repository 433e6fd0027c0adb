import ABMCore
import ABMImport
import ABMStore
import Foundation
import Logging
import PostgresNIO

/// The team store: the programme in a PostgreSQL database, for a team on many machines. Writes
/// go through the database's own functions, which check the member's role and stamp "now" with
/// the server's clock; every committed change sends `NOTIFY abmboard` with the new revision.
public final class PostgresStore: ProgrammeStore, @unchecked Sendable {
    /// The database, as `postgres://user@host:port/db` (never with a password).
    public let name: String
    let link: PostgresLink
    /// A clock that replaces the server's for "now" stamps (tests only); `nil`: the server's.
    let clock: (@Sendable () -> Instant)?
    static var logger: Logger { PostgresLink.logger }

    /// Opens the database at `location`, which must hold abmboard's schema at a version this
    /// abmboard reads.
    /// - Throws: `StoreError.noStore` without the schema, `.incompatible` for a newer one,
    ///   `.unavailable` when the server cannot be reached.
    public init(location: PostgresLocation, clock: (@Sendable () -> Instant)? = nil) throws(StoreError) {
        name = location.redacted
        link = PostgresLink(location: location)
        self.clock = clock
        let version = try PostgresMigrator.installedVersion(link)
        guard let version else { throw .noStore(location: name) }
        if version.number > PostgresSchema.latest {
            throw .incompatible(
                location: name,
                reason:
                    "its schema is version \(version.number), made by abmboard \(version.abmboard); this abmboard reads versions up to \(PostgresSchema.latest): use abmboard \(version.abmboard) or later"
            )
        }
        if version.number < PostgresSchema.latest {
            throw .incompatible(
                location: name,
                reason:
                    "its schema is version \(version.number), older than this abmboard's \(PostgresSchema.latest): the database's owner runs abmboard db migrate"
            )
        }
    }

    deinit {
        link.close()
    }

    /// Who this store records as: the session's member, by the database.
    public func member() throws(StoreError) -> StoreMember? {
        try read { connection in
            let rows = try await connection.query("SELECT person, role FROM abmboard.me()", logger: Self.logger)
            for try await (person, role) in rows.decode((String, String).self) {
                return StoreMember(person: person, role: role)
            }
            throw StoreError.database("abmboard.me() gave no row")
        }
    }

    /// The current revision.
    public func revision() throws(StoreError) -> Int64 {
        try run { connection in try await Self.revision(connection) }
    }

    /// The revision as the connection's transaction sees it.
    static func revision(_ connection: PostgresConnection) async throws -> Int64 {
        let rows = try await connection.query(
            "SELECT value FROM abmboard.meta WHERE key = 'revision'", logger: logger)
        for try await value in rows.decode(Int64.self) { return value }
        return 0
    }

    /// The ids an import may refer to.
    public func catalog() throws(StoreError) -> ImportCatalog {
        try read { connection in
            // Each table as three arrays in one row (fed from one scan, so in the same order):
            // hundreds of thousands of contacts decode several times faster than as rows.
            var accounts: [String: Int32] = [:]
            for try await (ids, numbers) in try await connection.query(
                """
                SELECT coalesce(array_agg(account_id), '{}'), coalesce(array_agg(number), '{}')
                FROM abmboard.account
                """, logger: Self.logger
            ).decode(([String], [Int32]).self) {
                accounts.reserveCapacity(ids.count)
                for (id, number) in zip(ids, numbers) { accounts[id] = number }
            }
            var contacts: [String: ImportCatalog.ContactEntry] = [:]
            for try await (ids, numbers, owners) in try await connection.query(
                """
                SELECT coalesce(array_agg(contact_id), '{}'), coalesce(array_agg(number), '{}'),
                    coalesce(array_agg(account), '{}')
                FROM abmboard.contact
                """, logger: Self.logger
            ).decode(([String], [Int32], [Int32]).self) {
                contacts.reserveCapacity(ids.count)
                for index in ids.indices where index < numbers.count && index < owners.count {
                    contacts[ids[index]] = ImportCatalog.ContactEntry(number: numbers[index], account: owners[index])
                }
            }
            return ImportCatalog(accounts: accounts, contacts: contacts)
        }
    }

    /// Runs `body` on the connection outside a transaction.
    func run<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws(StoreError) -> T {
        let link = self.link
        // One connection, one transaction at a time: callers on other threads wait their turn.
        link.turn.lock()
        defer { link.turn.unlock() }
        do {
            return try Blocking.run {
                let connection = try await link.open()
                return try await body(connection)
            }
        } catch {
            throw failure(error)
        }
    }

    /// Runs `body` in one read-only snapshot (REPEATABLE READ).
    func read<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws(StoreError) -> T {
        try transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    /// Runs `body` in one write transaction, whole or not at all.
    func write<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws(StoreError) -> T
    {
        try transaction(begin: "BEGIN", body)
    }

    private func transaction<T: Sendable>(
        begin: String, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) throws(StoreError) -> T {
        try run { connection in
            try await connection.query(PostgresQuery(unsafeSQL: begin), logger: Self.logger)
            do {
                let result = try await body(connection)
                try await connection.query("COMMIT", logger: Self.logger)
                return result
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: Self.logger)
                throw error
            }
        }
    }

    /// A failure in the store's words; a lost connection is dropped so the next call reconnects.
    func failure(_ error: any Error) -> StoreError {
        let failure = PostgresFailure.query(error, location: link.location)
        // Anything but the server's answer to a statement may have left the connection broken:
        // drop it, so the next call connects again.
        let answered = (error as? PSQLError)?.serverInfo?[.sqlState] != nil || error is StoreError
        if PostgresFailure.isConnectionLost(failure) || !answered { link.drop() }
        return failure
    }

    /// The stamp of a record made now: the test clock, else the server's time read in the write.
    func now(server: Int64) -> Instant {
        clock?() ?? Instant(seconds: server)
    }

    /// Row counts per table, for tests.
    public func rowCounts() throws(StoreError) -> [String: Int] {
        try read { connection in
            var counts: [String: Int] = [:]
            for table in ["account", "contact", "touch_key", "touch_block", "intent_block", "opportunity", "history"] {
                for try await count in try await connection.query(
                    PostgresQuery(unsafeSQL: "SELECT count(*) FROM abmboard.\(table)"), logger: Self.logger
                ).decode(Int64.self) {
                    counts[table] = Int(count)
                }
            }
            for try await (touches, intent) in try await connection.query(
                """
                SELECT (SELECT coalesce(sum(touches), 0)::bigint FROM abmboard.touch_block),
                       (SELECT coalesce(sum(records), 0)::bigint FROM abmboard.intent_block)
                """, logger: Self.logger
            ).decode((Int64, Int64).self) {
                counts["touches"] = Int(touches)
                counts["intent"] = Int(intent)
            }
            return counts
        }
    }
}

/// Unknown-account errors with the closest ids, read on the same connection.
extension PostgresStore {
    /// `StoreError.unknownAccount` for `id`, with the closest ids in the store.
    static func unknownAccount(_ id: String, _ connection: PostgresConnection) async throws -> StoreError {
        var ids: [String] = []
        for try await stored in try await connection.query(
            "SELECT account_id FROM abmboard.account", logger: logger
        ).decode(String.self) {
            ids.append(stored)
        }
        return StoreError.unknownAccount(id: id, suggestions: Suggestions.closest(to: id, among: ids))
    }
}
