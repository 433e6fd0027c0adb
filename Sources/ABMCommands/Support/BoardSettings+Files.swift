import ABMBoardUI
import Foundation

extension BoardSettings {
    /// The settings from `--theme`, this process's environment and the files on disk; every
    /// warning is written to standard error (before the board takes the screen).
    static func load(themeOption: String?) -> BoardSettings {
        let settings = resolve(
            themeOption: themeOption, environment: ProcessInfo.processInfo.environment, read: readText)
        for warning in settings.warnings { writeError("abmboard: \(warning)") }
        return settings
    }

    /// A file's text, or why there is none.
    static func readText(_ path: String) -> FileText {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        guard !isDirectory.boolValue, let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return .unreadable
        }
        return .text(text)
    }
}
