/// Replacing a file whole (`report --out`): the text goes to a new file beside it, which is
/// then renamed over it (`ReplacementFile`), so a reader sees the old file or the new one,
/// never half of one.
enum AtomicFile {
    /// Writes `text` to `path` through a temporary file in the same folder and a rename.
    /// - Throws: `CommandFailure` (exit 1) naming the path and the system's reason.
    static func replace(_ path: String, with text: String) throws {
        do {
            try ReplacementFile(beside: path).commit(Array(text.utf8))
        } catch {
            throw CommandFailure(
                "cannot write \(path): \(error.reason) (check that its folder exists and is writable)", status: 1)
        }
    }
}
