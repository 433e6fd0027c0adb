// Why a `postgres://` URL, or libpq's environment beside it, gives no location: one line each,
// quoting the bad value (never a password), saying what was expected and how to fix it.

import Foundation

/// Why ``PostgresLocation/resolve(_:environment:pgpassContents:)`` found no location.
///
/// Every URL a case carries is already redacted (no password), and `description` is one line:
/// `--db "postgres://x@h:99999/d": port "99999" is not a port (1–65535)`.
public enum PostgresLocationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where a bad value came from.
    public enum Source: Sendable, Equatable {
        /// The URL (without its password).
        case url(String)
        /// An environment variable, by name (`PGPORT`).
        case environment(String)
    }

    /// The text does not start with `postgres://` or `postgresql://`.
    case notPostgresURL(url: String)
    /// The URL cannot be taken apart; `problem` says where and how to fix it.
    case malformedURL(url: String, problem: String)
    /// A query parameter abmboard does not read (named, with the URL).
    case unknownParameter(String, url: String)
    /// A port that is not a number from 1 to 65535.
    case badPort(String, source: Source)
    /// An `sslmode` that is not one of libpq's.
    case badSSLMode(String, source: Source)
    /// No user in the URL, `PGUSER`, `USER` or `LOGNAME`; `url` is the URL, if one was given.
    case noUser(url: String?)

    /// One line: where, what is wrong, what was expected.
    public var description: String {
        switch self {
        case .notPostgresURL(let url):
            return "--db \(Self.quoted(url)): not a PostgreSQL URL; write postgres://USER@HOST:PORT/DATABASE"
                + " (or postgresql://…)"
        case .malformedURL(let url, let problem):
            return "--db \(Self.quoted(url)): \(problem)"
        case .unknownParameter(let name, let url):
            return "--db \(Self.quoted(url)): unknown parameter \(Self.quoted(name)); the known ones are "
                + PostgresLocation.knownParameters.joined(separator: ", ")
        case .badPort(let text, let source):
            let advice =
                source == .environment("PGPORT") ? "; set PGPORT to the server's port, or unset it for 5432" : ""
            return "\(source.prefix)port \(Self.quoted(text)) is not a port (1–65535)\(advice)"
        case .badSSLMode(let text, let source):
            return "\(source.prefix)sslmode \(Self.quoted(text)) is not one of "
                + PostgresLocation.SSLMode.accepted.joined(separator: ", ")
        case .noUser(let url):
            let place = url.map { "--db \(Self.quoted($0)): " } ?? ""
            return "\(place)no PostgreSQL user: give one in the URL (postgres://USER@HOST/DATABASE) or set PGUSER"
        }
    }

    /// `text` in double quotes, one line: `"` and `\` escaped, control characters as `\n`, `\t`, `\u{1B}`.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

extension PostgresLocationError.Source {
    /// `--db "URL": ` or `PGPORT: `, to start a message.
    fileprivate var prefix: String {
        switch self {
        case .url(let url): return "--db \(PostgresLocationError.quoted(url)): "
        case .environment(let name): return "\(name): "
        }
    }
}
