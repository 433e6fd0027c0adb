import TOMLKit

extension Theme {
    /// Reads a theme file: one table per role (`[header]`), each with `fg`, `bg` and `attrs`.
    ///
    /// A role the file does not name takes the default theme's style. A role it names is
    /// described whole: a colour left out is the terminal's own, `attrs` left out means none.
    ///
    /// ```swift
    /// let theme = try Theme.parse(toml: "[header]\nfg = \"white\"\nbg = 24\n", source: "mine.toml")
    /// ```
    /// - Throws: `SettingsError` listing every problem: not TOML, an unknown role or key, a
    ///   colour that is not a name, 0–255 or `#rrggbb`, an unknown attribute.
    public static func parse(toml: String, source: String) throws(SettingsError) -> Theme {
        try parse(toml: toml, source: source, base: .standard)
    }

    /// Reads a theme file over `base`: the roles the file does not name keep `base`'s style.
    /// - Throws: `SettingsError` as `parse(toml:source:)` does.
    public static func parse(toml: String, source: String, base: Theme) throws(SettingsError) -> Theme {
        let table = try SettingsTOML.table(toml, source: source)
        var reader = ThemeReader(theme: base)
        for (key, value) in table {
            reader.read(role: key, value: value)
        }
        guard reader.problems.isEmpty else {
            throw SettingsError(source: source, problems: reader.problems)
        }
        return reader.theme
    }
}

/// Walks a theme file's tables, collecting problems.
private struct ThemeReader {
    var theme: Theme
    var problems: [SettingsError.Problem] = []

    /// What a colour may be, as messages say it.
    static let colourSpellings = "a colour (a name such as blue, 0–255 or #rrggbb)"

    mutating func read(role name: String, value: any TOMLValueConvertible) {
        guard let role = Role(rawValue: name) else {
            problem(name, SettingsTOML.unknown("role", name, known: Role.allCases.map(\.rawValue)))
            return
        }
        guard let table = value.table else {
            problem(name, "expected a table [\(name)] with fg, bg and attrs, found \(SettingsTOML.describe(value))")
            return
        }
        var style = ThemeStyle()
        let before = problems.count
        for (key, value) in table {
            let full = "\(name).\(key)"
            switch key {
            case "fg": style.foreground = colour(full, value) ?? style.foreground
            case "bg": style.background = colour(full, value) ?? style.background
            case "attrs": style.attributes = attributes(full, value) ?? style.attributes
            default: problem(full, "unknown key; expected fg, bg or attrs")
            }
        }
        if problems.count == before { theme.styles[role] = style }
    }

    mutating func colour(_ key: String, _ value: any TOMLValueConvertible) -> ThemeColour? {
        if let index = value.int {
            if let colour = ThemeColour(index: index) { return colour }
            problem(key, "expected a colour index from 0 to 255, found \(index)")
            return nil
        }
        if let text = value.string, let colour = ThemeColour(spelling: text) { return colour }
        problem(key, "expected \(ThemeReader.colourSpellings), found \(SettingsTOML.describe(value))")
        return nil
    }

    mutating func attributes(_ key: String, _ value: any TOMLValueConvertible) -> Set<ThemeAttribute>? {
        let names = ThemeAttribute.allCases.map(\.rawValue).joined(separator: ", ")
        guard let array = value.array else {
            problem(
                key,
                "expected a list of attributes such as [\"bold\"] from \(names), found \(SettingsTOML.describe(value))")
            return nil
        }
        var result: Set<ThemeAttribute> = []
        for element in array {
            guard let name = element.string, let attribute = ThemeAttribute(rawValue: name) else {
                problem(key, "expected attributes from \(names), found \(SettingsTOML.describe(element))")
                return nil
            }
            result.insert(attribute)
        }
        return result
    }

    mutating func problem(_ key: String, _ message: String) {
        problems.append(.init(key: key, message: message))
    }
}
