import Foundation

/// Where an export goes: standard output, or `--out FILE` replaced atomically.
///
/// The file is written through a `ReplacementFile`, made when the destination is created, so
/// that a path that cannot be written fails before any work; it is removed if the export fails.
final class ExportDestination {
    /// The file to replace; `nil` for standard output.
    private let path: String?
    /// The file that replaces `path`.
    private var file: ReplacementFile?

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
        do {
            file = try ReplacementFile(beside: path)
        } catch {
            throw CommandFailure(
                "cannot write --out \"\(path)\": \(error.reason) (give a file in an existing directory you can write to)",
                status: CommandFailure.usage)
        }
    }

    /// Writes `bytes` to standard output, or to the file, which then replaces `FILE`.
    /// - Throws: `CommandFailure` (exit 1) when writing or renaming fails (a full disk).
    func deliver(_ bytes: [UInt8]) throws {
        guard let path, let file else {
            writeOutput(bytes: bytes)
            return
        }
        do {
            try file.commit(bytes)
        } catch {
            throw CommandFailure("cannot write --out \"\(path)\": \(error.reason); nothing was written", status: 1)
        }
    }
}
