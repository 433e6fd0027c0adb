import Testing

@testable import ABMBoardUI

/// The config file, and how the theme and columns are chosen from it, `--theme` and the
/// environment (files are given as a dictionary, so no disk is touched).
struct BoardSettingsTests {
    static let home = ["HOME": "/home/dana"]
    static let config = "/home/dana/.config/abmboard/config.toml"

    /// The settings as `resolve` gives them over `files`.
    static func resolve(
        _ option: String? = nil, environment: [String: String] = home, files: [String: String] = [:]
    ) -> BoardSettings {
        BoardSettings.resolve(themeOption: option, environment: environment) { path in
            files[path].map(FileText.text) ?? .missing
        }
    }

    @Test("a config file sets the theme and the columns in order")
    func parsesConfig() throws {
        let config = try BoardConfig.parse(
            toml: """
                theme = "light"
                columns = ["account", "tier", "owner", "state", "score", "trend", "surge", "last_touch", "sla", "suggests", "decision", "id"]
                """, source: "config.toml")
        #expect(config.theme == "light")
        #expect(config.columns.map(\.rawValue).last == "id")
        #expect(config.columns.count == 12)
        #expect(try BoardConfig.parse(toml: "", source: "config.toml") == BoardConfig())
    }

    @Test(
        "a broken config file is reported by file and key",
        arguments: [
            (
                "columns = [\"account\", \"sparkline\"]",
                "config.toml: key \"columns\": unknown column \"sparkline\"; expected column ids from account, id, tier, owner, state, score, trend, surge, last_touch, sla, suggests, decision"
            ),
            ("columns = [\"tier\", \"tier\"]", "config.toml: key \"columns\": column \"tier\" is listed twice"),
            (
                "columns = []",
                "config.toml: key \"columns\": expected at least one column, from account, id, tier, owner, state, score, trend, surge, last_touch, sla, suggests, decision"
            ),
            (
                "columns = \"account\"",
                "config.toml: key \"columns\": expected a list of column ids such as [\"account\", \"tier\"], found \"account\""
            ),
            (
                "theme = 3",
                "config.toml: key \"theme\": expected a theme's name such as \"light\" or a path to a .toml file, found 3"
            ),
            ("them = \"light\"", "config.toml: key \"them\": unknown key; did you mean \"theme\"?"),
            ("colour = true", "config.toml: key \"colour\": unknown key; expected one of theme, columns, views"),
        ])
    func brokenConfig(toml: String, message: String) {
        do {
            _ = try BoardConfig.parse(toml: toml, source: "config.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("with no config and no option: the default theme, every column, nothing to report")
    func defaults() {
        let settings = BoardSettingsTests.resolve()
        #expect(settings.theme == Theme.standard)
        #expect(settings.columns == ColumnID.defaultOrder)
        #expect(settings.warnings.isEmpty)
        #expect(settings.statusMessage == nil)
    }

    @Test("the config's theme and columns are used; --theme wins over the config's theme")
    func configAndOption() {
        let files = [BoardSettingsTests.config: "theme = \"light\"\ncolumns = [\"tier\", \"account\"]\n"]
        let fromConfig = BoardSettingsTests.resolve(files: files)
        #expect(fromConfig.theme == BuiltInTheme.light.theme)
        #expect(fromConfig.columns == [.tier, .account])
        #expect(BoardSettingsTests.resolve("high-contrast", files: files).theme == BuiltInTheme.highContrast.theme)
    }

    @Test("XDG_CONFIG_HOME moves the config; a relative one is ignored")
    func xdg() {
        let files = ["/xdg/abmboard/config.toml": "theme = \"mono\"\n"]
        #expect(BoardSettingsTests.resolve(environment: ["XDG_CONFIG_HOME": "/xdg"], files: files).theme == Theme.mono)
        #expect(
            BoardSettingsTests.resolve(environment: ["XDG_CONFIG_HOME": "xdg", "HOME": "/h"], files: files).theme
                == Theme.standard)
        #expect(
            SettingsPaths.directory(environment: ["XDG_CONFIG_HOME": "xdg", "HOME": "/h"]) == "/h/.config/abmboard")
        #expect(SettingsPaths.directory(environment: [:]) == nil)
    }

    @Test("a theme file in the settings directory overrides the built-in theme of its name")
    func userThemeOverridesBuiltIn() {
        let files = ["/home/dana/.config/abmboard/themes/light.toml": "[header]\nfg = \"red\"\n"]
        let settings = BoardSettingsTests.resolve("light", files: files)
        #expect(settings.theme.style(for: .header) == ThemeStyle(foreground: .palette(1)))
        #expect(settings.theme.style(for: .selected) == Theme.standard.style(for: .selected))
    }

    @Test("--theme takes a path to a .toml file")
    func themePath() {
        let settings = BoardSettingsTests.resolve("my/solar.toml", files: ["my/solar.toml": "[text]\nfg = 33\n"])
        #expect(settings.theme.style(for: .text) == ThemeStyle(foreground: .palette(33)))
        #expect(settings.warnings.isEmpty)
    }

    @Test("a broken theme is reported by file and key, and the default theme is used")
    func brokenTheme() {
        let settings = BoardSettingsTests.resolve(
            "themes/x.toml", files: ["themes/x.toml": "[header]\nfg = \"blu\"\nbg = 300\n"])
        #expect(settings.theme == Theme.standard)
        #expect(
            settings.warnings == [
                "themes/x.toml: key \"header.bg\": expected a colour index from 0 to 255, found 300",
                "themes/x.toml: key \"header.fg\": expected a colour (a name such as blue, 0–255 or #rrggbb), found \"blu\"",
                "using the default theme",
            ])
        #expect(
            settings.statusMessage
                == "using the default theme: themes/x.toml: key \"header.bg\": expected a colour index from 0 to 255, found 300 (and 1 more)"
        )
    }

    @Test("an unknown theme name is reported with the names there are")
    func unknownTheme() {
        let settings = BoardSettingsTests.resolve("ligth")
        #expect(settings.theme == Theme.standard)
        #expect(
            settings.statusMessage
                == "using the default theme: theme \"ligth\": no such theme; did you mean \"light\"? (built in: default, light, high-contrast, mono; or add /home/dana/.config/abmboard/themes/ligth.toml)"
        )
        #expect(
            BoardSettingsTests.resolve("nope.toml").warnings == [
                "nope.toml: no such theme file", "using the default theme",
            ])
    }

    @Test("a broken config is reported and its defaults used; the theme option still applies")
    func brokenConfigFallsBack() {
        let files = [BoardSettingsTests.config: "theme = \"light\"\ncolumns = [\"account\", \"sparkline\"]\n"]
        let settings = BoardSettingsTests.resolve("mono", files: files)
        #expect(settings.columns == ColumnID.defaultOrder)
        #expect(settings.theme == Theme.mono)
        #expect(settings.warnings.count == 2)
        #expect(settings.warnings.last == "using the default settings")
        #expect(
            settings.statusMessage?.hasPrefix(
                "using the default settings: \(BoardSettingsTests.config): key \"columns\": unknown column") == true)
    }

    @Test("NO_COLOR, when set and not empty, wins with the mono theme", arguments: [("1", true), ("", false)])
    func noColour(value: String, mono: Bool) {
        let files = [BoardSettingsTests.config: "theme = \"light\"\n"]
        let settings = BoardSettingsTests.resolve(
            "high-contrast", environment: ["HOME": "/h", "NO_COLOR": value], files: files)
        #expect((settings.theme == Theme.mono) == mono)
    }
}

