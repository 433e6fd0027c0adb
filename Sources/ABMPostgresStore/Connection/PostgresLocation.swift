import Foundation

/// Where a team store's database is: from a `postgres://` URL and libpq's environment.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    /// libpq's sslmode values.
    public enum SSLMode: String, Sendable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    /// The host, or a Unix socket's folder when it starts with `/`.
    public var host: String
    /// The port.
    public var port: Int
    /// The login.
    public var user: String
    /// The database.
    public var database: String
    /// The password, if any (never shown).
    public var password: String?
    /// TLS.
    public var sslMode: SSLMode
    /// A file of trusted certificates for verify-full (`sslrootcert`, `PGSSLROOTCERT`).
    public var rootCertificate: String?

    /// Whether `text` names a PostgreSQL database.
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// `postgres://user@host:port/db?sslmode=…`, never with a password.
    public var redacted: String {
        "postgres://\(user)@\(host.hasPrefix("/") ? "[" + host + "]" : host):\(port)/\(database)?sslmode=\(sslMode.rawValue)"
    }

    /// The redacted form.
    public var description: String { redacted }

    /// Resolves a URL with libpq's conventions: the URL's parts first, then `PGHOST`, `PGPORT`,
    /// `PGUSER`, `PGDATABASE`, `PGPASSWORD`, `PGSSLMODE`, then the defaults; a missing
    /// password is looked up in the pgpass contents.
    public static func resolve(_ url: String?, environment: [String: String], pgpassContents: String?)
        throws(PostgresLocationError) -> PostgresLocation
    {
        var host: String?
        var port: String?
        var user: String?
        var password: String?
        var database: String?
        var query: [String: String] = [:]
        let shown = url.map(redactURL) ?? ""
        if let url {
            guard let schemeEnd = url.range(of: "://"), isPostgres(url) else {
                throw .badURL(shown, reason: "it does not start with postgres://")
            }
            var rest = Substring(url[schemeEnd.upperBound...])
            if let mark = rest.firstIndex(of: "?") {
                for pair in rest[rest.index(after: mark)...].split(separator: "&") {
                    let parts = pair.split(separator: "=", maxSplits: 1)
                    let key = String(parts[0])
                    query[key] = parts.count > 1 ? String(parts[1]).removingPercentEncoding ?? String(parts[1]) : ""
                }
                rest = rest[..<mark]
            }
            var authority = rest
            if let slash = rest.firstIndex(of: "/") {
                let name = rest[rest.index(after: slash)...]
                if !name.isEmpty { database = String(name).removingPercentEncoding ?? String(name) }
                authority = rest[..<slash]
            }
            if let at = authority.lastIndex(of: "@") {
                let credentials = authority[..<at]
                authority = authority[authority.index(after: at)...]
                if let colon = credentials.firstIndex(of: ":") {
                    user = String(credentials[..<colon]).removingPercentEncoding
                    password = String(credentials[credentials.index(after: colon)...]).removingPercentEncoding
                } else if !credentials.isEmpty {
                    user = String(credentials).removingPercentEncoding
                }
            }
            if authority.hasPrefix("[") {
                if let close = authority.firstIndex(of: "]") {
                    host = String(authority[authority.index(after: authority.startIndex)..<close])
                    let after = authority[authority.index(after: close)...]
                    if after.hasPrefix(":") { port = String(after.dropFirst()) }
                }
            } else if let colon = authority.lastIndex(of: ":") {
                host = String(authority[..<colon])
                port = String(authority[authority.index(after: colon)...])
            } else if !authority.isEmpty {
                host = String(authority).removingPercentEncoding
            }
        }
        let known = ["sslmode", "host", "port", "user", "dbname", "password", "sslrootcert"]
        for key in query.keys.sorted() where !known.contains(key) {
            throw .badURL(
                shown, reason: "unknown parameter \"\(key)\" (known: \(known.joined(separator: ", ")))")
        }
        host = query["host"] ?? host
        port = query["port"] ?? port
        user = query["user"] ?? user
        database = query["dbname"] ?? database
        password = query["password"] ?? password
        func env(_ key: String) -> String? {
            environment[key].flatMap { $0.isEmpty ? nil : $0 }
        }
        let resolvedHost = (host.flatMap { $0.isEmpty ? nil : $0 }) ?? env("PGHOST") ?? "localhost"
        let portText = port.flatMap { $0.isEmpty ? nil : $0 } ?? env("PGPORT") ?? "5432"
        guard let resolvedPort = Int(portText), (1...65535).contains(resolvedPort) else {
            throw .badURL(shown, reason: "port \"\(portText)\" is not a port (1–65535)")
        }
        let resolvedUser =
            user.flatMap { $0.isEmpty ? nil : $0 } ?? env("PGUSER") ?? env("USER") ?? env("LOGNAME")
            ?? "postgres"
        let resolvedDatabase = database ?? env("PGDATABASE") ?? resolvedUser
        let modeText = query["sslmode"] ?? env("PGSSLMODE") ?? "prefer"
        let mode: SSLMode
        switch modeText {
        case "disable": mode = .disable
        case "allow", "prefer": mode = .prefer
        case "require": mode = .require
        case "verify-ca", "verify-full": mode = .verifyFull
        default:
            throw .badURL(
                shown, reason: "sslmode \"\(modeText)\" is not one of disable, prefer, require, verify-full")
        }
        var location = PostgresLocation(
            host: resolvedHost, port: resolvedPort, user: resolvedUser, database: resolvedDatabase,
            password: password ?? env("PGPASSWORD"), sslMode: mode,
            rootCertificate: query["sslrootcert"] ?? env("PGSSLROOTCERT"))
        if location.password == nil, let pgpassContents {
            location.password = PgPass.password(
                in: pgpassContents, host: resolvedHost, port: resolvedPort, database: resolvedDatabase,
                user: resolvedUser)
        }
        return location
    }

    /// The pgpass file's contents (`PGPASSFILE`, else `~/.pgpass`), or `nil` when there is none or
    /// it is readable by others (libpq ignores it then too).
    public static func pgpassContents(environment: [String: String]) -> String? {
        let path =
            environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass"
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let permissions = attributes[.posixPermissions] as? Int, permissions & 0o077 == 0
        else { return nil }
        return try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// A URL with its password replaced, for quoting in errors.
    static func redactURL(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var authority = String(rest[..<authorityEnd])
        if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
            authority.replaceSubrange(authority.index(after: colon)..<at, with: "****")
        }
        var redacted = String(url[..<schemeEnd.upperBound]) + authority + String(rest[authorityEnd...])
        if let range = redacted.range(of: "password=") {
            let end = redacted[range.upperBound...].firstIndex(of: "&") ?? redacted.endIndex
            redacted.replaceSubrange(range.upperBound..<end, with: "****")
        }
        return redacted
    }
}

/// Why a `--db` URL cannot be used.
public enum PostgresLocationError: Error, Sendable, CustomStringConvertible {
    /// The URL is malformed; `url` has no password in it.
    case badURL(String, reason: String)

    /// One line.
    public var description: String {
        switch self {
        case .badURL(let url, let reason):
            return "--db \"\(url)\": \(reason); give postgres://USER@HOST:PORT/DATABASE?sslmode=require"
        }
    }
}

/// The pgpass file: `hostname:port:database:username:password` lines, `*` matching anything,
/// `\:` and `\\` escaped, `#` comments; the first matching line wins.
enum PgPass {
    /// The password for the connection, if a line matches.
    static func password(in contents: String, host: String, port: Int, database: String, user: String) -> String? {
        for line in contents.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            var fields: [String] = []
            var field = ""
            var escaped = false
            for character in line {
                if escaped {
                    field.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == ":" && fields.count < 4 {
                    fields.append(field)
                    field = ""
                } else {
                    field.append(character)
                }
            }
            fields.append(field)
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }
}
