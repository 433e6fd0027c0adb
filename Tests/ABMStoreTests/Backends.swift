import ABMCore
import ABMStore
import Foundation
import Testing

@testable import ABMPostgresStore
@testable import ABMSQLiteStore

/// The stores one suite runs against: every store test takes both (SPEC: one suite, two backends).
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    /// Both backends, for `@Test(arguments:)`.
    static let all = allCases

    var testDescription: String { rawValue }
}

/// What the store tests read besides the protocol.
protocol TestableStore: ProgrammeStore {
    /// Row counts per table (and `touches`, `intent`: records inside the blocks).
    func rowCounts() throws(StoreError) -> [String: Int]
    /// The accounts changed after a revision.
    func accountsChanged(since: Int64) throws(StoreError) -> [String]
    /// "ok" when the store is sound.
    func integrityCheck() throws(StoreError) -> String
}

extension SQLiteStore: TestableStore {}
extension PostgresStore: TestableStore {}

/// The PostgreSQL server the tests use: `scripts/test.sh` (and `.ci/run`) start a throwaway
/// cluster and export where it is. Without one the PostgreSQL tests fail: they are never skipped.
enum PostgresTestServer {
    /// A database made for one test, dropped when the test ends.
    final class Database: @unchecked Sendable {
        let name: String
        let location: PostgresLocation

        init(name: String, location: PostgresLocation) {
            self.name = name
            self.location = location
        }

        /// Drops the database (closing whatever is still connected).
        func drop() {
            _ = try? PostgresTestServer.psql("DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
        }
    }

    /// The server's settings from the environment.
    static func settings() throws -> (host: String, port: Int, owner: String, password: String) {
        let environment = ProcessInfo.processInfo.environment
        guard let host = environment["ABMBOARD_TEST_PG_HOST"], let portText = environment["ABMBOARD_TEST_PG_PORT"],
            let port = Int(portText), let owner = environment["ABMBOARD_TEST_PG_OWNER"],
            let password = environment["ABMBOARD_TEST_PG_PASSWORD"]
        else {
            throw TestServerMissing()
        }
        return (host, port, owner, password)
    }

    /// Creates a new database with abmboard's schema, owned by the cluster's owner.
    static func newDatabase() throws -> Database {
        let server = try settings()
        let name = "abmtest_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try psql("CREATE DATABASE \(name)")
        let location = PostgresLocation(
            host: server.host, port: server.port, user: server.owner, database: name, password: server.password,
            sslMode: .disable, rootCertificate: nil)
        _ = try PostgresMigrator.migrate(location: location, abmboardVersion: "test")
        return Database(name: name, location: location)
    }

    /// Runs one statement with psql as the owner, on the `postgres` database.
    @discardableResult
    static func psql(_ sql: String, database: String = "postgres", user: String? = nil, password: String? = nil)
        throws -> (status: Int32, output: String, error: String)
    {
        let server = try settings()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", server.host, "-p", String(server.port), "-U",
            user ?? server.owner, "-d", database, "-c", sql,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["PGPASSWORD"] = password ?? server.password
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let result = (
            process.terminationStatus,
            String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
            String(decoding: err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        )
        if user == nil && result.0 != 0 { throw PsqlFailed(message: result.2) }
        return result
    }

    /// No test server in the environment.
    struct TestServerMissing: Error, CustomStringConvertible {
        var description: String {
            "no PostgreSQL test server: run the tests with scripts/test.sh (it starts one), or export ABMBOARD_TEST_PG_HOST, _PORT, _OWNER and _PASSWORD"
        }
    }

    /// psql failed.
    struct PsqlFailed: Error, CustomStringConvertible {
        var message: String
        var description: String { "psql failed: \(message)" }
    }
}
