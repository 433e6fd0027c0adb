import ABMCore
import ABMImport
import ABMStore
import ArgumentParser

/// `abmboard export board`: the board as of the present or of the end of a review week, as
/// CSV or JSON with the columns a CRM import maps.
public struct ExportBoardCommand: ParsableCommand {
    /// Name and help.
    public static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "Export the board, as of now or of the end of a review week.",
        discussion: """
            Rows in board order (tier, then score, then id), as board --json has them. JSON is \
            {"as_of": TIME, "review_week": WEEK, "columns": [NAME, …], "accounts": [{NAME: VALUE, …}, …]}; \
            CSV has a header row, times in UTC with a Z and an empty cell for an absent value.
            Columns: \(BoardColumn.names.joined(separator: ", ")).
            Default: \(BoardColumn.defaults.map(\.rawValue).joined(separator: ", ")).
            """)

    /// Store, playbook, as-of.
    @OptionGroup public var global: GlobalOptions

    /// Format, file, formula guard.
    @OptionGroup public var output: ExportOptions

    /// The review week.
    @Option(
        help: """
            The board as of the end of this ISO week (Sunday 23:59:59 UTC), e.g. 2026-W47; a week \
            not over yet is exported as of now (or --as-of).
            """)
    public var week: String?

    /// The columns.
    @Option(help: "The columns, in order, separated by commas (all for every column).")
    public var columns: String?

    /// Removed accounts too.
    @Flag(name: .customLong("include-removed"), help: "Include accounts removed from the programme (tier empty).")
    public var includeRemoved = false

    /// Creates the command (argument-parser fills it in).
    public init() {}

    /// Checks `--columns` and `--week`.
    public func validate() throws {
        _ = try BoardColumn.option(columns)
        _ = try reviewWeek()
    }

    /// Writes the export.
    public func run() throws {
        let chosen = try BoardColumn.option(columns)
        let week = try reviewWeek()
        // A week not begun fails before the store is loaded; the as-of is taken again with the load.
        _ = try exportAsOf(week: week, present: try global.asOfInstant() ?? SystemClock.now())
        let destination = try ExportDestination(path: output.out)
        let loaded = try Session(options: global)
        let asOf = try exportAsOf(week: week, present: loaded.asOf)
        let session = Session(
            store: loaded.store, programme: loaded.programme, playbook: loaded.evaluator.playbook, asOf: asOf)
        let bytes = Self.bytes(
            session.board(includeRemoved: includeRemoved), programme: session.programme, asOf: asOf, columns: chosen,
            format: output.format, guardFormulas: output.guardFormulas)
        PhaseTimer.mark(output.format.rawValue)
        try destination.deliver(bytes)
        PhaseTimer.mark("write")
    }

    /// The export of `rows` (in their order) as of `asOf`: a JSON object with `as_of`,
    /// `review_week` and `accounts`, or CSV.
    static func bytes(
        _ rows: [AccountEvaluation], programme: Programme, asOf: Instant, columns: [BoardColumn],
        format: ExportFormat, guardFormulas: Bool
    ) -> [UInt8] {
        let table = BoardExport.table(rows, programme: programme, asOf: asOf, columns: columns)
        let header: [(String, JSONText.Value)] = [
            ("as_of", .time(asOf)), ("review_week", .string(ReviewWeek(containing: asOf).label)),
        ]
        return ExportOptions.render(
            table, header: header, rowsKey: "accounts", format: format, guardFormulas: guardFormulas)
    }

    /// The week `--week` names, if given.
    private func reviewWeek() throws -> ReviewWeek? {
        guard let week else { return nil }
        do {
            return try BoardExport.week(week)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The export's as-of.
    /// - Throws: `CommandFailure` (exit 64) for a week that has not begun.
    private func exportAsOf(week: ReviewWeek?, present: Instant) throws -> Instant {
        do {
            return try BoardExport.asOf(week: week, present: present)
        } catch {
            throw CommandFailure(error.description, status: CommandFailure.usage)
        }
    }
}
