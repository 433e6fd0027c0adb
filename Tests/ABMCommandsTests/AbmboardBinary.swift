import Foundation
import Testing

/// Where the binaries the process tests drive are.
enum AbmboardBinary {
    /// `abmboard`: `$ABMBOARD_BINARY`, else beside the test bundle, else the package's
    /// `.build/debug`.
    static let path: String? = {
        var candidates: [URL] = []
        if let given = ProcessInfo.processInfo.environment["ABMBOARD_BINARY"] {
            candidates.append(URL(fileURLWithPath: given))
        }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(runner.deletingLastPathComponent().appendingPathComponent("abmboard"))
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("abmboard"))
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("abmboard"))
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/abmboard"))
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let missing: Comment = """
        the abmboard binary was not found beside the test bundle (\(CommandLine.arguments[0])) nor in \
        .build/debug: run `swift build` first, or set ABMBOARD_BINARY to its path
        """

    /// The `sqlite3` tool.
    static let sqlite3 = tool("sqlite3")

    /// The `tmux` terminal multiplexer.
    static let tmux = tool("tmux")

    /// A tool found in the usual places or on `PATH`.
    static func tool(_ name: String) -> String? {
        let paths =
            ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
            + (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
