import ABMStore
import Foundation
import PostgresNIO

/// An open board's push from the server: one dedicated connection (not a pooled one, which
/// would be closed when idle) that listens on `abmboard` and hands each notification's revision
/// to the board. When the connection drops it says `reconnecting`, tries again with backoff
/// (0.25 s doubling to 5 s), and says `reconnected` once back, so the board catches up from the
/// revision it last saw (a notification is only a hint: nothing is replayed to a listener that
/// was away).
final class PostgresWatch: StoreWatch, @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<Void, Never>?
    private var connection: PostgresConnection?
    private var stopped = false

    /// Starts listening at `location`.
    init(location: PostgresLocation, handler: @escaping @Sendable (StoreSignal) -> Void) {
        let task = Task { [weak self] in
            var delay = 0.25
            var lost = false
            while let self, !self.isStopped {
                do {
                    let connection = try await PostgresLink.connect(location)
                    guard self.keep(connection) else {
                        try? await connection.close()
                        return
                    }
                    delay = 0.25
                    try await connection.listen(on: "abmboard") { notifications in
                        if lost {
                            lost = false
                            handler(.reconnected)
                        }
                        for try await notification in notifications {
                            handler(.changed(revision: Int64(notification.payload) ?? 0))
                        }
                    }
                } catch {}
                if self.isStopped { return }
                if !lost {
                    lost = true
                    handler(.reconnecting)
                }
                try? await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
                delay = min(delay * 2, 5)
            }
        }
        lock.withLock { self.task = task }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    /// Keeps the connection to close it on stop; `false` when already stopped.
    private func keep(_ connection: PostgresConnection) -> Bool {
        lock.withLock {
            self.connection = connection
            return !stopped
        }
    }

    /// Ends the watch and closes its connection.
    func stop() {
        let (task, connection) = lock.withLock { () -> (Task<Void, Never>?, PostgresConnection?) in
            stopped = true
            return (self.task, self.connection)
        }
        task?.cancel()
        if let connection { Task { try? await connection.close() } }
    }
}

extension PostgresStore {
    /// Starts the push from the server (see `PostgresWatch`).
    public func watch(_ handler: @escaping @Sendable (StoreSignal) -> Void) -> (any StoreWatch)? {
        PostgresWatch(location: link.location, handler: handler)
    }
}
