import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replacing a file whole: the text goes to a new file beside it, which is then renamed over
/// it, so a reader sees the old file or the new one, never half of one.
enum AtomicFile {
    /// Writes `text` to `path` through a temporary file in the same folder and a rename.
    /// - Throws: `CommandFailure` (exit 1) naming the path and the system's reason.
    static func replace(_ path: String, with text: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary =
            folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure(path, errno) }
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return write(descriptor, base + written, buffer.count - written)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let code = errno
                close(descriptor)
                throw failure(path, code)
            }
            written += count
        }
        guard fsync(descriptor) == 0 else {
            let code = errno
            close(descriptor)
            throw failure(path, code)
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else { throw failure(path, errno) }
        renamed = true
    }

    private static func failure(_ path: String, _ code: Int32) -> CommandFailure {
        CommandFailure(
            "cannot write \(path): \(String(cString: strerror(code))) (check that its folder exists and is writable)",
            status: 1)
    }
}
