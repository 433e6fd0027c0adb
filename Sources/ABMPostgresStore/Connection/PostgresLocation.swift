// Where a team store's database is: a `postgres://` URL resolved with libpq's environment and
// pgpass conventions, and the one way it is shown (never with its password).

import Foundation

/// Where a team store's database is, resolved from a `postgres://` URL the way libpq does.
///
/// ```swift
/// let location = try PostgresLocation.resolve(
///     "postgres://dana@db.example.com/abm?sslmode=require", environment: [:], pgpassContents: nil)
/// location.redacted  // "postgres://dana@db.example.com:5432/abm?sslmode=require"
/// ```
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    /// How the connection uses TLS, as libpq's `sslmode`.
    ///
    /// libpq's `allow` is read as ``prefer`` (both try TLS when the server offers it; abmboard
    /// never falls back the other way round), and `verify-ca` as ``verifyFull``: the server's
    /// certificate chain *and* its host name are checked, which is stricter than libpq's
    /// `verify-ca` and never weaker.
    public enum SSLMode: String, Sendable, CaseIterable {
        /// No TLS.
        case disable
        /// TLS when the server offers it, without checking its certificate (libpq's default).
        case prefer
        /// TLS or no connection, without checking the server's certificate.
        case require
        /// TLS with the server's certificate checked against the trusted roots, and its host name.
        case verifyFull = "verify-full"

        /// Every value `sslmode` accepts, in libpq's order, for messages.
        static let accepted = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]

        /// The mode for an `sslmode` value (`allow` → `prefer`, `verify-ca` → `verifyFull`).
        init?(libpq text: String) {
            switch text {
            case "disable": self = .disable
            case "allow", "prefer": self = .prefer
            case "require": self = .require
            case "verify-ca", "verify-full": self = .verifyFull
            default: return nil
            }
        }
    }

    /// The server's host name or address, or a Unix socket's folder when it starts with `/`.
    public var host: String
    /// The server's port (with a socket folder: the number in the socket's name, `.s.PGSQL.PORT`).
    public var port: Int
    /// The login role.
    public var user: String
    /// The database.
    public var database: String
    /// The password, if any. Never shown: not in ``redacted``, ``description`` or any error.
    public var password: String?
    /// How the connection uses TLS (ignored for a socket folder, like libpq).
    public var sslMode: SSLMode
    /// A file of trusted root certificates for ``SSLMode/verifyFull`` (`sslrootcert`,
    /// `PGSSLROOTCERT`); `nil` means the system's roots.
    public var rootCertificate: String?

    /// A location from its parts, as they are (no environment, no defaults).
    public init(
        host: String, port: Int, user: String, database: String, password: String?, sslMode: SSLMode,
        rootCertificate: String? = nil
    ) {
        self.host = host
        self.port = port
        self.user = user
        self.database = database
        self.password = password
        self.sslMode = sslMode
        self.rootCertificate = rootCertificate
    }

    /// Whether ``host`` is a Unix socket's folder rather than a host name.
    public var isSocket: Bool { host.hasPrefix("/") }

    /// Whether `text` names a PostgreSQL database: it starts with `postgres://` or `postgresql://`.
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// The location as a URL without its password: `postgres://user@host:port/db?sslmode=…`.
    ///
    /// This is what messages, the status bar and logs show. The user, host and database are
    /// percent-encoded where they need it (a socket folder reads `%2Frun%2Fpostgresql`, libpq's
    /// spelling), so the text can be given back to `--db`.
    public var redacted: String {
        let shownHost =
            host.contains(":") && !isSocket
            ? "[" + host.replacingOccurrences(of: "%", with: "%25") + "]" : URLText.encoded(host)
        return "postgres://\(URLText.encoded(user))@\(shownHost):\(port)/\(URLText.encoded(database))"
            + "?sslmode=\(sslMode.rawValue)"
    }

    /// The same as ``redacted``: never the password.
    public var description: String { redacted }
}

extension PostgresLocation {
    /// The URL's query parameters abmboard reads (libpq reads them in the query as well).
    static let knownParameters = ["dbname", "host", "password", "port", "sslmode", "sslrootcert", "user"]

