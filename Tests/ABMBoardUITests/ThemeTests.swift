import Foundation
import Testing

@testable import ABMBoardUI

/// The shipped themes and how a theme file is read.
struct ThemeTests {
    /// The repository's root, three folders up from this file.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("each themes/*.toml in the repository is the text compiled into the binary", arguments: BuiltInTheme.allCases)
    func fileMatchesCompiledText(theme: BuiltInTheme) throws {
        let file = try String(contentsOf: ThemeTests.root.appendingPathComponent(theme.fileName), encoding: .utf8)
        #expect(file == theme.text)
    }

    @Test("the themes folder holds exactly the built-in themes")
    func noOtherThemeFiles() throws {
        let names = try FileManager.default.contentsOfDirectory(
            atPath: ThemeTests.root.appendingPathComponent("themes").path)
        #expect(Set(names) == Set(BuiltInTheme.allCases.map { "\($0.name).toml" }))
    }

    @Test("each built-in theme parses and names every role, each with a comment", arguments: BuiltInTheme.allCases)
    func namesEveryRole(theme: BuiltInTheme) throws {
        let parsed = try Theme.parse(toml: theme.text, source: theme.fileName, base: Theme())
        #expect(Set(parsed.styles.keys) == Set(Role.allCases))
        let lines = theme.text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where line.hasPrefix("[") {
            #expect(index > 0 && lines[index - 1].hasPrefix("# "), "\(theme.fileName): [\(line)] has no comment")
        }
    }

    @Test("the mono theme has no colour; the default theme uses the 256-colour palette")
    func monoAndDefault() {
        let colours = Role.allCases.flatMap {
            [Theme.mono.style(for: $0).foreground, Theme.mono.style(for: $0).background]
        }
        #expect(colours.allSatisfy { $0 == .terminalDefault })
        #expect(
            Theme.standard.style(for: .header)
                == ThemeStyle(
                    foreground: .rgb(red: 255, green: 255, blue: 255), background: .palette(25), attributes: [.bold]))
        #expect(Theme.standard != Theme.mono)
        #expect(!Theme.mono.usesColour && Theme.standard.usesColour)
    }

    @Test("a role a user theme does not name keeps the default theme's style; a named role is described whole")
    func partialTheme() throws {
        let theme = try Theme.parse(
            toml: """
                [header]
                fg = "bright_yellow"
                attrs = ["underline", "italic"]
                """, source: "mine.toml")
        #expect(theme.style(for: .header) == ThemeStyle(foreground: .palette(11), attributes: [.underline, .italic]))
        #expect(theme.style(for: .selected) == Theme.standard.style(for: .selected))
        #expect(theme.style(for: .slaDue) == Theme.standard.style(for: .slaDue))
    }

    @Test(
        "colours are read as names, indices and #rrggbb",
        arguments: [
            ("\"default\"", ThemeColour.terminalDefault), ("\"black\"", .palette(0)), ("\"white\"", .palette(7)),
            ("\"Bright_Blue\"", .palette(12)), ("\"bright_white\"", .palette(15)), ("0", .palette(0)),
            ("255", .palette(255)), ("\"#FF8700\"", .rgb(red: 255, green: 135, blue: 0)),
            ("\"#000000\"", .rgb(red: 0, green: 0, blue: 0)),
        ])
    func colourSpellings(spelling: String, colour: ThemeColour) throws {
        let theme = try Theme.parse(toml: "[text]\nbg = \(spelling)\n", source: "t.toml")
        #expect(theme.style(for: .text).background == colour)
    }

    @Test(
        "a broken theme is reported by file and key",
        arguments: [
            (
                "[header\nfg = 1\n",
                "themes/x.toml:1:8: not valid TOML: Error while parsing table header: expected ']', saw '\\n'"
            ),
            (
                "[header]\nfg = \"blu\"\n",
                "themes/x.toml: key \"header.fg\": expected a colour (a name such as blue, 0–255 or #rrggbb), found \"blu\""
            ),
            (
                "[header]\nbg = \"#12345\"\n",
                "themes/x.toml: key \"header.bg\": expected a colour (a name such as blue, 0–255 or #rrggbb), found \"#12345\""
            ),
            (
                "[header]\nfg = 1.5\n",
                "themes/x.toml: key \"header.fg\": expected a colour (a name such as blue, 0–255 or #rrggbb), found 1.5"
            ),
            (
                "[header]\nbg = 300\n",
                "themes/x.toml: key \"header.bg\": expected a colour index from 0 to 255, found 300"
            ),
            ("[headr]\nfg = \"red\"\n", "themes/x.toml: key \"headr\": unknown role; did you mean \"header\"?"),
            (
                "[wallpaper]\n",
                "themes/x.toml: key \"wallpaper\": unknown role; expected one of text, dim, header, selected, changed, status_bar, footer, error, tier_1, tier_2, tier_3, target, aware, engaged, opportunity, customer, expansion, surge, sla_due, sla_breached, sla_met, sla_late, sla_held, red_flag, sparkline, bar"
            ),
            (
                "[header]\ncolour = \"red\"\n",
                "themes/x.toml: key \"header.colour\": unknown key; expected fg, bg or attrs"
            ),
            (
                "header = \"red\"\n",
                "themes/x.toml: key \"header\": expected a table [header] with fg, bg and attrs, found \"red\""
            ),
            (
                "[header]\nattrs = [\"bold\", \"blink\"]\n",
                "themes/x.toml: key \"header.attrs\": expected attributes from bold, dim, reverse, underline, italic, found \"blink\""
            ),
            (
                "[header]\nattrs = \"bold\"\n",
                "themes/x.toml: key \"header.attrs\": expected a list of attributes such as [\"bold\"] from bold, dim, reverse, underline, italic, found \"bold\""
            ),
        ])
    func brokenTheme(toml: String, message: String) {
        #expect(throws: SettingsError.self) { try Theme.parse(toml: toml, source: "themes/x.toml") }
        do {
            _ = try Theme.parse(toml: toml, source: "themes/x.toml")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("every problem in a file is reported, one line each")
    func everyProblem() {
        do {
            _ = try Theme.parse(
                toml: "[header]\nfg = \"blu\"\nbg = 256\n[surge]\nattrs = [\"shiny\"]\n", source: "x.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.map(\.key) == ["header.bg", "header.fg", "surge.attrs"])
        }
    }
}
