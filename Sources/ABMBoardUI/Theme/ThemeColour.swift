/// A colour in a theme: the terminal's own, one of the 256 palette entries, or an exact RGB
/// colour that the terminal shows as the nearest colour it has (`ColourFallback`).
public enum ThemeColour: Sendable, Hashable {
    /// The terminal's own foreground or background (`default` in a theme file).
    case terminalDefault
    /// A palette entry 0–255: 0–7 are the eight basic colours, 8–15 their bright versions,
    /// 16–231 the 6×6×6 colour cube and 232–255 the grey ramp.
    case palette(Int)
    /// An exact colour (`#rrggbb`).
    case rgb(red: Int, green: Int, blue: Int)

    /// The eight basic colours by name, in palette order (black is 0, white is 7).
    public static let basicNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Every colour name a theme may use: `default`, the eight basic colours and their
    /// `bright_` versions.
    public static let names = ["default"] + basicNames + basicNames.map { "bright_\($0)" }

    /// The colour a theme file spells `text`: `default`, a name, or `#rrggbb` (case does not
    /// matter); `nil` when it is none of these.
    public init?(spelling text: String) {
        let lowered = text.lowercased()
        if lowered == "default" {
            self = .terminalDefault
        } else if let index = ThemeColour.basicNames.firstIndex(of: lowered) {
            self = .palette(index)
        } else if lowered.hasPrefix("bright_"),
            let index = ThemeColour.basicNames.firstIndex(of: String(lowered.dropFirst("bright_".count)))
        {
            self = .palette(index + 8)
        } else if lowered.hasPrefix("#"), lowered.count == 7,
            lowered.dropFirst().allSatisfy(\.isHexDigit),
            let value = Int(lowered.dropFirst(), radix: 16)
        {
            self = .rgb(red: value >> 16, green: (value >> 8) & 0xFF, blue: value & 0xFF)
        } else {
            return nil
        }
    }

    /// The palette entry `index`, when it is 0–255.
    public init?(index: Int) {
        guard (0...255).contains(index) else { return nil }
        self = .palette(index)
    }
}
