import ABMCore
import ABMImport
import ArgumentParser
import Foundation
import Testing

@testable import ABMCommands

/// The exports against `board --json` on the sample programme, and the command line's parsing
/// and errors.
struct ExportCommandTests {
    static let programme = SampleGenerator.generate(.demo)

    /// `board --json --include-removed` as of `asOf`, parsed.
    static func boardJSON(asOf: Instant) throws -> [String: Any] {
        let rows = BoardOrder.sorted(
            Evaluator(playbook: Playbook()).evaluateAll(programme, asOf: asOf), in: programme, includeRemoved: true)
        let bytes = BoardJSON.render(rows, programme: programme, asOf: asOf)
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    /// The board export with every column, as of the end of `week` (else the sample's as-of).
    static func exportTable(week: String?) throws -> (table: ExportTable, asOf: Instant) {
        let asOf = try BoardExport.asOf(week: week.map(BoardExport.week), present: SampleOptions.demoAsOf)
        let rows = BoardOrder.sorted(
            Evaluator(playbook: Playbook()).evaluateAll(programme, asOf: asOf), in: programme, includeRemoved: true)
        return (BoardExport.table(rows, programme: programme, asOf: asOf, columns: Array(BoardColumn.allCases)), asOf)
    }

    /// A `board --json` row flattened to the export's column names.
    static func flattened(_ row: [String: Any], asOf: Any?) -> [String: Any] {
        let last = row["last_touch"] as? [String: Any]
        let sla = row["sla"] as? [String: Any]
        let decision = row["decision"] as? [String: Any]
        var flat: [String: Any] = [:]
        for key in [
            "account_id", "name", "tier", "owner", "demand_state", "engagement_score", "surging", "surging_topics",
            "stakeholders_30d", "active_contacts", "roles_covered", "recommendation", "recommendation_reason",
        ] {
            flat[key] = row[key]
        }
        flat["last_touch_at"] = last?["at"] ?? NSNull()
        flat["last_touch_channel"] = last?["channel"] ?? NSNull()
        flat["last_touch_direction"] = last?["direction"] ?? NSNull()
        flat["sla_status"] = sla?["status"]
        flat["sla_due_at"] = sla?["due_at"]
        flat["decision"] = decision?["mark"] ?? NSNull()
        flat["decided_by"] = decision?["by"] ?? NSNull()
        flat["decided_at"] = decision?["at"] ?? NSNull()
        flat["note"] = decision?["note"] ?? NSNull()
        flat["as_of"] = asOf
        return flat
    }

    /// A JSON value as JSON text (types kept: `1`, `true` and `"1"` differ).
    static func json(_ value: Any?) -> String {
        guard let value,
            let data = try? JSONSerialization.data(withJSONObject: [value], options: [.fragmentsAllowed])
        else { return "<missing>" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The CSV cell a `board --json` value should become.
    static func csvCell(_ value: Any?, column: String) -> String {
        switch value {
        case nil, is NSNull: return ""
        case let text as String: return text
        case let items as [Any]: return items.compactMap { $0 as? String }.joined(separator: ";")
        default:
            if column == "surging" { return (value as? Bool) == true ? "true" : "false" }
            return (value as? NSNumber).map { "\($0.intValue)" } ?? "<not a number>"
        }
    }

    /// Every record of CSV text.
    static func csvRecords(_ text: String) throws -> [[String]] {
        try Array(text.utf8).withUnsafeBufferPointer { buffer in
            var reader = CSVReader(bytes: buffer)
            var fields: [CSVField] = []
            var records: [[String]] = []
            while try reader.next(into: &fields) != nil { records.append(fields.map { reader.string($0) }) }
            return records
        }
    }

    @Test(
        "JSON and CSV exports agree with board --json to the number, for the present and for past weeks",
        arguments: [nil, "2026-W46", "2026-W44"])
    func agreesWithBoardJSON(week: String?) throws {
        let (table, asOf) = try Self.exportTable(week: week)
        if week == "2026-W46" { #expect(asOf == Instant.parseISO8601("2026-11-15T23:59:59Z")) }
        let board = try Self.boardJSON(asOf: asOf)
        let boardRows = try #require(board["accounts"] as? [[String: Any]])

        let header: [(String, JSONText.Value)] = [("as_of", .time(asOf)), ("review_week", .string("W"))]
        let document = ExportJSON.render(table, header: header, rowsKey: "accounts")
        let exported = try #require(try JSONSerialization.jsonObject(with: Data(document)) as? [String: Any])
        #expect(exported["as_of"] as? String == board["as_of"] as? String)
        #expect(exported["columns"] as? [String] == BoardColumn.names)
        let jsonRows = try #require(exported["accounts"] as? [[String: Any]])
        let csvRows = try Self.csvRecords(ExportCSV.render(table))
        #expect(csvRows.first == BoardColumn.names)
        #expect(jsonRows.count == boardRows.count)
        #expect(csvRows.count == boardRows.count + 1)
        #expect(boardRows.count == Self.programme.accountCount)

        var compared = 0
        for (position, boardRow) in boardRows.enumerated() {
            let expected = Self.flattened(boardRow, asOf: board["as_of"])
            let cells = Dictionary(uniqueKeysWithValues: zip(BoardColumn.names, csvRows[position + 1]))
            for (column, value) in expected {
                #expect(
                    Self.json(jsonRows[position][column]) == Self.json(value),
                    "JSON row \(position) column \(column)")
                #expect(cells[column] == Self.csvCell(value, column: column), "CSV row \(position) column \(column)")
                compared += 1
            }
            #expect(jsonRows[position]["review_week"] as? String == ReviewWeek(containing: asOf).label)
        }
        #expect(compared == boardRows.count * 23)
    }

    // MARK: - The command line

    /// The exit status and message argument-parser gives `arguments`, or `nil` when they parse.
    static func usageError(_ arguments: [String]) -> (status: Int32, message: String)? {
        do {
            _ = try AbmboardCommand.parseAsRoot(arguments)
            return nil
        } catch {
            return (AbmboardCommand.exitCode(for: error).rawValue, AbmboardCommand.message(for: error))
        }
    }

    @Test(
        "bad --format, --columns and --week are usage errors (exit 64) with the pinned message",
        arguments: [
            (
                ["export", "board", "--format", "csv", "--columns", "account_id,notes"],
                ExportError.unknownColumn(name: "notes", suggestions: ["note"], valid: BoardColumn.names).description
            ),
            (
                ["export", "history", "--format", "json", "--columns", "at,At"],
                "--columns: \"at\" is given twice; give each column once"
            ),
            (
                ["export", "board", "--format", "csv", "--week", "2026-W60"],
                "--week \"2026-W60\" is not a review week: give an ISO week such as 2026-W47"
            ),
            (
                ["export", "board", "--format", "xml"],
                "The value 'xml' is invalid for '--format <format>'. Please provide one of 'csv' and 'json'."
            ),
            (["export", "history"], "Missing expected argument '--format <format>'"),
        ])
    func usageErrors(arguments: [String], message: String) throws {
        let error = try #require(Self.usageError(arguments), "\(arguments) parsed")
        #expect(error.status == 64)
        #expect(error.message == message)
    }

    @Test("options parse before and after the subcommands, into the command that runs")
    func parsing() throws {
        let parsed = try AbmboardCommand.parseAsRoot([
            "--db", "store.sqlite", "export", "board", "--format", "json", "--week", "2026-W47", "--columns",
            "tier,name", "--out", "board.json", "--include-removed", "--as-of", "2026-11-20",
        ])
        let command = try #require(parsed as? ExportBoardCommand)
        #expect(command.global.db == "store.sqlite")
        #expect(command.global.asOf == "2026-11-20")
        #expect(command.output.format == .json)
        #expect(command.output.out == "board.json")
        #expect(command.week == "2026-W47")
        #expect(command.columns == "tier,name")
        #expect(command.includeRemoved)
        let history = try #require(
            try AbmboardCommand.parseAsRoot(["export", "history", "--format", "csv", "--guard-formulas"])
                as? ExportHistoryCommand)
        #expect(history.output.guardFormulas)
        #expect(history.columns == nil)
    }

    @Test("export's help lists its two kinds of export")
    func help() {
        #expect(
            AbmboardCommand.helpMessage(for: ExportCommand.self, columns: 100) == """
                OVERVIEW: Export the board or the mark history as CSV or JSON (for a CRM, an audit).

                abmboard export board --format csv [--week 2026-W47] [--columns a,b,c] [--out FILE]
                abmboard export history --format json [--out FILE]

                USAGE: abmboard export <subcommand>

                OPTIONS:
                  --version               Show the version.
                  -h, --help              Show help information.

                SUBCOMMANDS:
                  board                   Export the board, as of now or of the end of a review week.
                  history                 Export every mark, undo, note and tier change, for audit.

                  See 'abmboard help export <subcommand>' for detailed help.
                """)
    }

    @Test("export board's help lists its columns and the defaults")
    func boardHelp() {
        #expect(
            AbmboardCommand.helpMessage(for: ExportBoardCommand.self, columns: 100) == """
                OVERVIEW: Export the board, as of now or of the end of a review week.

                Rows in board order (tier, then score, then id), as board --json has them. JSON is {"as_of": TIME,
                "review_week": WEEK, "columns": [NAME, …], "accounts": [{NAME: VALUE, …}, …]}; CSV has a header
                row, times in UTC with a Z and an empty cell for an absent value.
                Columns: account_id, name, domain, tier, owner, sdr, region, holdout, demand_state,
                engagement_score, surging, surging_topics, stakeholders_30d, active_contacts, roles_covered, thin,
                last_touch_at, last_touch_channel, last_touch_direction, sla_status, sla_due_at, recommendation,
                recommendation_reason, decision, decided_by, decided_at, note, review_week, as_of.
                Default: account_id, name, tier, owner, demand_state, engagement_score, surging, last_touch_at,
                sla_status, recommendation, decision, decided_by, decided_at, note, review_week.

                USAGE: abmboard export board [--db <db>] [--playbook <playbook>] [--as-of <as-of>] --format <format> [--out <file>] [--guard-formulas] [--week <week>] [--columns <columns>] [--include-removed]

                OPTIONS:
                  --db <db>               The store: a SQLite file, or postgres://USER@HOST:PORT/DB (default:
                                          $ABMBOARD_DB, else ./abmboard.sqlite).
                  --playbook <playbook>   A playbook TOML file with the rules the team agreed (default: the
                                          built-in rules).
                  --as-of <as-of>         Evaluate (and stamp records) as of this time: 2026-11-20T16:00:00Z, or a
                                          date meaning 23:59:59 UTC.
                  --format <format>       The file format. (values: csv, json)
                  --out <file>            Write to FILE (replaced whole, atomically) instead of standard output.
                  --guard-formulas        CSV only: prefix ' to text that a spreadsheet would run as a formula (=,
                                          +, -, @).
                  --week <week>           The board as of the end of this ISO week (Sunday 23:59:59 UTC), e.g.
                                          2026-W47; a week not over yet is exported as of now (or --as-of).
                  --columns <columns>     The columns, in order, separated by commas (all for every column).
                  --include-removed       Include accounts removed from the programme (tier empty).
                  --version               Show the version.
                  -h, --help              Show help information.

                """)
    }

