import ABMBoardUI
import ABMCore
import ArgumentParser
import Foundation

/// The `abmboard` command: the board for the weekly account-based-marketing review.
public struct AbmboardCommand: ParsableCommand {
    /// The version printed by `--version`.
    public static let version = "0.1.0"

    /// Name, abstract, version and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "abmboard",
        abstract: "The board for the weekly account-based-marketing review.",
        discussion: """
            Without a subcommand, abmboard opens the board in the terminal (its summary when not \
            run in a terminal) on the store (--db, $ABMBOARD_DB, else ./abmboard.sqlite), or on \
            the bundled DEMO programme when there is no store yet. Exit status: 0 success, 64 usage error, 65 bad input \
            data, 1 otherwise (a refused mark, an unknown account).
            """,
        version: version,
        subcommands: [
            ImportCommand.self, BoardCommand.self, ExplainCommand.self, MarkCommand.self, UndoCommand.self,
            NoteCommand.self, LogTouchCommand.self, HealthCommand.self, ReportCommand.self, ExportCommand.self,
            SampleCommand.self, DatabaseCommand.self, MembersCommand.self,
            BenchCommand.self,
        ]
    )

    /// Store, playbook, as-of.
    @OptionGroup public var global: GlobalOptions

    /// The board's theme.
    @Option(
        help: """
            The board's theme: default, light, high-contrast, mono, NAME for NAME.toml in \
            $XDG_CONFIG_HOME/abmboard/themes, or a .toml file (default: the theme in \
            $XDG_CONFIG_HOME/abmboard/config.toml, else default).
            """)
    public var theme: String?

    /// The saved view to open the board on.
    @Option(help: "Open the board on the saved view NAME ([views.NAME] in config.toml; :view save NAME keeps one).")
    public var view: String?

    /// Creates the command (argument-parser fills it in).
    public init() {}

    /// The board's settings; the view `--view` names must be among them.
    private func boardSettings() throws -> BoardSettings {
        let settings = BoardSettings.load(themeOption: theme)
        if let view, settings.views[view] == nil {
            let known = settings.views.keys.sorted()
            throw ValidationError(
                "no saved view named \"\(view)\""
                    + (known.isEmpty
                        ? " (views are kept with :view save NAME on the board)"
                        : "; saved views: \(known.joined(separator: ", "))"))
        }
        return settings
    }

    /// Opens the board in the terminal (or, when standard input or output is not a terminal,
    /// prints its summary) on the store, or on the DEMO programme when there is none.
    public func run() throws {
        let interactive = isatty(0) == 1 && isatty(1) == 1
        if view != nil && !interactive { _ = try boardSettings() }
        if global.storeExists() {
            if interactive {
                let store = try global.openStore()
                try BoardApp(
                    store: store, playbook: try global.loadPlaybook(), fixedAsOf: try global.asOfInstant(),
                    storeName: store.name, user: try Identity.person(nil, store: store),
                    settings: try boardSettings(), view: view
                ).run()
                return
            }
            let session = try Session(options: global)
            writeOutput(BoardSummary.render(session: session, label: session.store.name))
            return
        }
        let demo = try DemoStore()
        defer { demo.remove() }
        let asOf = try global.asOfInstant() ?? SampleOptions.demoAsOf
        if interactive {
            try BoardApp(
                store: demo.store, playbook: try global.loadPlaybook(), fixedAsOf: asOf, storeName: "DEMO",
                user: Identity.person(nil), settings: try boardSettings(), view: view
            ).run()
            return
        }
        let session = Session(
            store: demo.store, programme: try demo.store.loadProgramme(), playbook: try global.loadPlaybook(),
            asOf: asOf)
        writeOutput(BoardSummary.render(session: session, label: "DEMO"))
    }
}
