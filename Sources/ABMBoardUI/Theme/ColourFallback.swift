/// How a theme colour is shown on a terminal with fewer colours: an exact colour becomes the
/// nearest entry of the xterm 256-colour palette (its 6×6×6 cube or its grey ramp), and on an
/// 8-colour terminal every colour becomes the nearest of the eight basic colours. Distances are
/// plain RGB distances; the basic colours are taken as xterm draws them by default.
public enum ColourFallback {
    /// The levels of each channel in the 6×6×6 cube (palette 16–231).
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The eight basic colours as xterm draws them (palette 0–7).
    static let basic: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229),
    ]

    /// The bright colours as xterm draws them (palette 8–15).
    static let bright: [(Int, Int, Int)] = [
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
        (255, 255, 255),
    ]

    /// The colour number to give ncurses on a terminal with `colourCount` colours: -1 for the
    /// terminal's own colour, a palette index 0–255 when it has 256 or more, else 0–7.
    public static func terminalIndex(_ colour: ThemeColour, colourCount: Int) -> Int {
        if case .terminalDefault = colour { return -1 }
        return colourCount >= 256 ? paletteIndex(colour) : basicIndex(colour)
    }

    /// The nearest 256-palette index (-1 for the terminal's own colour). Palette entries are
    /// kept; an exact colour takes the nearest cube or grey-ramp entry (never 0–15, whose
    /// colours differ between terminals).
    public static func paletteIndex(_ colour: ThemeColour) -> Int {
        switch colour {
        case .terminalDefault: return -1
        case .palette(let index): return index
        case .rgb(let red, let green, let blue):
            let cube = [red, green, blue].map(nearestCubeLevel)
            let cubeIndex = 16 + 36 * cube[0] + 6 * cube[1] + cube[2]
            let cubeDistance = distance(
                (red, green, blue), (cubeLevels[cube[0]], cubeLevels[cube[1]], cubeLevels[cube[2]]))
            // The grey ramp is 8, 18, … 238 (palette 232–255); the nearest grey to a colour is
            // the ramp step nearest the mean of its channels.
            let mean = Double(red + green + blue) / 3
            let step = min(max(Int(((mean - 8) / 10).rounded()), 0), 23)
            let grey = 8 + 10 * step
            let greyDistance = distance((red, green, blue), (grey, grey, grey))
            return greyDistance < cubeDistance ? 232 + step : cubeIndex
        }
    }

    /// The nearest of the eight basic colours, 0–7 (-1 for the terminal's own colour). A
    /// bright colour (8–15) becomes its basic colour; other palette entries and exact colours
    /// the basic colour nearest to their RGB value.
    public static func basicIndex(_ colour: ThemeColour) -> Int {
        switch colour {
        case .terminalDefault: return -1
        case .palette(let index) where index < 8: return index
        case .palette(let index) where index < 16: return index - 8
        case .palette(let index): return nearestBasic(rgb(paletteIndex: index))
        case .rgb(let red, let green, let blue): return nearestBasic((red, green, blue))
        }
    }

    /// The RGB value xterm gives palette entry `index` (0–255).
    public static func rgb(paletteIndex index: Int) -> (red: Int, green: Int, blue: Int) {
        switch index {
        case ..<8: return basic[max(index, 0)]
        case 8..<16: return bright[index - 8]
        case 16..<232:
            let offset = index - 16
            return (cubeLevels[offset / 36], cubeLevels[offset / 6 % 6], cubeLevels[offset % 6])
        default:
            let grey = 8 + 10 * (min(index, 255) - 232)
            return (grey, grey, grey)
        }
    }

    /// The index (0–5) of the cube level nearest `value`.
    static func nearestCubeLevel(_ value: Int) -> Int {
        cubeLevels.indices.min { abs(cubeLevels[$0] - value) < abs(cubeLevels[$1] - value) } ?? 0
    }

    /// The basic colour (0–7) nearest `colour`; the lower index on a tie.
    static func nearestBasic(_ colour: (Int, Int, Int)) -> Int {
        basic.indices.min { distance(colour, basic[$0]) < distance(colour, basic[$1]) } ?? 0
    }

    /// The squared RGB distance between two colours.
    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let red = a.0 - b.0
        let green = a.1 - b.1
        let blue = a.2 - b.2
        return red * red + green * green + blue * blue
    }
}