/// Inputs the fuzzer found (scripts/fuzz.sh), pinned: a theme or config.toml that made
/// TOMLKit's parser abort the process is reported by line and column instead.
struct FuzzFoundSettingsTests {
    @Test("a theme or config with a non-ASCII character where a key begins is refused, not a crash")
    func refusedNotCrashed() {
        for text in ["[bar]\nattrs = [\"bold\"]\n[ë]\n", "theme = \"light\"\n\u{FFFD}eme = \"x\"\n"] {
            do {
                _ = try Theme.parse(toml: text, source: "t.toml")
                Issue.record("theme accepted \(text)")
            } catch {
                #expect(error.description.contains("not valid TOML"), "\(error)")
            }
            do {
                _ = try BoardConfig.parse(toml: text, source: "config.toml")
                Issue.record("config accepted \(text)")
            } catch {
                #expect(error.problems.first?.line != nil, "\(error)")
            }
        }
    }
}

/// The second key-start input the fuzzer found: an `=` where a table header's key begins.
struct FuzzFoundHeaderTests {
    @Test("a header without a key ([ = true) is a syntax error with its place, not a crash")
    func headerWithoutKey() {
        let text = "theme = \"light\"\n\n[ = true\nfilter = [\"tier=1\"]\n"
        do {
            _ = try BoardConfig.parse(toml: text, source: "config.toml")
            Issue.record("accepted")
        } catch {
            #expect(error.problems.first?.line == 3 && error.problems.first?.column == 3, "\(error)")
        }
    }
}
