import ABMStore
import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// One connection to the server, opened again when it was lost: the store's queries go
/// through it one at a time (the store's methods are synchronous and called from one thread
/// at a time per store, but the lock keeps it safe from any thread).
final class PostgresLink: @unchecked Sendable {
    /// Where the server is.
    let location: PostgresLocation
    private let lock = NSLock()
    /// Held by the thread whose statements use the connection, for a whole transaction.
    let turn = NSLock()
    private var connection: PostgresConnection?
    private static let ids = LockedCounter()
    /// Quiet: the store says what went wrong in its own words.
    static let logger = Logger(label: "abmboard.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A link that connects when first used.
    init(location: PostgresLocation) {
        self.location = location
    }

    /// The open connection, connecting (again) when there is none or it was closed.
    /// - Throws: `StoreError.unavailable` naming what to fix (never the password).
    func open() async throws -> PostgresConnection {
        if let current = lock.withLock({ connection }), !current.isClosed { return current }
        let fresh = try await PostgresLink.connect(location)
        lock.withLock { connection = fresh }
        return fresh
    }

    /// Forgets the connection (after an error that may have broken it).
    func drop() {
        let old = lock.withLock { () -> PostgresConnection? in
            defer { connection = nil }
            return connection
        }
        if let old { Task { try? await old.close() } }
    }

    /// Closes the connection.
    func close() {
        drop()
    }

    /// A new connection to `location`, its session set for abmboard (schema, time zone).
    /// - Throws: `StoreError.unavailable` naming what to fix.
    static func connect(_ location: PostgresLocation) async throws -> PostgresConnection {
        let configuration: PostgresConnection.Configuration
        do {
            configuration = try PostgresLink.configuration(location)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.unavailable(
                "\(location.redacted): TLS could not be set up (\(error)); check sslmode and PGSSLROOTCERT")
        }
        do {
            let connection = try await PostgresConnection.connect(
                configuration: configuration, id: ids.next(), logger: logger)
            try await connection.query("SET search_path TO abmboard, pg_catalog", logger: logger)
            return connection
        } catch {
            throw PostgresFailure.connecting(error, location: location)
        }
    }

    /// postgres-nio's configuration for a location.
    private static func configuration(_ location: PostgresLocation) throws -> PostgresConnection.Configuration {
        if location.host.hasPrefix("/") {
            let socket = (location.host as NSString).appendingPathComponent(".s.PGSQL.\(location.port)")
            return PostgresConnection.Configuration(
                unixSocketPath: socket, username: location.user, password: location.password,
                database: location.database)
        }
        let tls: PostgresConnection.Configuration.TLS
        switch location.sslMode {
        case .disable:
            tls = .disable
        case .prefer:
            tls = .prefer(try NIOSSLContext(configuration: unverified()))
        case .require:
            tls = .require(try NIOSSLContext(configuration: unverified()))
        case .verifyFull:
            var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
            tlsConfiguration.certificateVerification = .fullVerification
            if let root = location.rootCertificate {
                tlsConfiguration.trustRoots = .file(root)
            }
            tls = .require(try NIOSSLContext(configuration: tlsConfiguration))
        }
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        // No tlsServerName: postgres-nio sends the host name as SNI and checks the certificate
        // against it, and for an IP address (not allowed in SNI) checks the certificate's IP entry.
        return configuration
    }

    /// TLS that encrypts without checking the server's certificate (libpq's `require`).
    private static func unverified() -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .none
        return configuration
    }
}

/// Connection ids for postgres-nio's logs.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// The next number.
    func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