    /// Resolves a URL with libpq's conventions.
    ///
    /// Each part comes from the first of: the URL's query parameters (`host`, `port`, `user`,
    /// `dbname`, `password`, `sslmode`, `sslrootcert`), the URL's own parts, the environment
    /// (`PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, `PGPASSWORD`, `PGSSLMODE`, `PGSSLROOTCERT`;
    /// empty values count as unset), then the defaults: host `localhost`, port 5432, user `USER`
    /// (else `LOGNAME`), database the user, sslmode `prefer`. With no password so far, the first
    /// matching line of `pgpassContents` gives it (see ``pgpassContents(environment:)``).
    ///
    /// User, password, host and database are percent-decoded (`%2Frun%2Fpostgresql` is a socket
    /// folder). An `@` or `/` left unencoded in the password is still read as part of it (libpq
    /// wants them as `%40` and `%2F`).
    ///
    /// ```swift
    /// try PostgresLocation.resolve(nil, environment: ["PGHOST": "db", "USER": "dana"], pgpassContents: nil)
    /// // postgres://dana@db:5432/dana?sslmode=prefer
    /// ```
    ///
    /// - Parameters:
    ///   - url: A `postgres://` or `postgresql://` URL, or `nil` for the environment alone.
    ///   - environment: The process's environment (`ProcessInfo.processInfo.environment`).
    ///   - pgpassContents: The pgpass file's text, or `nil` when there is none.
    /// - Throws: `PostgresLocationError`, quoting the URL without its password.
    public static func resolve(_ url: String?, environment: [String: String], pgpassContents: String?)
        throws(PostgresLocationError) -> PostgresLocation
    {
        let parts = try url.map { text throws(PostgresLocationError) in try URLParts(parsing: text) } ?? URLParts()
        func setting(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        let shown = parts.redacted
        let host = parts.host ?? setting("PGHOST") ?? "localhost"
        let port: Int
        if let text = parts.port {
            port = try portNumber(text, source: .url(shown))
        } else if let text = setting("PGPORT") {
            port = try portNumber(text, source: .environment("PGPORT"))
        } else {
            port = 5432
        }
        guard let user = parts.user ?? setting("PGUSER") ?? setting("USER") ?? setting("LOGNAME") else {
            throw .noUser(url: url == nil ? nil : shown)
        }
        let database = parts.database ?? setting("PGDATABASE") ?? user
        let sslMode: SSLMode
        if let text = parts.sslMode {
            guard let mode = SSLMode(libpq: text) else { throw .badSSLMode(text, source: .url(shown)) }
            sslMode = mode
        } else if let text = setting("PGSSLMODE") {
            guard let mode = SSLMode(libpq: text) else { throw .badSSLMode(text, source: .environment("PGSSLMODE")) }
            sslMode = mode
        } else {
            sslMode = .prefer
        }
        var password = parts.password ?? setting("PGPASSWORD")
        if password == nil, let pgpassContents {
            password = PgPass.password(in: pgpassContents, host: host, port: port, database: database, user: user)
        }
        return PostgresLocation(
            host: host, port: port, user: user, database: database, password: password, sslMode: sslMode,
            rootCertificate: parts.rootCertificate ?? setting("PGSSLROOTCERT"))
    }

    /// The port `text` names: digits only, 1–65535.
    private static func portNumber(_ text: String, source: PostgresLocationError.Source)
        throws(PostgresLocationError) -> Int
    {
        guard !text.isEmpty, text.utf8.count <= 5, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let port = Int(text), (1...65535).contains(port)
        else {
            throw .badPort(text, source: source)
        }
        return port
    }

    /// The pgpass file's contents: `PGPASSFILE`, else `~/.pgpass` (`HOME` from `environment`).
    ///
    /// Like libpq, a file that is not a regular file, or that its group or others may read or
    /// write (mode not `0600` or stricter), is ignored: the result is `nil`, as when there is none.
    public static func pgpassContents(environment: [String: String]) -> String? {
        let path: String
        if let file = environment["PGPASSFILE"], !file.isEmpty {
            path = file
        } else if let home = environment["HOME"], !home.isEmpty {
            path = (home as NSString).appendingPathComponent(".pgpass")
        } else {
            path = (NSHomeDirectory() as NSString).appendingPathComponent(".pgpass")
        }
        // libpq stat()s the file, following a symbolic link.
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: target),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue, permissions & 0o077 == 0
        else { return nil }
        return try? String(contentsOfFile: target, encoding: .utf8)
    }
}
