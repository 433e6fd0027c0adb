import ABMCore

/// Finds a theme by what `--theme` or the config's `theme` says: a path to a `.toml` file, a
/// name found as `themes/NAME.toml` in the settings directory (which overrides a built-in theme
/// of that name), or a built-in theme's name.
public enum ThemeLookup {
    /// The theme `name` names, or the default theme and the problems that made it fall back
    /// (each a line naming the file and key, or the unknown name).
    public static func load(
        _ name: String, directory: String?, read: (String) -> FileText
    ) -> (theme: Theme, problems: [String]) {
        if isPath(name) { return parse(file: name, text: read(name)) }
        if let directory {
            let path = SettingsPaths.theme(name, in: directory)
            let text = read(path)
            if text != .missing { return parse(file: path, text: text) }
        }
        if let builtIn = BuiltInTheme(rawValue: name) { return (builtIn.theme, []) }
        let names = BuiltInTheme.allCases.map(\.name)
        var message = "theme \"\(name)\": no such theme"
        if let near = Suggestions.closest(to: name, among: names, limit: 1).first {
            message += "; did you mean \"\(near)\"?"
        }
        message += " (built in: \(names.joined(separator: ", "))"
        if let directory { message += "; or add \(SettingsPaths.theme(name, in: directory))" }
        return (.standard, [message + ")"])
    }

    /// Whether `name` is a path to a file rather than a theme's name.
    public static func isPath(_ name: String) -> Bool {
        name.contains("/") || name.hasSuffix(".toml")
    }

    static func parse(file: String, text: FileText) -> (theme: Theme, problems: [String]) {
        switch text {
        case .missing: return (.standard, ["\(file): no such theme file"])
        case .unreadable: return (.standard, ["\(file): cannot be read as UTF-8 text"])
        case .text(let toml):
            do {
                return (try Theme.parse(toml: toml, source: file), [])
            } catch {
                return (.standard, error.lines)
            }
        }
    }
}
