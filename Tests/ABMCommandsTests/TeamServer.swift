// The PostgreSQL test server as the binary's tests see it: a database per test, made with psql
// and migrated with `abmboard db migrate`, and members added with `abmboard members add`.

import Foundation
import Testing

/// The PostgreSQL server `scripts/test.sh` (and `.ci/run`) start, from `ABMBOARD_TEST_PG_*`.
/// Without one the team-store tests fail: they are never skipped.
enum TeamServer {
    /// Where the server is and its owner's login.
    struct Settings {
        var host: String
        var port: Int
        var owner: String
        var password: String
    }

    /// The server's settings from the environment.
    static func settings() throws -> Settings {
        let environment = ProcessInfo.processInfo.environment
        guard let host = environment["ABMBOARD_TEST_PG_HOST"], let portText = environment["ABMBOARD_TEST_PG_PORT"],
            let port = Int(portText), let owner = environment["ABMBOARD_TEST_PG_OWNER"],
            let password = environment["ABMBOARD_TEST_PG_PASSWORD"]
        else {
            throw Missing()
        }
        return Settings(host: host, port: port, owner: owner, password: password)
    }

    /// Runs one statement with psql as the owner (or `user`); throws when the owner's fails.
    @discardableResult
    static func psql(
        _ sql: String, database: String = "postgres", user: String? = nil, password: String? = nil,
        on given: Settings? = nil
    ) throws -> (status: Int32, output: String, error: String) {
        let server = try given ?? settings()
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
        if user == nil && result.0 != 0 { throw Failed(message: "psql: \(result.2)") }
        return result
    }

    /// No test server in the environment.
    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "no PostgreSQL test server: run the tests with scripts/test.sh (it starts one), or export ABMBOARD_TEST_PG_HOST, _PORT, _OWNER and _PASSWORD"
        }
    }

    /// psql or the binary failed while setting up.
    struct Failed: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// A database made for one test with abmboard's schema, dropped (with its members' logins)
/// when the test lets go of it.
final class TeamDatabase {
    /// The database's name.
    let name: String
    private let server: TeamServer.Settings
    private var logins: [String] = []

    /// Creates the database on `server` (default: the test server) and migrates it with the
    /// binary at `binary`.
    init(binary: String, server given: TeamServer.Settings? = nil) throws {
        server = try given ?? TeamServer.settings()
        name = "abmcli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try TeamServer.psql("CREATE DATABASE \(name)", on: server)
        let migrate = try Self.run(binary, ["db", "migrate", "--db", url()])
        guard migrate.status == 0 else {
            throw TeamServer.Failed(message: "abmboard db migrate exited \(migrate.status): \(migrate.error)")
        }
    }

    deinit {
        _ = try? TeamServer.psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: server)
        for login in logins { _ = try? TeamServer.psql("DROP ROLE IF EXISTS \(login)", on: server) }
    }

    /// The database's URL for a login (the owner's by default), with its password.
    func url(login: String? = nil, password: String? = nil, sslMode: String = "disable") -> String {
        "postgres://\(login ?? server.owner):\(password ?? server.password)@\(server.host):\(server.port)/\(name)"
            + "?sslmode=\(sslMode)"
    }

    /// How abmboard shows the owner's URL (no password): what a header names the store by.
    var shown: String {
        "postgres://\(server.owner)@\(server.host):\(server.port)/\(name)?sslmode=disable"
    }

    /// The URL with a password that is wrong.
    var urlWithWrongPassword: String { url(password: "not-the-password") }

    /// Adds a member through `abmboard members add` as the owner; returns the member's URL.
    /// The login is made unique to this database (logins are the whole server's).
    func addMember(binary: String, person: String, role: String) throws -> String {
        let login = "\(name)_\(person)".lowercased()
        let password = "pw-\(login)"
        let add = try Self.run(
            binary, ["members", "add", login, "--person", person, "--role", role, "--password-stdin", "--db", url()],
            input: password + "\n")
        guard add.status == 0 else {
            throw TeamServer.Failed(message: "abmboard members add exited \(add.status): \(add.error)")
        }
        logins.append(login)
        return url(login: login, password: password)
    }

    /// Runs `binary ARGUMENTS` with `input` on its standard input.
    static func run(_ binary: String, _ arguments: [String], input: String = "") throws
        -> (status: Int32, output: String, error: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let stdin = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = stdin
        process.standardOutput = output
        process.standardError = error
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self)
        )
    }
}

/// A PostgreSQL cluster of one test's own (scripts/pg-cluster.sh in a new folder), for the tests
/// that stop and start the server, which the shared test server must never be.
final class PrivateCluster {
    /// The cluster's folder.
    let directory: String
    /// Where it listens and its owner's login.
    let settings: TeamServer.Settings
    private let script: String

    /// Starts a new cluster.
    init() throws {
        script =
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/pg-cluster.sh").path
        var template = Array("/tmp/abmpgt.XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw TeamServer.Failed(message: "mkdtemp failed") }
        directory = String(cString: made)
        let started = try Self.bash([script, "start", directory])
        guard started.status == 0 else {
            throw TeamServer.Failed(message: "pg-cluster.sh start: \(started.error)")
        }
        let environment = try String(contentsOfFile: directory + "/env", encoding: .utf8)
        var values: [String: String] = [:]
        for line in environment.split(separator: "\n") where line.hasPrefix("export ") {
            let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1)
            if pair.count == 2 { values[String(pair[0])] = String(pair[1]) }
        }
        guard let host = values["ABMBOARD_TEST_PG_HOST"], let port = values["ABMBOARD_TEST_PG_PORT"].flatMap(Int.init),
            let owner = values["ABMBOARD_TEST_PG_OWNER"], let password = values["ABMBOARD_TEST_PG_PASSWORD"]
        else {
            throw TeamServer.Failed(message: "pg-cluster.sh wrote no settings to \(directory)/env")
        }
        settings = TeamServer.Settings(host: host, port: port, owner: owner, password: password)
    }

    deinit {
        _ = try? Self.bash([script, "stop", directory])
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Stops the server (fast shutdown: every connection is cut).
    func stopServer() throws {
        let stopped = try Self.bash([script, "stop", directory])
        guard stopped.status == 0 else { throw TeamServer.Failed(message: "pg-cluster.sh stop: \(stopped.error)") }
    }

    /// Starts the stopped server again, on the same port.
    func resumeServer() throws {
        let resumed = try Self.bash([script, "resume", directory])
        guard resumed.status == 0 else {
            throw TeamServer.Failed(message: "pg-cluster.sh resume: \(resumed.error)")
        }
    }

    /// Runs bash with `arguments`, through `Spawn` rather than `Process`: the server the script
    /// starts would keep `Process`'s socket open, and the script would never be seen to end.
    private static func bash(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let base = NSTemporaryDirectory() + "/abmboard-pg-cluster-\(UUID().uuidString)"
        let (output, error) = (base + ".out", base + ".err")
        defer {
            try? FileManager.default.removeItem(atPath: output)
            try? FileManager.default.removeItem(atPath: error)
        }
        let status = try Spawn.run(
            "/bin/bash", arguments, environment: ProcessInfo.processInfo.environment, output: output, error: error,
            timeout: 120)
        return (
            status, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "",
            (try? String(contentsOfFile: error, encoding: .utf8)) ?? ""
        )
    }
}
