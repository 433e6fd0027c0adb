import ABMTestSupport
import ArgumentParser
import Foundation
import Testing

@testable import ABMCommands

/// Every subcommand's `--help`, pinned in `Help/` (at 100 columns), so a change to an option
/// or its words shows in review. To update on purpose: `ABMBOARD_UPDATE_GOLDEN=1 swift test
/// --filter SubcommandHelpTests`, then read the diff.
struct SubcommandHelpTests {
    /// Every subcommand below the root, with its path of names (`db backup`).
    static let commands: [(path: String, command: ParsableCommand.Type)] = {
        var found: [(String, ParsableCommand.Type)] = []
        func walk(_ command: ParsableCommand.Type, path: [String]) {
            for sub in command.configuration.subcommands {
                let name = sub.configuration.commandName ?? "\(sub)"
                found.append(((path + [name]).joined(separator: " "), sub))
                walk(sub, path: path + [name])
            }
        }
        walk(AbmboardCommand.self, path: [])
        return found
    }()

    static let paths = commands.map(\.path)

    @Test("each subcommand's --help matches its pinned text", arguments: paths)
    func pinned(path: String) throws {
        let command = try #require(Self.commands.first { $0.path == path }?.command)
        let text = AbmboardCommand.helpMessage(for: command, columns: 100) + "\n"
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Help/\(path.replacingOccurrences(of: " ", with: "-")).txt")
        try GoldenFile.compare(text, with: file, name: "abmboard \(path) --help")
    }

    @Test("every subcommand is pinned (no help file is left over)")
    func everyOnePinned() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Help")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
        #expect(Set(files) == Set(Self.paths.map { $0.replacingOccurrences(of: " ", with: "-") + ".txt" }))
    }
}