    @Test("export history's help lists its columns")
    func historyHelp() {
        #expect(
            AbmboardCommand.helpMessage(for: ExportHistoryCommand.self, columns: 100) == """
                OVERVIEW: Export every mark, undo, note and tier change, for audit.

                Records stamped at or before now (or --as-of), in time order; at equal times by account id, then in
                the order recorded. JSON is {"as_of": TIME, "columns": [NAME, …], "records": [{NAME: VALUE, …},
                …]}; CSV has a header row, times in UTC with a Z and an empty cell for an absent value (a removed
                account's tier).
                Columns: account_id, account_name, at, by, kind, decision, note, tier_before, tier_after,
                review_week, taken_back, taken_back_at.

                USAGE: abmboard export history [--db <db>] [--playbook <playbook>] [--as-of <as-of>] --format <format> [--out <file>] [--guard-formulas] [--columns <columns>]

                OPTIONS:
                  --db <db>               The store: a SQLite file, or postgres://USER@HOST:PORT/DB (default:
                                          $ABMBOARD_DB, else ./abmboard.sqlite).
                  --playbook <playbook>   A playbook TOML file with the rules the team agreed (default: the
                                          built-in rules).
                  --as-of <as-of>         Evaluate (and stamp records) as of this time: 2026-11-20T16:00:00Z, or a
                                          date meaning 23:59:59 UTC.
                  --format <format>       The file format. (values: csv, json)
                  --out <file>            Write to FILE (replaced whole, atomically) instead of standard output.
                  --guard-formulas        CSV only: prefix ' to text that a spreadsheet would run as a formula (=,
                                          +, -, @).
                  --columns <columns>     The columns, in order, separated by commas (default: all).
                  --version               Show the version.
                  -h, --help              Show help information.

                """)
    }
}
