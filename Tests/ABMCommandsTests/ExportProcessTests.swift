import ABMImport
import Foundation
import Testing

/// `abmboard export` through the real binary on a store the sample was imported into.
@Suite("abmboard export on a store", .serialized)
struct ExportProcessTests {
    /// The CSV file at `path`, as records.
    static func csv(_ workspace: ProcessWorkspace, _ name: String) throws -> [[String]] {
        let text = try String(contentsOfFile: workspace.path(name), encoding: .utf8)
        return try ExportCommandTests.csvRecords(text)
    }

    @Test("a mark and its undo reach export history with their tiers; export board shows the decision and note")
    func markThenExport() throws {
        let workspace = try ProcessWorkspace()
        try workspace.importSample()
        let board = try workspace.boardJSON(asOf: nil, includeRemoved: false)
        let rows = try #require(board["accounts"] as? [[String: Any]])
        let account = try #require(rows.first { $0["tier"] as? Int == 2 }?["account_id"] as? String)
        let note = "=HYPERLINK(\"x\"), then pricing"
        let mark = try workspace.run(["mark", account, "demote", "--by", "dana", "--note", note])
        try #require(mark.status == 0, "mark: \(mark.error)")

        // History, as CSV into a file: the mark is the account's latest row, 2 → 3.
        let first = try workspace.run(["export", "history", "--format", "csv", "--out", "history.csv"])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.isEmpty && first.error.isEmpty)
        let history = try Self.csv(workspace, "history.csv")
        #expect(history.first == HistoryColumn.names)
        let marked = try #require(history.last { $0.first == account })
        let row = Dictionary(uniqueKeysWithValues: zip(HistoryColumn.names, marked))
        #expect(row["kind"] == "mark")
        #expect(row["decision"] == "demote")
        #expect(row["by"] == "dana")
        #expect(row["note"] == note)
        #expect(row["tier_before"] == "2")
        #expect(row["tier_after"] == "3")
        #expect(row["taken_back"] == "false")
        #expect(row["taken_back_at"] == "")
        #expect(row["at"]?.hasSuffix("Z") == true)

        // The board, as CSV with chosen columns and the formula guard.
        let exported = try workspace.run([
            "export", "board", "--format", "csv", "--columns", "account_id,tier,decision,decided_by,note",
            "--guard-formulas",
        ])
        #expect(exported.status == 0, "\(exported.error)")
        let boardRows = try ExportCommandTests.csvRecords(exported.output)
        #expect(boardRows.first == ["account_id", "tier", "decision", "decided_by", "note"])
        #expect(boardRows.contains([account, "3", "demote", "dana", "'" + note]))

        // After an undo, the mark is taken back and the undo restores Tier 2 (JSON this time).
        let undo = try workspace.run(["undo", account, "--by", "dana"])
        try #require(undo.status == 0, "undo: \(undo.error)")
        let second = try workspace.run(["export", "history", "--format", "json", "--out", "history.json"])
        #expect(second.status == 0, "\(second.error)")
        let object = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: workspace.path("history.json"))))
        let document = try #require(object as? [String: Any])
        #expect(document["columns"] as? [String] == HistoryColumn.names)
        let records = try #require(document["records"] as? [[String: Any]]).filter {
            $0["account_id"] as? String == account
        }
        let last = try #require(records.last)
        let taken = try #require(records.dropLast().last)
        #expect(last["kind"] as? String == "undo")
        #expect(last["decision"] is NSNull)
        #expect(last["tier_before"] as? Int == 3)
        #expect(last["tier_after"] as? Int == 2)
        #expect(taken["kind"] as? String == "mark")
        #expect(taken["taken_back"] as? Bool == true)
        #expect(taken["taken_back_at"] as? String == last["at"] as? String)
    }

    @Test("a past week's export is board --json as of its Sunday 23:59:59, in the same order")
    func pastWeek() throws {
        let workspace = try ProcessWorkspace()
        try workspace.importSample()
        let run = try workspace.run([
            "--as-of", "2026-11-20T16:00:00Z", "export", "board", "--format", "json", "--week", "2026-W46",
            "--include-removed", "--columns", "account_id,tier,engagement_score,decision",
        ])
        try #require(run.status == 0, "\(run.error)")
        let exported = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(exported["as_of"] as? String == "2026-11-15T23:59:59Z")
        #expect(exported["review_week"] as? String == "2026-W46")
        let board = try workspace.boardJSON(asOf: "2026-11-15T23:59:59Z", includeRemoved: true)
        let expected = try #require(board["accounts"] as? [[String: Any]])
        let rows = try #require(exported["accounts"] as? [[String: Any]])
        #expect(rows.map { $0["account_id"] as? String } == expected.map { $0["account_id"] as? String })
        #expect(rows.map { $0["tier"] as? Int } == expected.map { $0["tier"] as? Int })
        #expect(rows.map { $0["engagement_score"] as? Int } == expected.map { $0["engagement_score"] as? Int })
        #expect(
            rows.map { $0["decision"] as? String }
                == expected.map { ($0["decision"] as? [String: Any])?["mark"] as? String })
    }

    @Test("bad input exits 64 with one line and writes nothing")
    func badInput() throws {
        let workspace = try ProcessWorkspace()
        try workspace.importSample()
        try workspace.write("board.csv", "old\n")
        let cases: [([String], String)] = [
            (
                ["export", "board", "--format", "csv", "--columns", "teir", "--out", "board.csv"],
                "did you mean \"tier\""
            ),
            (["export", "board", "--format", "csv", "--week", "2026-W99", "--out", "board.csv"], "2026-W47"),
            (["export", "board", "--format", "yaml", "--out", "board.csv"], "'csv' and 'json'"),
            (
                [
                    "--as-of", "2026-11-20", "export", "board", "--format", "csv", "--week", "2026-W48", "--out",
                    "board.csv",
                ],
                "has not begun"
            ),
            (["export", "history", "--format", "csv", "--out", "missing/history.csv"], "missing/history.csv"),
            (["export", "history", "--format", "csv", "--out", "."], "is a directory"),
        ]
        for (arguments, expected) in cases {
            let run = try workspace.run(arguments)
            #expect(run.status == 64, "\(arguments): \(run.status) \(run.error)")
            #expect(run.error.split(separator: "\n").count == 1, "\(arguments): \(run.error)")
            #expect(run.error.contains(expected), "\(arguments): \(run.error)")
            #expect(run.output.isEmpty, "\(arguments): \(run.output.prefix(200))")
        }
        #expect(try String(contentsOfFile: workspace.path("board.csv"), encoding: .utf8) == "old\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: workspace.directory.path)
        #expect(!left.contains { $0.hasSuffix(".tmp") }, "temporary files left: \(left)")
    }
}
