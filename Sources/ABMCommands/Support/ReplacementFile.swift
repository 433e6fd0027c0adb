import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A system call's failure: its `errno`, worded by the caller.
struct SystemError: Error {
    /// The `errno` value.
    let code: Int32

    /// The system's words for it.
    var reason: String { String(cString: strerror(code)) }

    /// The current `errno`.
    static var last: SystemError { SystemError(code: errno) }
}

/// A new file beside `path` (`.NAME.tmp-PID-RANDOM.tmp`) that replaces it whole when
/// committed: written, flushed to disk and renamed over it, so a reader sees the old file or
/// the whole new one, never a part. Removed if it is never committed. What `report --out` and
/// `export --out` write through.
final class ReplacementFile {
    /// The file to replace.
    let path: String
    /// The temporary file, while it is open.
    private var temporary: (path: String, descriptor: Int32)?

    /// Creates the temporary file beside `path`.
    /// - Throws: `SystemError` when the folder cannot be written (or does not exist).
    init(beside path: String) throws(SystemError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        for _ in 0..<8 {
            let candidate =
                folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 {
                temporary = (candidate, descriptor)
                return
            }
            if errno != EEXIST { break }
        }
        throw SystemError.last
    }

    deinit {
        discard()
    }

    /// Writes `bytes`, flushes them and renames the file over `path`.
    /// - Throws: `SystemError` when writing, flushing or renaming fails (a full disk); the
    ///   temporary file is then removed.
    func commit(_ bytes: [UInt8]) throws(SystemError) {
        guard let (temporaryPath, descriptor) = temporary else { return }
        defer { discard() }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                write(descriptor, raw.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw SystemError.last }
            written += count
        }
        guard fsync(descriptor) == 0 else { throw SystemError.last }
        temporary = nil
        guard close(descriptor) == 0, rename(temporaryPath, path) == 0 else {
            let failure = SystemError.last
            unlink(temporaryPath)
            throw failure
        }
    }

    /// Closes and removes the temporary file, if it is still open.
    func discard() {
        guard let (temporaryPath, descriptor) = temporary else { return }
        temporary = nil
        close(descriptor)
        unlink(temporaryPath)
    }
}
