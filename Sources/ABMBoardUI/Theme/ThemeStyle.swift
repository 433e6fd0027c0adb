/// A text attribute a theme may give a role.
public enum ThemeAttribute: String, CaseIterable, Sendable, Hashable {
    /// Bold (bright on many terminals).
    case bold
    /// Dim, fainter than ordinary text.
    case dim
    /// Foreground and background swapped.
    case reverse
    /// Underlined.
    case underline
    /// Italic (where the terminal has it).
    case italic
}

/// How cells of one role are drawn: foreground, background and attributes.
public struct ThemeStyle: Sendable, Hashable {
    /// The text colour.
    public var foreground: ThemeColour
    /// The background colour.
    public var background: ThemeColour
    /// The attributes.
    public var attributes: Set<ThemeAttribute>

    /// A style; by default the terminal's own colours and no attributes.
    public init(
        foreground: ThemeColour = .terminalDefault, background: ThemeColour = .terminalDefault,
        attributes: Set<ThemeAttribute> = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}
