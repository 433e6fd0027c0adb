import Foundation

/// Runs async work from synchronous code (the commands and the board's loop are synchronous,
/// postgres-nio is async): the calling thread waits for the result. The work runs on threads
/// of its own (`QueueExecutor`), never on Swift's cooperative pool, so a caller that is itself
/// on that pool (a test, a task) cannot starve it into a deadlock.
enum Blocking {
    /// Where the work runs.
    static let executor = QueueExecutor()

    /// The result of `body`, waited for.
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: executor) {
            do {
                box.set(.success(try await body()))
            } catch {
                box.set(.failure(error))
            }
            done.signal()
        }
        done.wait()
        return try box.get()
    }
}

/// A result handed from a task to the waiting thread.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, any Error>?

    func set(_ value: Result<T, any Error>) {
        lock.withLock { result = value }
    }

    func get() throws -> T {
        guard let result = lock.withLock({ result }) else {
            throw CancellationError()
        }
        return try result.get()
    }
}

/// A task executor on a concurrent dispatch queue (jobs of one task still run one at a time).
final class QueueExecutor: TaskExecutor, @unchecked Sendable {
    private let queue = DispatchQueue(label: "abmboard.postgres", attributes: .concurrent)

    /// Runs the job on the queue.
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { [self] in job.runSynchronously(on: asUnownedTaskExecutor()) }
    }
}
