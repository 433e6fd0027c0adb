/// The board's look and columns as the user chose them: `--theme`, else the config file's
/// `theme`, else the default theme; `NO_COLOR` (set and not empty) wins with the mono theme.
/// A broken config file or theme is reported and its defaults are used.
public struct BoardSettings: Sendable {
    /// The theme to draw with.
    public var theme: Theme
    /// Which board columns show, in order.
    public var columns: [ColumnID]
    /// The saved views, by name.
    public var views: [String: SavedView] = [:]
    /// What went wrong, one line each (for standard error), each group followed by what is
    /// used instead.
    public var warnings: [String]
    /// The first problem in one line, what is used instead first (the line may be cut short),
    /// for the board's status bar; `nil` when all is well.
    public var statusMessage: String?

    /// The default theme and columns, nothing to report.
    public init(theme: Theme = .standard, columns: [ColumnID] = ColumnID.defaultOrder) {
        self.theme = theme
        self.columns = columns
        warnings = []
    }

    /// The settings from `--theme` (`themeOption`), the environment (`NO_COLOR`,
    /// `XDG_CONFIG_HOME`, `HOME`) and the files `read` gives.
    public static func resolve(
        themeOption: String?, environment: [String: String], read: (String) -> FileText
    ) -> BoardSettings {
        var settings = BoardSettings()
        let directory = SettingsPaths.directory(environment: environment)
        var config = BoardConfig()
        if let directory {
            let path = SettingsPaths.config(in: directory)
            switch read(path) {
            case .missing: break
            case .unreadable:
                settings.report(["\(path): cannot be read as UTF-8 text"], instead: "the default settings")
            case .text(let toml):
                do {
                    config = try BoardConfig.parse(toml: toml, source: path)
                } catch {
                    settings.report(error.lines, instead: "the default settings")
                }
            }
        }
        settings.columns = config.columns
        settings.views = config.views
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty {
            settings.theme = .mono
            return settings
        }
        var name = themeOption ?? config.theme ?? BuiltInTheme.default.name
        if themeOption == nil, let directory, ThemeLookup.isPath(name), !name.hasPrefix("/") {
            name = SettingsPaths.join(directory, name)  // a relative path in the config is relative to it
        }
        let found = ThemeLookup.load(name, directory: directory, read: read)
        settings.theme = found.theme
        settings.report(found.problems, instead: "the default theme")
        return settings
    }

    /// Adds `problems` and what is used `instead` to the warnings; the first problem becomes
    /// the status bar's message.
    mutating func report(_ problems: [String], instead: String) {
        guard let first = problems.first else { return }
        warnings += problems + ["using \(instead)"]
        let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
        statusMessage = statusMessage ?? "using \(instead): \(first)\(more)"
    }
}
