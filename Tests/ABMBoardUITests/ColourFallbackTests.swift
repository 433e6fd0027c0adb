import Testing

@testable import ABMBoardUI

/// How theme colours map to what a terminal has.
struct ColourFallbackTests {
    @Test(
        "an exact colour takes the nearest entry of the 256-colour cube or grey ramp",
        arguments: [
            (ThemeColour.rgb(red: 0, green: 0, blue: 0), 16), (.rgb(red: 255, green: 255, blue: 255), 231),
            (.rgb(red: 255, green: 0, blue: 0), 196), (.rgb(red: 0, green: 95, blue: 135), 24),
            (.rgb(red: 255, green: 135, blue: 0), 208), (.rgb(red: 135, green: 215, blue: 255), 117),
            (.rgb(red: 128, green: 128, blue: 128), 244), (.rgb(red: 138, green: 138, blue: 138), 245),
            (.rgb(red: 48, green: 48, blue: 48), 236), (.rgb(red: 100, green: 100, blue: 100), 241),
            (.rgb(red: 3, green: 3, blue: 3), 16), (.rgb(red: 250, green: 250, blue: 250), 231),
            (.rgb(red: 90, green: 140, blue: 170), 67), (.palette(3), 3), (.palette(200), 200),
            (.terminalDefault, -1),
        ])
    func palette(colour: ThemeColour, index: Int) {
        #expect(ColourFallback.paletteIndex(colour) == index)
    }

    @Test(
        "on an 8-colour terminal every colour becomes the nearest of the eight",
        arguments: [
            (ThemeColour.rgb(red: 0, green: 0, blue: 0), 0), (.rgb(red: 255, green: 255, blue: 255), 7),
            (.rgb(red: 255, green: 0, blue: 0), 1), (.rgb(red: 0, green: 255, blue: 0), 2),
            (.rgb(red: 255, green: 255, blue: 0), 3), (.rgb(red: 0, green: 0, blue: 255), 4),
            (.rgb(red: 255, green: 0, blue: 255), 5), (.rgb(red: 0, green: 255, blue: 255), 6),
            (.rgb(red: 255, green: 135, blue: 0), 3), (.rgb(red: 0, green: 95, blue: 135), 6),
            (.rgb(red: 48, green: 48, blue: 48), 0), (.rgb(red: 138, green: 138, blue: 138), 7),
            (.rgb(red: 95, green: 175, blue: 215), 6), (.rgb(red: 215, green: 95, blue: 215), 5),
            (.palette(5), 5), (.palette(9), 1), (.palette(15), 7), (.palette(8), 0),
            (.palette(24), 6), (.palette(25), 4), (.palette(196), 1), (.palette(46), 2), (.palette(226), 3),
            (.palette(232), 0), (.palette(255), 7), (.terminalDefault, -1),
        ])
    func basic(colour: ThemeColour, index: Int) {
        #expect(ColourFallback.basicIndex(colour) == index)
    }

    @Test(
        "the terminal's colour count picks the mapping",
        arguments: [
            (ThemeColour.rgb(red: 255, green: 135, blue: 0), 256, 208), (.rgb(red: 255, green: 135, blue: 0), 8, 3),
            (.rgb(red: 255, green: 135, blue: 0), 16, 3), (.palette(12), 256, 12), (.palette(12), 8, 4),
            (.rgb(red: 1, green: 2, blue: 3), 16_777_216, 16), (.terminalDefault, 8, -1),
            (.terminalDefault, 256, -1),
        ])
    func byColourCount(colour: ThemeColour, count: Int, index: Int) {
        #expect(ColourFallback.terminalIndex(colour, colourCount: count) == index)
    }

    @Test(
        "every palette entry has the RGB value xterm gives it",
        arguments: [
            (0, 0, 0, 0), (7, 229, 229, 229), (9, 255, 0, 0), (16, 0, 0, 0), (21, 0, 0, 255), (24, 0, 95, 135),
            (231, 255, 255, 255), (232, 8, 8, 8), (255, 238, 238, 238),
        ])
    func paletteRGB(index: Int, red: Int, green: Int, blue: Int) {
        let rgb = ColourFallback.rgb(paletteIndex: index)
        #expect(rgb.red == red && rgb.green == green && rgb.blue == blue)
    }

    @Test("an exact cube colour maps to itself", arguments: Array(16...231))
    func cubeRoundTrip(index: Int) {
        let rgb = ColourFallback.rgb(paletteIndex: index)
        #expect(ColourFallback.paletteIndex(.rgb(red: rgb.red, green: rgb.green, blue: rgb.blue)) == index)
    }
}
