import ABMCore
import ArgumentParser

/// The `abmboard` command: the board for the weekly account-based-marketing review.
public struct AbmboardCommand: ParsableCommand {
    /// The version printed by `--version`.
    public static let version = "0.1.0"

    /// Name, abstract, version and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "abmboard",
        abstract: "The board for the weekly account-based-marketing review.",
        discussion: """
            Without a subcommand, abmboard shows the board. Until the terminal UI and the store \
            arrive, it prints the bundled DEMO programme's tier health and top accounts.
            """,
        version: version,
        subcommands: [BenchCommand.self]
    )

    /// Creates the command (argument-parser fills it in).
    public init() {}

    /// Prints the DEMO board summary.
    public func run() throws {
        print(DemoSummary.render())
    }
}
