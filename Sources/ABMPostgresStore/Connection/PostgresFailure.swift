import ABMStore
import Foundation
import NIOCore
import NIOSSL
import PostgresNIO

/// postgres-nio's and the server's errors in the store's words: one line naming what to fix,
/// never a password.
enum PostgresFailure {
    /// SQLSTATE of a role refusal raised by abmboard's write functions.
    static let insufficientPrivilege = "42501"

    /// The error of a failed connection attempt.
    static func connecting(_ error: any Error, location: PostgresLocation) -> StoreError {
        let place = location.redacted
        if let store = error as? StoreError { return store }
        if let psql = error as? PSQLError {
            if let state = psql.serverInfo?[.sqlState] {
                let message = psql.serverInfo?[.message] ?? "refused"
                switch state {
                case "28P01", "28000":
                    return .unavailable(
                        "\(place): \(message): check the user name and the password (PGPASSWORD or ~/.pgpass)")
                case "3D000":
                    return .unavailable(
                        "\(place): \(message): create it (createdb \(location.database)) or give the right name in --db"
                    )
                default:
                    return .unavailable("\(place): the server refused the connection: \(message)")
                }
            }
            switch psql.code {
            case .sslUnsupported:
                return .unavailable(
                    "\(place): the server does not offer TLS, and sslmode=\(location.sslMode.rawValue) requires it: enable ssl on the server or use sslmode=prefer"
                )
            case .authMechanismRequiresPassword:
                return .unavailable("\(place): the server asks for a password: give it in PGPASSWORD or ~/.pgpass")
            case .connectionError, .serverClosedConnection, .uncleanShutdown:
                if let underlying = psql.underlying {
                    return connecting(underlying, location: location)
                }
                return .unavailable("\(place): the connection failed: is the server running and reachable?")
            default:
                return .unavailable("\(place): the connection failed (\(psql.code))")
            }
        }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return tls(error, location: location)
        }
        let text = "\(error)"
        if text.contains("UnknownHost") || text.contains("NXDOMAIN") || text.contains("getaddrinfo") {
            return .unavailable("\(place): unknown host \"\(location.host)\": check the host name in --db or PGHOST")
        }
        if text.contains("refused") || text.contains("ECONNREFUSED") {
            return .unavailable(
                "\(place): nothing is listening there (connection refused): is the server running, and is the port right?"
            )
        }
        if text.contains("timeout") || text.contains("Timeout") {
            return .unavailable("\(place): the server did not answer in time: check the host and the network")
        }
        return .unavailable("\(place): the connection failed: \(redact(text, location))")
    }

    /// A TLS failure in one line: why the certificate was refused, and what to check.
    static func tls(_ error: any Error, location: PostgresLocation) -> StoreError {
        let place = location.redacted
        let text = "\(error)"
        let fix = "check PGSSLROOTCERT (or sslrootcert in --db), the host name, or sslmode"
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            return .unavailable(
                "\(place): the server's certificate was refused: it does not name \(location.host); \(fix)")
        }
        if text.contains("CERTIFICATE_VERIFY_FAILED") {
            let roots = location.rootCertificate.map { "the roots in \($0)" } ?? "the system's trusted roots"
            return .unavailable(
                "\(place): the server's certificate was refused: it is not signed by \(roots); \(fix)")
        }
        if case .some(.handshakeFailed(_)) = error as? NIOSSLError {
            return .unavailable("\(place): the TLS handshake with the server failed; \(fix)")
        }
        return .unavailable("\(place): TLS failed (\(redact(text, location))); \(fix)")
    }

    /// The error of a failed query; a lost connection becomes `unavailable`.
    static func query(_ error: any Error, location: PostgresLocation) -> StoreError {
        if let store = error as? StoreError { return store }
        guard let psql = error as? PSQLError else {
            return .database(redact("\(error)", location))
        }
        if let state = psql.serverInfo?[.sqlState] {
            let message = psql.serverInfo?[.message] ?? "the server refused the statement"
            if state == insufficientPrivilege {
                if message.contains("permission denied") {
                    return .notPermitted(
                        "\(location.user) may not do that on this store: \(message) (a manager or the database's owner can)"
                    )
                }
                return .notPermitted(message)
            }
            if state.hasPrefix("08") || state == "57P01" || state == "57P02" || state == "57P03" {
                return .unavailable("\(location.redacted): the connection to the server was lost: \(message)")
            }
            let detail = psql.serverInfo?[.detail].map { " (\($0))" } ?? ""
            return .database("\(message)\(detail) [\(state)]")
        }
        switch psql.code {
        case .serverClosedConnection, .connectionError, .uncleanShutdown, .clientClosedConnection:
            return .unavailable("\(location.redacted): the connection to the server was lost")
        default:
            return .database("\(psql.code)")
        }
    }

    /// Whether an error means the connection is gone (so the next call reconnects).
    static func isConnectionLost(_ error: StoreError) -> Bool {
        if case .unavailable = error { return true }
        return false
    }

    /// `text` with the location's password taken out, in case a library quoted it.
    static func redact(_ text: String, _ location: PostgresLocation) -> String {
        guard let password = location.password, !password.isEmpty else { return text }
        return text.replacingOccurrences(of: password, with: "****")
    }
}
