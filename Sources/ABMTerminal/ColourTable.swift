import ABMBoardUI
import CNcursesw

/// A theme as ncurses draws it: attributes and a colour pair by role. Colours are mapped to
/// what the terminal has (`ColourFallback`): 256 palette entries, else the 8 basic colours; on
/// a terminal without colours a theme with colours gives way to the mono theme. Roles with the
/// same colours share a pair.
struct ColourTable {
    /// How a role is drawn.
    struct Style {
        var attributes: attr_t
        var pair: Int32
    }

    private var styles: [Role: Style] = [:]

    /// Sets up the pairs for `theme` on a terminal with `colourCount` colours (0: none, or
    /// colour not started). Call after `start_color` and `use_default_colors`.
    init(theme: Theme, colourCount: Int) {
        let colour = colourCount >= 8
        let drawn = colour || !theme.usesColour ? theme : .mono
        var pairs: [Pair: Int32] = [:]
        for role in Role.allCases {
            let style = drawn.style(for: role)
            let pair = Pair(
                foreground: ColourFallback.terminalIndex(style.foreground, colourCount: colourCount),
                background: ColourFallback.terminalIndex(style.background, colourCount: colourCount))
            var number: Int32 = 0
            if colour, pair != Pair(foreground: -1, background: -1) {
                if let known = pairs[pair] {
                    number = known
                } else if pairs.count + 1 < abm_color_pairs(),
                    init_pair(Int16(pairs.count + 1), Int16(pair.foreground), Int16(pair.background)) == OK
                {
                    number = Int32(pairs.count + 1)
                    pairs[pair] = number
                }
            }
            styles[role] = Style(attributes: ColourTable.attributes(style.attributes), pair: number)
        }
    }

    /// How `role` is drawn.
    func style(for role: Role) -> Style {
        styles[role] ?? Style(attributes: abm_a_normal(), pair: 0)
    }

    /// A foreground and background, as ncurses colour numbers (-1: the terminal's own).
    private struct Pair: Hashable {
        var foreground: Int
        var background: Int
    }

    /// A theme's attributes as ncurses attributes.
    private static func attributes(_ attributes: Set<ThemeAttribute>) -> attr_t {
        attributes.reduce(abm_a_normal()) { result, attribute in
            switch attribute {
            case .bold: return result | abm_a_bold()
            case .dim: return result | abm_a_dim()
            case .reverse: return result | abm_a_reverse()
            case .underline: return result | abm_a_underline()
            case .italic: return result | abm_a_italic()
            }
        }
    }
}
