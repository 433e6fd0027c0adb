import ABMCore
import ABMImport
import ArgumentParser

/// `abmboard export history`: every mark, undo, note and re-import tier change, for audit.
public struct ExportHistoryCommand: ParsableCommand {
    /// Name and help.
    public static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Export every mark, undo, note and tier change, for audit.",
        discussion: """
            Records stamped at or before now (or --as-of), in time order; at equal times by \
            account id, then in the order recorded. JSON is {"as_of": TIME, "columns": [NAME, …], \
            "records": [{NAME: VALUE, …}, …]}; CSV has a header row, times in UTC with a Z and an \
            empty cell for an absent value (a removed account's tier).
            Columns: \(HistoryColumn.names.joined(separator: ", ")).
            """)

    /// Store, playbook, as-of.
    @OptionGroup public var global: GlobalOptions

    /// Format, file, formula guard.
    @OptionGroup public var output: ExportOptions

    /// The columns.
    @Option(help: "The columns, in order, separated by commas (default: all).")
    public var columns: String?

    /// Creates the command (argument-parser fills it in).
    public init() {}

    /// Checks `--columns`.
    public func validate() throws {
        _ = try HistoryColumn.option(columns)
    }

    /// Writes the export.
    public func run() throws {
        let chosen = try HistoryColumn.option(columns)
        let destination = try ExportDestination(path: output.out)
        let session = try Session(options: global)
        let rows = HistoryExport.rows(of: session.programme, asOf: session.asOf)
        PhaseTimer.mark("replay")
        let table = HistoryExport.table(rows, programme: session.programme, columns: chosen)
        PhaseTimer.mark("table")
        let bytes = output.render(table, header: [("as_of", .time(session.asOf))], rowsKey: "records")
        PhaseTimer.mark(output.format.rawValue)
        try destination.deliver(bytes)
        PhaseTimer.mark("write")
    }
}
