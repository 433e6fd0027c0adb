import ABMBoardUI
import Foundation

/// Writes a saved view into `config.toml` as its `[views.NAME]` section: the section replaced
/// when it is there, added at the end otherwise; the rest of the file (comments included)
/// is kept as it is. The new text is read back before it is written, so a file this would
/// break is left alone.
enum ViewFile {
    /// Saves `view` as `name` in the config file of `environment`'s settings directory;
    /// returns the file's path.
    /// - Throws: `ViewFileError` when there is no settings directory, the file cannot be read
    ///   or written, or the new text would not be a valid config.
    static func save(_ view: SavedView, name: String, environment: [String: String]) throws(ViewFileError) -> String {
        guard let directory = SettingsPaths.directory(environment: environment) else {
            throw ViewFileError(message: "no settings directory (set HOME or XDG_CONFIG_HOME)")
        }
        let path = SettingsPaths.config(in: directory)
        var text = ""
        if FileManager.default.fileExists(atPath: path) {
            guard let existing = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ViewFileError(message: "\(path) cannot be read as UTF-8 text")
            }
            text = existing
        }
        let updated = replacingSection(of: name, in: text, with: view.toml(name: name))
        do {
            _ = try BoardConfig.parse(toml: updated, source: path)
        } catch {
            throw ViewFileError(message: "not saved: \(path) would not read back (\(error.lines.first ?? "\(error)"))")
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try updated.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw ViewFileError(message: "not saved: \(path) cannot be written (\(error.localizedDescription))")
        }
        return path
    }

    /// `text` with the section `[views.NAME]` (its header line up to the next table header)
    /// replaced by `section`, or `section` added at the end.
    static func replacingSection(of name: String, in text: String, with section: String) -> String {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        let headers: Set<String> = ["[views.\(name)]", "[views.\"\(name)\"]", "[ views.\(name) ]"]
        var kept: [String] = []
        var index = 0
        var replaced = false
        while index < lines.count {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            if headers.contains(trimmed) {
                index += 1
                while index < lines.count && !lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("[") {
                    index += 1
                }
                kept.append(contentsOf: section.components(separatedBy: "\n").dropLast())
                replaced = true
                continue
            }
            kept.append(lines[index])
            index += 1
        }
        if !replaced {
            if let last = kept.last, !last.isEmpty { kept.append("") }
            kept.append(contentsOf: section.components(separatedBy: "\n").dropLast())
        }
        return kept.joined(separator: "\n") + "\n"
    }
}

/// Why a view was not saved, in one line.
struct ViewFileError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
