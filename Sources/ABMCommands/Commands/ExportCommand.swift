import ABMCore
import ABMImport
import ArgumentParser

/// `abmboard export board|history`: the board or the mark history as CSV or JSON, for a CRM
/// import or an audit.
public struct ExportCommand: ParsableCommand {
    /// Name, help and the two kinds of export.
    public static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the board or the mark history as CSV or JSON (for a CRM, an audit).",
        discussion: """
            abmboard export board --format csv [--week 2026-W47] [--columns a,b,c] [--out FILE]
            abmboard export history --format json [--out FILE]
            """,
        subcommands: [ExportBoardCommand.self, ExportHistoryCommand.self])

    /// Creates the command (argument-parser fills it in).
    public init() {}
}

/// The file format of an export.
public enum ExportFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
    /// RFC 4180 CSV with a header row.
    case csv
    /// One JSON object with the rows as an array of objects.
    case json
}

/// The options both exports take: the format, where to write, and the spreadsheet guard.
public struct ExportOptions: ParsableArguments {
    /// CSV or JSON.
    @Option(help: "The file format.")
    public var format: ExportFormat

    /// The file to write.
    @Option(
        help: ArgumentHelp("Write to FILE (replaced whole, atomically) instead of standard output.", valueName: "file"))
    public var out: String?

    /// Whether to guard CSV cells against spreadsheet formulas.
    @Flag(
        name: .customLong("guard-formulas"),
        help: "CSV only: prefix ' to text that a spreadsheet would run as a formula (=, +, -, @).")
    public var guardFormulas = false

    /// Creates the options (argument-parser fills them in).
    public init() {}

    /// `table` in the chosen format; for JSON, `header` members come first and the rows go
    /// under `rowsKey`.
    func render(_ table: ExportTable, header: [(String, JSONText.Value)], rowsKey: String) -> [UInt8] {
        Self.render(table, header: header, rowsKey: rowsKey, format: format, guardFormulas: guardFormulas)
    }

    /// `table` in `format`; for JSON, `header` members come first and the rows go under
    /// `rowsKey`.
    static func render(
        _ table: ExportTable, header: [(String, JSONText.Value)], rowsKey: String, format: ExportFormat,
        guardFormulas: Bool
    ) -> [UInt8] {
        switch format {
        case .csv: ExportCSV.bytes(table, guardFormulas: guardFormulas)
        case .json: ExportJSON.render(table, header: header, rowsKey: rowsKey)
        }
    }
}

extension ExportColumn {
    /// The columns of a `--columns` option (the defaults when it is absent).
    /// - Throws: `ValidationError` (exit 64) with the message of `ExportError`.
    static func option(_ list: String?) throws -> [Self] {
        guard let list else { return defaults }
        do {
            return try parse(list)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
