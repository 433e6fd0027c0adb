import ABMBoardUI
import Foundation
import Testing

@testable import ABMCommands

/// Saving a view edits only its own section of `config.toml`.
struct ViewFileTests {
    static let section = "[views.mine]\nsearch = \"\"\n"

    @Test("a new view is added at the end; the rest of the file, comments included, stays as it was")
    func added() {
        let text = "# my settings\ntheme = \"light\"  # easier on the eyes\n"
        #expect(
            ViewFile.replacingSection(of: "mine", in: text, with: Self.section)
                == "# my settings\ntheme = \"light\"  # easier on the eyes\n\n[views.mine]\nsearch = \"\"\n")
        #expect(ViewFile.replacingSection(of: "mine", in: "", with: Self.section) == Self.section)
    }

    @Test("a view saved again replaces its section only, wherever it is")
    func replaced() {
        let text = """
            theme = "light"

            [views.mine]
            search = "old"
            sort = "score"

            [views.other]
            search = "keep"

            """
        #expect(
            ViewFile.replacingSection(of: "mine", in: text, with: Self.section)
                == "theme = \"light\"\n\n[views.mine]\nsearch = \"\"\n[views.other]\nsearch = \"keep\"\n")
    }

    @Test("saving writes the file in the settings directory, and it reads back with the view")
    func saves() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("abm-views-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = ["XDG_CONFIG_HOME": directory.path]
        var sort = BoardSort()
        sort.column = .sla
        let view = SavedView(search: "acme", sort: sort, columns: [.account, .sla])
        let path = try ViewFile.save(view, name: "late", environment: environment)
        #expect(path == directory.path + "/abmboard/config.toml")
        let config = try BoardConfig.parse(toml: try String(contentsOfFile: path, encoding: .utf8), source: path)
        #expect(config.views["late"] == view)
        // A file that is not valid TOML is left alone.
        try "theme = [".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ViewFileError.self) { try ViewFile.save(view, name: "late", environment: environment) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "theme = [")
    }
}
