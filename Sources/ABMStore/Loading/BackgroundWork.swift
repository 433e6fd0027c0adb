import Foundation

/// Work started on another thread now, whose result is collected later.
package final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, StoreError> = .failure(.database("background work did not finish"))

    /// Starts `work` on a new thread.
    package init(_ work: @escaping @Sendable () -> Result<Value, StoreError>) {
        Thread.detachNewThread { [self] in
            result = work()
            done.signal()
        }
    }

    /// Waits for the work and returns its result.
    package func wait() -> Result<Value, StoreError> {
        done.wait()
        return result
    }
}
