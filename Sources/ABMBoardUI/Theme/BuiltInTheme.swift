/// The themes compiled into the binary (SPEC §7.8), so an installed binary has them anywhere;
/// the same texts ship as `themes/NAME.toml` and a test keeps the two identical.
public enum BuiltInTheme: String, CaseIterable, Sendable {
    /// The default, for a dark terminal background (256 colours, falling back to 8).
    case `default`
    /// For a light terminal background.
    case light
    /// Strong foreground and background pairs.
    case highContrast = "high-contrast"
    /// Attributes only, no colour (also what `NO_COLOR` gives).
    case mono

    /// The theme's name, as `--theme` takes it.
    public var name: String { rawValue }

    /// Where the theme ships in the repository.
    public var fileName: String { "themes/\(rawValue).toml" }

    /// The theme file's text.
    public var text: String {
        switch self {
        case .default: return BuiltInTheme.defaultText
        case .light: return BuiltInTheme.lightText
        case .highContrast: return BuiltInTheme.highContrastText
        case .mono: return BuiltInTheme.monoText
        }
    }

    /// The theme parsed; the built-in themes name every role (a test checks that they parse),
    /// so the plain fallback here is never used.
    public var theme: Theme {
        (try? Theme.parse(toml: text, source: fileName, base: Theme())) ?? Theme()
    }
}
