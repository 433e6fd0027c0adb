import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where an export goes: standard output, or `--out FILE` replaced atomically.
///
/// The file is written to a temporary file beside it (`.NAME.PID-RANDOM.tmp`, made when the
/// destination is created, so that a path that cannot be written fails before any work), then
/// flushed to disk and renamed over `FILE`: a reader sees the old file or the whole new one,
/// never a part. The temporary file is removed if the export fails.
final class ExportDestination {
    /// The file to replace; `nil` for standard output.
    private let path: String?
    /// The temporary file, while it is open.
    private var temporary: (path: String, descriptor: Int32)?

    /// Standard output when `path` is `nil` or `-`, else a temporary file beside `path`.
    /// - Throws: `CommandFailure` (exit 64) when `path` is a directory or its directory cannot
    ///   be written.
    init(path: String?) throws {
        guard let path, path != "-" else {
            self.path = nil
            return
        }
        self.path = path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CommandFailure("--out \"\(path)\" is a directory: give a file name", status: CommandFailure.usage)
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        for _ in 0..<8 {
            let candidate =
                folder + "/." + url.lastPathComponent + ".\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 {
                temporary = (candidate, descriptor)
                return
            }
            if errno != EEXIST { break }
        }
        throw CommandFailure(
            "cannot write --out \"\(path)\": \(Self.reason(errno)) (give a file in an existing directory you can write to)",
            status: CommandFailure.usage)
    }

    deinit {
        discard()
    }

    /// Writes `bytes` to standard output, or to the file, which then replaces `FILE`.
    /// - Throws: `CommandFailure` (exit 1) when writing or renaming fails (a full disk).
    func deliver(_ bytes: [UInt8]) throws {
        guard let path, let (temporaryPath, descriptor) = temporary else {
            writeOutput(bytes: bytes)
            return
        }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                write(descriptor, raw.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw failure(path) }
            written += count
        }
        guard fsync(descriptor) == 0 else { throw failure(path) }
        temporary = nil
        guard close(descriptor) == 0, rename(temporaryPath, path) == 0 else {
            let failure = failure(path)
            unlink(temporaryPath)
            throw failure
        }
    }

    /// Closes and removes the temporary file, if one is open.
    func discard() {
        guard let (temporaryPath, descriptor) = temporary else { return }
        temporary = nil
        close(descriptor)
        unlink(temporaryPath)
    }

    /// The failure for the last system call on `path`.
    private func failure(_ path: String) -> CommandFailure {
        CommandFailure("cannot write --out \"\(path)\": \(Self.reason(errno)); nothing was written", status: 1)
    }

    /// The system's words for `code`.
    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
