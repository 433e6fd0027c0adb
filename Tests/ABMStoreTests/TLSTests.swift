// TLS to the team store, through swift-nio-ssl against the test cluster (scripts/pg-cluster.sh
// gives it a self-signed certificate for localhost and 127.0.0.1): each sslmode connects, or is
// refused with one line naming what to fix.

import ABMStore
import Foundation
import PostgresNIO
import Testing

@testable import ABMPostgresStore

/// Whether each `sslmode` encrypts, checks the certificate, and refuses when it must.
@Suite("TLS to the team store")
struct TLSTests {
    /// The test server as a location with `sslmode`, host and root certificate of the test's choosing.
    private func location(_ mode: PostgresLocation.SSLMode, host: String? = nil, root: String? = nil) throws
        -> PostgresLocation
    {
        let server = try PostgresTestServer.settings()
        return PostgresLocation(
            host: host ?? server.host, port: server.port, user: server.owner, database: "postgres",
            password: server.password, sslMode: mode, rootCertificate: root)
    }

    /// The server's self-signed certificate, written by scripts/pg-cluster.sh.
    private func certificate() throws -> String {
        guard let path = ProcessInfo.processInfo.environment["ABMBOARD_TEST_PG_CERT"] else {
            throw PostgresTestServer.TestServerMissing()
        }
        return path
    }

    /// Whether the server sees this connection as encrypted (`pg_stat_ssl`).
    private func encrypted(_ location: PostgresLocation) async throws -> Bool {
        let connection = try await PostgresLink.connect(location)
        defer { Task { try? await connection.close() } }
        let rows = try await connection.query(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", logger: PostgresLink.logger)
        for try await ssl in rows.decode(Bool.self) { return ssl }
        return false
    }

    /// The one-line error a connection to `location` fails with.
    private func failure(_ location: PostgresLocation) async -> String? {
        do {
            let connection = try await PostgresLink.connect(location)
            try? await connection.close()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("disable stays in the clear; prefer and require encrypt (the test server offers TLS)")
    func modesThatDoNotVerify() async throws {
        #expect(try await encrypted(location(.disable)) == false)
        #expect(try await encrypted(location(.prefer)) == true)
        #expect(try await encrypted(location(.require)) == true)
    }

    @Test(
        "verify-full with the server's root certificate connects by name and by IP address",
        arguments: ["localhost", "127.0.0.1"])
    func verifyFullWithRoot(host: String) async throws {
        #expect(try await encrypted(location(.verifyFull, host: host, root: certificate())) == true)
    }

    @Test("verify-full against the system's roots refuses a self-signed certificate, in one line")
    func verifyFullRefusesUnknownCertificate() async throws {
        let target = try location(.verifyFull, host: "localhost")
        let message = try #require(await failure(target))
        #expect(message.hasPrefix(target.redacted + ": the server's certificate was refused"))
        #expect(message.contains("PGSSLROOTCERT"))
        #expect(!message.contains("\n"))
        #expect(!message.contains(try PostgresTestServer.settings().password))
    }

    @Test(
        "require against a server without TLS is refused with what to change",
        arguments: [
            PostgresLocation.SSLMode.require, .verifyFull,
        ])
    func serverWithoutTLS(mode: PostgresLocation.SSLMode) async throws {
        let server = try NoTLSServer()
        defer { server.stop() }
        let target = PostgresLocation(
            host: "127.0.0.1", port: server.port, user: "dana", database: "abm", password: "pw-secret",
            sslMode: mode, rootCertificate: nil)
        let message = try #require(await failure(target))
        #expect(
            message
                == "\(target.redacted): the server does not offer TLS, and sslmode=\(mode.rawValue) requires it: enable ssl on the server or use sslmode=prefer"
        )
        #expect(!message.contains("pw-secret"))
    }
}

/// A loopback listener that answers PostgreSQL's SSLRequest with "N" (no TLS here), as a
/// server with `ssl = off` does, then waits for the client to hang up.
final class NoTLSServer: @unchecked Sendable {
    /// The port it listens on.
    let port: Int
    private let socketDescriptor: Int32
    private let thread: Thread

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && listen(descriptor, 4) == 0
                    && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else {
            close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        socketDescriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
        thread = Thread {
            while true {
                let client = accept(descriptor, nil, nil)
                guard client >= 0 else { return }
                var request = [UInt8](repeating: 0, count: 8)
                if read(client, &request, 8) == 8 {
                    var answer = UInt8(ascii: "N")
                    _ = write(client, &answer, 1)
                    var rest = [UInt8](repeating: 0, count: 512)
                    while read(client, &rest, rest.count) > 0 {}
                }
                close(client)
            }
        }
        thread.start()
    }

    /// Stops listening (the accepting thread ends when accept fails).
    func stop() {
        shutdown(socketDescriptor, Int32(SHUT_RDWR))
        close(socketDescriptor)
    }
}
