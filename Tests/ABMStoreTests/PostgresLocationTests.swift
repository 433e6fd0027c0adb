// PostgresLocation: a `postgres://` URL resolved with libpq's conventions (query, URL,
// environment, defaults, pgpass), and every message and description without the password.

import Foundation
import Testing

@testable import ABMPostgresStore

/// `PostgresLocation.resolve`: precedence, defaults, decoding, sslmodes, pgpass and errors.
@Suite("resolving a postgres:// URL")
struct PostgresLocationTests {
    /// An environment with a login user and nothing of libpq's.
    static let bare = ["USER": "dana", "HOME": "/nonexistent"]

    /// Resolves with the bare environment plus `extra`, and an optional pgpass.
    private func resolve(
        _ url: String?, _ extra: [String: String] = [:], pgpass: String? = nil
    ) throws(PostgresLocationError) -> PostgresLocation {
        try PostgresLocation.resolve(
            url, environment: Self.bare.merging(extra) { _, new in new }, pgpassContents: pgpass)
    }

    /// The error resolving gives, or `nil` when it resolves.
    private func failure(_ url: String?, _ extra: [String: String] = [:]) -> PostgresLocationError? {
        do {
            _ = try resolve(url, extra)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Parts and defaults

    /// One URL and the location it gives in the bare environment.
    struct Case: Sendable, CustomTestStringConvertible {
        var url: String
        var host: String
        var port: Int
        var user: String
        var database: String
        var password: String?
        var sslMode: PostgresLocation.SSLMode = .prefer
        var testDescription: String { url }
    }

    static let cases: [Case] = [
        Case(url: "postgres://", host: "localhost", port: 5432, user: "dana", database: "dana"),
        Case(url: "postgresql://", host: "localhost", port: 5432, user: "dana", database: "dana"),
        Case(url: "postgres://db.example.com", host: "db.example.com", port: 5432, user: "dana", database: "dana"),
        Case(url: "postgres://tom@db:6543/abm", host: "db", port: 6543, user: "tom", database: "abm"),
        Case(
            url: "postgres://tom:s3cret@db/abm", host: "db", port: 5432, user: "tom", database: "abm",
            password: "s3cret"),
        Case(url: "postgres://:s3cret@db/", host: "db", port: 5432, user: "dana", database: "dana", password: "s3cret"),
        Case(url: "postgres://db:/abm", host: "db", port: 5432, user: "dana", database: "abm"),
        Case(url: "postgres://[::1]:7000/abm", host: "::1", port: 7000, user: "dana", database: "abm"),
        Case(url: "postgres://[fe80::1%25eth0]/abm", host: "fe80::1%eth0", port: 5432, user: "dana", database: "abm"),
        // Percent-encoding: user, password, host and database.
        Case(
            url: "postgres://dana%40corp:p%40ss%3Aw%2Fd%25@db/abm%20board", host: "db", port: 5432,
            user: "dana@corp", database: "abm board", password: "p@ss:w/d%"),
        Case(
            url: "postgres://%C3%A9lodie@db/caf%C3%A9", host: "db", port: 5432, user: "élodie", database: "café"),
        // Unencoded characters libpq's grammar still reads.
        Case(
            url: "postgres://tom:pa?ss@db/abm", host: "db", port: 5432, user: "tom", database: "abm", password: "pa?ss"),
        Case(
            url: "postgres://tom:pa:ss@db/abm", host: "db", port: 5432, user: "tom", database: "abm", password: "pa:ss"),
        // A Unix socket's folder: percent-encoded in the host, or in the host parameter.
        Case(
            url: "postgres://%2Frun%2Fpostgresql/abm", host: "/run/postgresql", port: 5432, user: "dana",
            database: "abm"),
        Case(url: "postgres:///abm?host=/tmp/pg%20dir", host: "/tmp/pg dir", port: 5432, user: "dana", database: "abm"),
        Case(url: "postgres://tom@%2Ftmp:6000", host: "/tmp", port: 6000, user: "tom", database: "tom"),
        // Query parameters win over the URL's parts.
        Case(
            url: "postgres://tom:a@db:1/abm?host=other&port=2&user=sam&dbname=x&password=b%26c", host: "other", port: 2,
            user: "sam", database: "x", password: "b&c"),
        Case(
            url: "postgres://db/abm?user=dana@example.com", host: "db", port: 5432, user: "dana@example.com",
            database: "abm"),
        Case(
            url: "postgres://db:5433/abm?sslmode=require&user=dana@example.com", host: "db", port: 5433,
            user: "dana@example.com", database: "abm", sslMode: .require),
        Case(
            url: "postgres://tom:pw@db:5433/abm?user=dana@example.com", host: "db", port: 5433,
            user: "dana@example.com", database: "abm", password: "pw"),
        Case(
            url: "postgres://db/abm?sslmode=disable&", host: "db", port: 5432, user: "dana", database: "abm",
            sslMode: .disable),
    ]

    @Test("a URL's parts, decoded, over the defaults", arguments: cases)
    func urlParts(_ expected: Case) throws {
        let location = try resolve(expected.url)
        #expect(location.host == expected.host)
        #expect(location.port == expected.port)
        #expect(location.user == expected.user)
        #expect(location.database == expected.database)
        #expect(location.password == expected.password)
        #expect(location.sslMode == expected.sslMode)
    }

    @Test("no URL and no environment: localhost:5432, the login user and its database, sslmode prefer")
    func defaults() throws {
        let location = try resolve(nil)
        #expect(
            location
                == PostgresLocation(
                    host: "localhost", port: 5432, user: "dana", database: "dana", password: nil, sslMode: .prefer))
    }

    @Test("the user comes from USER, else LOGNAME; with neither, an error says to give one")
    func loginUser() throws {
        #expect(try PostgresLocation.resolve(nil, environment: ["LOGNAME": "lee"], pgpassContents: nil).user == "lee")
        #expect(
            try PostgresLocation.resolve(nil, environment: ["USER": "kim", "LOGNAME": "lee"], pgpassContents: nil).user
                == "kim")
        #expect(
            try PostgresLocation.resolve(nil, environment: ["USER": "", "LOGNAME": "lee"], pgpassContents: nil).user
                == "lee")
        let error = #expect(throws: PostgresLocationError.self) {
            try PostgresLocation.resolve("postgres://db/abm", environment: [:], pgpassContents: nil)
        }
        #expect(
            error?.description
                == "--db \"postgres://db/abm\": no PostgreSQL user: give one in the URL (postgres://USER@HOST/DATABASE) or set PGUSER"
        )
        #expect(
            (try? PostgresLocation.resolve(nil, environment: [:], pgpassContents: nil)) == nil)
    }

    // MARK: Precedence

    static let libpqEnvironment = [
        "PGHOST": "envhost", "PGPORT": "6000", "PGUSER": "envuser", "PGDATABASE": "envdb", "PGPASSWORD": "envpw",
        "PGSSLMODE": "require", "PGSSLROOTCERT": "/etc/env.crt",
    ]

    @Test("the environment fills what the URL leaves out")
    func environmentFillsGaps() throws {
        let location = try resolve(nil, Self.libpqEnvironment)
        #expect(
            location
                == PostgresLocation(
                    host: "envhost", port: 6000, user: "envuser", database: "envdb", password: "envpw",
                    sslMode: .require, rootCertificate: "/etc/env.crt"))
        // The database defaults to the user from PGUSER, not the login.
        #expect(try resolve(nil, ["PGUSER": "envuser"]).database == "envuser")
    }

    @Test("the URL's parts win over the environment, and its query over its parts")
    func urlWinsOverEnvironment() throws {
        let location = try resolve("postgres://tom:urlpw@urlhost:7000/urldb?sslmode=disable", Self.libpqEnvironment)
        #expect(
            location
                == PostgresLocation(
                    host: "urlhost", port: 7000, user: "tom", database: "urldb", password: "urlpw", sslMode: .disable,
                    rootCertificate: "/etc/env.crt"))
        let query = try resolve("postgres://tom@urlhost/urldb?host=qhost&sslrootcert=/q.crt", Self.libpqEnvironment)
        #expect(query.host == "qhost")
        #expect(query.rootCertificate == "/q.crt")
        #expect(query.password == "envpw")
    }

    @Test("empty environment values count as unset")
    func emptyEnvironment() throws {
        let location = try resolve(nil, ["PGHOST": "", "PGPORT": "", "PGUSER": "", "PGSSLMODE": "", "PGPASSWORD": ""])
        #expect(location.host == "localhost")
        #expect(location.port == 5432)
        #expect(location.user == "dana")
        #expect(location.sslMode == .prefer)
        #expect(location.password == nil)
    }

    // MARK: sslmode

    @Test(
        "every sslmode, from the URL and from PGSSLMODE (allow reads as prefer, verify-ca as verify-full)",
        arguments: [
            ("disable", PostgresLocation.SSLMode.disable), ("allow", .prefer), ("prefer", .prefer),
            ("require", .require), ("verify-ca", .verifyFull), ("verify-full", .verifyFull),
        ])
    func sslModes(text: String, mode: PostgresLocation.SSLMode) throws {
        #expect(try resolve("postgres://db/abm?sslmode=\(text)").sslMode == mode)
        #expect(try resolve("postgres://db/abm", ["PGSSLMODE": text]).sslMode == mode)
        #expect(try resolve("postgres://db/abm?sslmode=\(text)", ["PGSSLMODE": "disable"]).sslMode == mode)
    }

    @Test("a bad sslmode names the accepted ones")
    func badSSLMode() {
        #expect(
            failure("postgres://tom:pw@db/abm?sslmode=strict")?.description
                == "--db \"postgres://tom@db/abm?sslmode=strict\": sslmode \"strict\" is not one of disable, allow, prefer, "
                + "require, verify-ca, verify-full")
        #expect(
            failure(nil, ["PGSSLMODE": "on"])?.description
                == "PGSSLMODE: sslmode \"on\" is not one of disable, allow, prefer, require, verify-ca, verify-full")
    }

    // MARK: pgpass

    static let pgpass = """
        # hostname:port:database:username:password
        db.example.com:5432:abm:dana:first
        db.example.com:5432:abm:dana:second
        *:6000:*:tom:any\\:host
        exact\\:host:5432:*:*:colon\\\\host
        \\*:5432:*:star:literal-star
        /run/postgresql:5432:*:*:socket
        *:*:*:sam:pw:trailing
        *:*:*:empty:
        short:line
        *:*:reporting:*:wild

        """

    @Test(
        "pgpass: first match wins, * matches anything, \\: and \\\\ are escapes, # lines skipped",
        arguments: [
            ("postgres://dana@db.example.com/abm", "first"),
            ("postgres://tom@anything:6000/whatever", "any:host"),
            ("postgres://tom@anything:6001/whatever", nil),
            ("postgres://lee@exact%3Ahost/x", "colon\\host"),
            ("postgres://star@%2A/x", "literal-star"),
            ("postgres://star@other/x", nil),
            ("postgres://lee@%2Frun%2Fpostgresql/x", "socket"),
            ("postgres://sam@h:1/d", "pw"),
            ("postgres://empty@h/d", nil),
            ("postgres://lee@h/reporting", "wild"),
            ("postgres://lee@h/other", nil),
            ("postgres://dana:given@db.example.com/abm", "given"),
        ] as [(String, String?)])
    func pgpassMatching(url: String, password: String?) throws {
        #expect(try resolve(url, pgpass: Self.pgpass).password == password)
    }

    @Test("pgpass is only read when no password was given: PGPASSWORD wins over it")
    func pgpassAfterPGPASSWORD() throws {
        #expect(
            try resolve("postgres://dana@db.example.com/abm", ["PGPASSWORD": "env"], pgpass: Self.pgpass).password
                == "env")
        // The match uses the resolved parts: host, port, database and user from the environment.
        let fromEnvironment = try resolve(
            nil, ["PGHOST": "db.example.com", "PGUSER": "dana", "PGDATABASE": "abm"], pgpass: Self.pgpass)
        #expect(fromEnvironment.password == "first")
        #expect(
            try resolve("postgres://dana@db.example.com/abm", pgpass: "db.example.com:5432:abm:dana:x\r\n").password
                == "x")
    }

    @Test("pgpassContents reads PGPASSFILE or ~/.pgpass, and ignores a file others may read")
    func pgpassFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(".pgpass")
        try "*:*:*:*:secret\n".write(to: file, atomically: true, encoding: .utf8)
        let manager = FileManager.default
        try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        #expect(PostgresLocation.pgpassContents(environment: ["PGPASSFILE": file.path]) == "*:*:*:*:secret\n")
        #expect(PostgresLocation.pgpassContents(environment: ["HOME": folder.path]) == "*:*:*:*:secret\n")
        let link = folder.appendingPathComponent("link")
        try manager.createSymbolicLink(at: link, withDestinationURL: file)
        #expect(PostgresLocation.pgpassContents(environment: ["PGPASSFILE": link.path]) == "*:*:*:*:secret\n")
        for mode in [0o640, 0o604, 0o644, 0o660] {
            try manager.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
            #expect(PostgresLocation.pgpassContents(environment: ["PGPASSFILE": file.path]) == nil)
        }
        #expect(PostgresLocation.pgpassContents(environment: ["PGPASSFILE": folder.path]) == nil)
        #expect(PostgresLocation.pgpassContents(environment: ["PGPASSFILE": folder.path + "/missing"]) == nil)
    }

    // MARK: Errors

    /// A URL (or environment) that cannot be resolved, and its one-line message.
    struct Bad: Sendable, CustomTestStringConvertible {
        var url: String?
        var environment: [String: String] = [:]
        var message: String
        var testDescription: String { url ?? "\(environment)" }
    }

    static let bad: [Bad] = [
        Bad(
            url: "postgres://x@h:99999/d",
            message: "--db \"postgres://x@h:99999/d\": port \"99999\" is not a port (1–65535)"),
        Bad(
            url: "postgres://x:hunter2@h:99999/d",
            message: "--db \"postgres://x@h:99999/d\": port \"99999\" is not a port (1–65535)"),
        Bad(url: "postgres://h:0/d", message: "--db \"postgres://h:0/d\": port \"0\" is not a port (1–65535)"),
        Bad(url: "postgres://h:+5/d", message: "--db \"postgres://h:+5/d\": port \"+5\" is not a port (1–65535)"),
        Bad(url: "postgres://h:54x/d", message: "--db \"postgres://h:54x/d\": port \"54x\" is not a port (1–65535)"),
        Bad(
            url: "postgres://h/d?port=-1",
            message: "--db \"postgres://h/d?port=-1\": port \"-1\" is not a port (1–65535)"),
        Bad(
            url: nil, environment: ["PGPORT": "fast"],
            message:
                "PGPORT: port \"fast\" is not a port (1–65535); set PGPORT to the server's port, or unset it for 5432"),
        Bad(
            url: "postgres://x:hunter2@h/d?sslmode=require&application_name=abm",
            message: "--db \"postgres://x@h/d?sslmode=require&application_name=abm\": unknown parameter "
                + "\"application_name\"; the known ones are dbname, host, password, port, sslmode, sslrootcert, user"),
        Bad(
            url: "mysql://x:hunter2@h/d",
            message:
                "--db \"mysql://x@h/d\": not a PostgreSQL URL; write postgres://USER@HOST:PORT/DATABASE (or postgresql://…)"
        ),
        Bad(
            url: "Postgres://x@h/d",
            message:
                "--db \"Postgres://x@h/d\": not a PostgreSQL URL; write postgres://USER@HOST:PORT/DATABASE (or postgresql://…)"
        ),
        Bad(
            url: "postgres:/h/d",
            message:
                "--db \"postgres:/h/d\": not a PostgreSQL URL; write postgres://USER@HOST:PORT/DATABASE (or postgresql://…)"
        ),
        Bad(
            url: "postgres://x:hunter2@h1,h2/d",
            message: "--db \"postgres://x@h1,h2/d\": several hosts (\"h1,h2\") are not supported; give one host"),
        Bad(
            url: "postgres://x@[::1/d",
            message: "--db \"postgres://x@[::1/d\": \"[\" opens an IPv6 address that no \"]\" closes"),
        Bad(
            url: "postgres://x@[::1]x/d",
            message: "--db \"postgres://x@[::1]x/d\": \"x\" after the IPv6 address; write [ADDRESS]:PORT"),
        Bad(
            url: "postgres://x@h/d?sslmode",
            message: "--db \"postgres://x@h/d?sslmode\": query parameter \"sslmode\" has no \"=\" (write NAME=VALUE, "
                + "and \"&\" as %26 in a value)"),
        Bad(
            url: "postgres://a%zz:hunter2@h/d",
            message: "--db \"postgres://a%zz@h/d\": bad percent-encoding in the user \"a%zz\": \"%\" starts %XX "
                + "(two hex digits, not %00); write a \"%\" as %25"),
        Bad(
            url: "postgres://x:hun%2ter2@h/d",
            message: "--db \"postgres://x@h/d\": bad percent-encoding in the password: \"%\" starts %XX "
                + "(two hex digits, not %00); write a \"%\" as %25"),
        Bad(
            url: "postgres://x@h/d?password=hun%ter2",
            message: "--db \"postgres://x@h/d\": bad percent-encoding in the password parameter: \"%\" starts %XX "
                + "(two hex digits, not %00); write a \"%\" as %25"),
        Bad(
            url: "postgres://x@h/d%00",
            message: "--db \"postgres://x@h/d%00\": bad percent-encoding in the database \"d%00\": \"%\" starts %XX "
                + "(two hex digits, not %00); write a \"%\" as %25"),
        // Unencoded "/" or "@" in the password: refused, and no piece of it is quoted.
        Bad(
            url: "postgres://x:hunt/er2@h:5432/d",
            message:
                "--db \"postgres://x@h:5432/d\": an \"@\" after the host: percent-encode \"@\" as %40 and \"/\" as "
                + "%2F in the user, the password and the database"),
        Bad(
            url: "postgres://x:hun@ter2@h/d",
            message: "--db \"postgres://x@h/d\": an \"@\" after the host: percent-encode \"@\" as %40 and \"/\" as "
                + "%2F in the user, the password and the database"),
        Bad(
            url: "postgres://x:hu/nt?er2@h/d",
            message: "--db \"postgres://x@h/d\": an \"@\" after the host: percent-encode \"@\" as %40 and \"/\" as "
                + "%2F in the user, the password and the database"),
        Bad(
            url: "postgres://x@h/d?sslmode=on%0Aoff",
            message: "--db \"postgres://x@h/d?sslmode=on%0Aoff\": sslmode \"on\\noff\" is not one of disable, allow, "
                + "prefer, require, verify-ca, verify-full"),
    ]

    @Test("each bad URL or setting has its one-line message, without the password", arguments: bad)
    func badInput(_ bad: Bad) throws {
        let error = try #require(failure(bad.url, bad.environment))
        #expect(error.description == bad.message)
        #expect(!error.description.contains("hunter2"))
        #expect(!error.description.contains("hun"))
        #expect(!error.description.contains("\n"))
    }

    @Test(
        "whatever the password holds, unencoded, no message or description shows any piece of it",
        arguments: [
            "SECRETa", "SECRETa@SECRETb", "SECRETa/SECRETb", "SECRETa?SECRETb", "SECRETa/SECRETb?SECRETc",
            "SECRETa/SECRETb?SECRETc=SECRETd", "SECRETa:SECRETb", "SECRETa&SECRETb", "SECRETa#SECRETb",
            "SECRETa%zzSECRETb", "SECRETa@\u{301}SECRETb", "SECRETa/SECRETb@SECRETc?SECRETd=e",
        ])
    func noPieceOfThePassword(password: String) {
        let templates = [
            "postgres://u:PW@h/d", "postgres://u:PW@h:5432/d?sslmode=bad", "postgres://u:PW@h:99999/d",
            "postgres://u:PW@h/d?foo=1", "postgres://u:PW@h1,h2/d", "postgres://u:PW@[::1/d", "mysql://u:PW@h/d",
            "postgres://u:PW@h/d?user=dana@example.com&sslmode=x", "postgres://h/d?password=PW&sslmode=bad",
            "postgres://h/d?password=PW&bad=1", "postgres://u:PW@h:5432/d?user=dana@example.com&bad=1",
        ]
        for template in templates {
            let url = template.replacingOccurrences(of: "PW", with: password)
            let shown: String
            do {
                shown = try resolve(url).description
            } catch {
                shown = error.description
            }
            #expect(!shown.contains("SECRET"), "\(url) → \(shown)")
        }
    }

    @Test(
        "the text errors quote has no password, and keeps the rest",
        arguments: [
            ("postgres://u:pw@h/d", "postgres://u@h/d"),
            ("postgres://:pw@h/d", "postgres://@h/d"),
            ("postgres://u@h/d", "postgres://u@h/d"),
            ("postgres://u:p@w/x@h/d", "postgres://u@h/d"),
            ("postgres://h:5432/d?user=dana@example.com", "postgres://h:5432/d?user=dana@example.com"),
            ("postgres://u:pw@h/d?user=dana@example.com", "postgres://u@h/d?user=dana@example.com"),
            ("postgres://h/d?sslmode=require&password=pw&user=u", "postgres://h/d?sslmode=require&user=u"),
            ("postgres://h/d?password=p&w&user=u", "postgres://h/d?user=u"),
            ("postgres://h/d?pass%77ord=pw", "postgres://h/d"),
            ("https://u:pw@example.com/", "https://u@example.com/"),
            ("store.sqlite", "store.sqlite"),
        ])
    func redactingText(url: String, shown: String) {
        #expect(URLText.redacting(url) == shown)
    }

    @Test("an @ followed by a combining mark still ends the user information")
    func combiningMark() throws {
        let location = try resolve("postgres://u:SECRET@\u{301}h/d")
        #expect(location.password == "SECRET")
        #expect(location.host == "\u{301}h")
        #expect(!location.description.contains("SECRET"))
    }

    // MARK: Redacted

    @Test(
        "redacted (and description) is postgres://user@host:port/db?sslmode=…, never with the password",
        arguments: [
            ("postgres://tom:hunter2@db/abm", "postgres://tom@db:5432/abm?sslmode=prefer"),
            (
                "postgresql://tom@db:6000/abm?password=hunter2&sslmode=verify-ca",
                "postgres://tom@db:6000/abm?sslmode=verify-full"
            ),
            (
                "postgres://dana%40corp:hunter2@db/abm%20board",
                "postgres://dana%40corp@db:5432/abm%20board?sslmode=prefer"
            ),
            (
                "postgres://tom:hunter2@%2Frun%2Fpostgresql:5433/abm",
                "postgres://tom@%2Frun%2Fpostgresql:5433/abm?sslmode=prefer"
            ),
            ("postgres://tom:hunter2@[::1]/abm?sslmode=disable", "postgres://tom@[::1]:5432/abm?sslmode=disable"),
        ])
    func redacted(url: String, shown: String) throws {
        let location = try resolve(url)
        #expect(location.password == "hunter2")
        #expect(location.redacted == shown)
        #expect(location.description == shown)
        #expect("\(location)" == shown)
        #expect(!String(reflecting: location.redacted).contains("hunter2"))
        // What redacted shows resolves to the same place.
        var again = try resolve(shown)
        again.password = location.password
        #expect(again == location)
    }

    @Test("a password from PGPASSWORD or pgpass is not shown either")
    func passwordFromElsewhereNotShown() throws {
        let fromEnvironment = try resolve("postgres://tom@db/abm", ["PGPASSWORD": "hunter2"])
        let fromFile = try resolve("postgres://tom@db/abm", pgpass: "*:*:*:*:hunter2")
        for location in [fromEnvironment, fromFile] {
            #expect(location.password == "hunter2")
            #expect(location.description == "postgres://tom@db:5432/abm?sslmode=prefer")
        }
    }

    @Test("a socket folder is a socket; a host name is not")
    func socketHost() throws {
        #expect(try resolve("postgres:///abm?host=%2Ftmp").isSocket)
        #expect(try resolve(nil, ["PGHOST": "/var/run/postgresql"]).isSocket)
        #expect(try !resolve("postgres://db/abm").isSocket)
    }

    @Test(
        "isPostgres: postgres:// and postgresql:// only",
        arguments: [
            ("postgres://h/d", true), ("postgresql://h/d", true), ("postgres://", true), ("store.sqlite", false),
            ("postgres:h", false), ("POSTGRES://h/d", false), ("/tmp/postgres://x", false), ("", false),
        ])
    func isPostgres(text: String, expected: Bool) {
        #expect(PostgresLocation.isPostgres(text) == expected)
    }
}
