/// Colours and attributes by role (SPEC §6 themes): what the terminal draws each role with.
/// Views name roles only; a theme decides how they look.
public struct Theme: Sendable, Hashable {
    /// The style of each role the theme names.
    public var styles: [Role: ThemeStyle]

    /// A theme with these styles; a role without one is drawn plainly.
    public init(styles: [Role: ThemeStyle] = [:]) {
        self.styles = styles
    }

    /// How `role` is drawn (plain text when the theme does not name it).
    public func style(for role: Role) -> ThemeStyle {
        styles[role] ?? ThemeStyle()
    }

    /// Whether any role has a colour other than the terminal's own (the mono theme has none).
    public var usesColour: Bool {
        styles.values.contains { $0.foreground != .terminalDefault || $0.background != .terminalDefault }
    }

    /// The built-in default (dark) theme, the base of every other theme.
    public static let standard = BuiltInTheme.default.theme

    /// The built-in monochrome theme, used when colour is off (`NO_COLOR`, or a terminal
    /// without colours).
    public static let mono = BuiltInTheme.mono.theme
}
