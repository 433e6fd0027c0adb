/// What reading a settings file gave: the lookup is pure, and the caller does the reading.
public enum FileText: Sendable, Hashable {
    /// There is no such file.
    case missing
    /// The file exists but cannot be read as UTF-8 text.
    case unreadable
    /// The file's text.
    case text(String)
}

/// Where the board's settings live (XDG base directories).
public enum SettingsPaths {
    /// `$XDG_CONFIG_HOME/abmboard`, or `~/.config/abmboard` when `XDG_CONFIG_HOME` is unset,
    /// empty or relative (as the XDG spec says); `nil` without a home directory either.
    public static func directory(environment: [String: String]) -> String? {
        if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") { return join(base, "abmboard") }
        if let home = environment["HOME"], !home.isEmpty { return join(home, ".config/abmboard") }
        return nil
    }

    /// The config file in `directory`.
    public static func config(in directory: String) -> String { join(directory, "config.toml") }

    /// Where a theme called `name` is looked for in `directory`.
    public static func theme(_ name: String, in directory: String) -> String { join(directory, "themes/\(name).toml") }

    /// `base/path` with exactly one slash between them.
    static func join(_ base: String, _ path: String) -> String {
        base.hasSuffix("/") ? base + path : base + "/" + path
    }
}
